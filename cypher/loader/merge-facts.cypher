// Creates or updates facts of one label and links each to the source reporting it, with the
// verbatim sentence(s); a meeting's REPORTED_IN keeps the status this source reports.
// Returns each fact's element id. REPORTED_IN is created, not merged, for the reason
// merge-entities.cypher gives.
// Template: ${label}. Parameters: $source (source id), $rows [{id, properties, evidence, status}].
CYPHER replan=skip
MATCH (s:Source {id: $source})
UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
SET n += row.properties
CREATE (n)-[:REPORTED_IN {evidence: row.evidence[0], sentences: row.evidence, status: row.status}]->(s)
RETURN row.id AS id, elementId(n) AS elementId
