// Deletes what no source supports any more: facts no longer REPORTED_IN any source, entities
// no longer MENTIONED_IN any. Nodes that a source merely references keep living while one does.
// Parameters: $touched (element ids returned by retract-provenance.cypher).
CYPHER replan=skip
UNWIND $touched AS elementId
MATCH (n)
WHERE elementId(n) = elementId
  AND NOT (n)-[:REPORTED_IN|MENTIONED_IN]->(:Source)
DETACH DELETE n
