// Removes a Source node once everything it supported has been taken back.
// Parameters: $source (source id).
CYPHER replan=skip
MATCH (s:Source {id: $source})
DETACH DELETE s
