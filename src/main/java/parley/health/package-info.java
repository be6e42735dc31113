/**
 * {@code GET /health} (= {@code /health/ready}): UP only while Neo4j answers a query and nothing is
 * being prepared; {@code GET /health/live}: the process answers.
 */
package parley.health;
