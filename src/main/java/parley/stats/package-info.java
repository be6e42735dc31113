/** {@code GET /api/stats}: how many nodes per label and relationships per type the graph holds. */
package parley.stats;
