// Creates or updates facts of one label and links each to the source reporting it, with the
// verbatim sentence(s); a meeting's REPORTED_IN keeps the status this source reports.
// Returns each fact's element id.
// Template: ${label}. Parameters: $source (source id), $rows [{id, properties, evidence, status}].
MATCH (s:Source {id: $source})
UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
SET n += row.properties
MERGE (n)-[p:REPORTED_IN]->(s)
SET p.evidence = row.evidence[0],
    p.sentences = row.evidence,
    p.status = row.status
RETURN row.id AS id, elementId(n) AS elementId
