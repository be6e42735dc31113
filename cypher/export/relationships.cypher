// The relationships in an export's scope (both ends in it; with $source, only what that source
// supports), streamed with their ends' ids and properties; all of them, or those of one $type.
// Parameters: those of scope.cypher, $type (relationship type or null).
MATCH (a)
WHERE ${scope:a}
CALL (a) {
  MATCH (a)-[r]->(b)
  WHERE ($type IS NULL OR type(r) = $type) AND ${scope:b} AND ${relationship-scope}
  RETURN r, b
}
RETURN a.id AS start, b.id AS end, type(r) AS type, properties(r) AS properties
