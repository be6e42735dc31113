/**
 * {@code GET /metrics}: Prometheus metrics through Micrometer — request latency per route and
 * status, Neo4j query time per named query, documents loaded, extraction runs, JVM and pool gauges.
 */
package parley.metrics;
