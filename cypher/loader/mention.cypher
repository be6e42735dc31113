// Links nodes that a source's relationships reference without defining them to that source.
// Returns each node's element id. Created, not merged, for the reason merge-entities.cypher
// gives (the ids come de-duplicated, none of them defined by the document).
// Template: ${label}. Parameters: $source (source id), $ids (list of ids).
CYPHER replan=skip
MATCH (s:Source {id: $source})
UNWIND $ids AS id
MATCH (n:${label} {id: id})
CREATE (n)-[:MENTIONED_IN]->(s)
RETURN n.id AS id, elementId(n) AS elementId
