// Every property key of the nodes in an export's scope with the value types it takes, for the
// header of a neo4j-admin import CSV (written before the rows, so it is asked first).
// Parameters: those of the scope (scope-*.cypher).
MATCH (node)
WHERE ${scope}
UNWIND keys(node) AS key
RETURN key, collect(DISTINCT valueType(node[key])) AS types
ORDER BY key
