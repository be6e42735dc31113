/** {@code /api/meetings}: meetings planned or held, filtered by date, place, participant, status. */
package parley.meetings;
