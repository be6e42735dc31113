// Creates or finds relationships and adds this source's evidence to them;
// `evidenceSources[i]` names the source of `evidence[i]`. Endpoints come as element ids, which
// the statements before returned in the same transaction, so no index is needed and the type can
// be dynamic: one statement (one query plan) for every type, where one per type made a cold
// start plan some twenty statements. The loader takes `type` from the fixed list of
// shared/KB-SCHEMA.md, which the validator checks.
// Returns each relationship's element id: a new source's changes are read back by it
// (relationships-by-element-id.cypher).
// Parameters: $source (source id), $rows [{type, from, to, properties, evidence}].
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
MERGE (a)-[r:$(row.type)]->(b)
SET r += row.properties,
    r.evidence = coalesce(r.evidence, []) + row.evidence,
    r.evidenceSources = coalesce(r.evidenceSources, []) + [x IN row.evidence | $source],
    r.sources = CASE WHEN $source IN coalesce(r.sources, []) THEN r.sources
                ELSE coalesce(r.sources, []) + $source END
RETURN elementId(r) AS elementId
