/** {@code GET /health}: UP only while Neo4j answers a query. */
package parley.health;
