/** {@code /api/timeline}: meetings, events, statements and claims in date order. */
package parley.timeline;
