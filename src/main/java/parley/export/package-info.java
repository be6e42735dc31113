/**
 * Exports of the whole graph or of a part of it (an actor's network, a date range, one source) as
 * GraphML, CSV for {@code neo4j-admin database import} and JSON Lines of facts with their
 * evidence: each an endpoint ({@code /api/export/…}) and a command line ({@link parley.export.Cli}),
 * streamed from one read transaction so that memory does not grow with the graph.
 */
package parley.export;
