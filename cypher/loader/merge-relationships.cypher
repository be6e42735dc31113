// Creates or finds relationships of one type and adds this source's evidence to them;
// `evidenceSources[i]` names the source of `evidence[i]`. Endpoints come as element ids, which
// the statements before returned in the same transaction, so no index is needed. The type is
// written into the statement (one statement per type the document uses, as merge-entities.cypher
// has one per label): MERGE with a dynamic type `$(row.type)` looked up every relationship
// between the two nodes, of every type, and filtered them; a fixed type expands only that type,
// from the end with fewer of them. One SET of one map (the document's properties with the
// evidence lists) leaves the plan no read after a write to wait for (two SETs planned two
// Eagers). The document schema keeps `evidence`, `evidenceSources` and `sources` out of a
// relationship's properties. The loader takes the type from the fixed list of
// shared/KB-SCHEMA.md, which the validator checks.
// Returns each relationship's element id: a new source's changes are read back by it
// (relationships-by-element-id.cypher).
// Template: ${type}. Parameters: $source (source id), $rows [{from, to, properties, evidence}].
CYPHER replan=skip
UNWIND $rows AS row
WITH row, row.properties AS properties
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
MERGE (a)-[r:${type}]->(b)
SET r += properties {
      .*,
      evidence: coalesce(r.evidence, []) + row.evidence,
      evidenceSources: coalesce(r.evidenceSources, []) + [x IN row.evidence | $source],
      sources: CASE WHEN $source IN coalesce(r.sources, []) THEN r.sources
               ELSE coalesce(r.sources, []) + $source END
    }
RETURN elementId(r) AS elementId
