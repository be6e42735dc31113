/**
 * The knowledge base: source documents (one per article), their validator, the loader that
 * writes them into Neo4j with provenance, the bundled documents loaded at start, and the
 * {@code /api/documents} and {@code /api/sources} endpoints.
 */
package parley.kb;
