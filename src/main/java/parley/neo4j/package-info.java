/**
 * Neo4j wiring: where the database is (in-process or a server), the driver, the query helper
 * that routes reads to readers, and the schema applied at start.
 */
package parley.neo4j;
