/**
 * Cypher from clients: the named queries of {@code cypher/queries/} ({@code /api/queries}) and
 * the guarded, read-only ad-hoc endpoint {@code POST /api/cypher}.
 */
package parley.cypher;
