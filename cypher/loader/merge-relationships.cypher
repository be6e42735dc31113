// Creates or finds relationships of one type and adds this source's evidence to them;
// `evidenceSources[i]` names the source of `evidence[i]`. Endpoints come as element ids, which
// the statements before returned in the same transaction.
// Template: ${type}. Parameters: $source (source id), $rows [{from, to, properties, evidence}].
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
MERGE (a)-[r:${type}]->(b)
SET r += row.properties,
    r.evidence = coalesce(r.evidence, []) + row.evidence,
    r.evidenceSources = coalesce(r.evidenceSources, []) + [x IN row.evidence | $source],
    r.sources = CASE WHEN $source IN coalesce(r.sources, []) THEN r.sources
                ELSE coalesce(r.sources, []) + $source END
