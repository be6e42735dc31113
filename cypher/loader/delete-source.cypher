// Removes a Source node once everything it supported has been taken back.
// Parameters: $source (source id).
MATCH (s:Source {id: $source})
DETACH DELETE s
