// The relationships in an export's scope (both ends in it; with $source, only what that source
// supports), streamed with their ends' ids and properties; all of them, or those of one $type.
// ${type} is empty (all types) or one type, `:TYPE`, put in by the exporter (a type in a pattern
// expands only that type's relationships; a filter on type(r) would expand them all).
// Parameters: those of the scope (scope-*.cypher).
MATCH (a)
WHERE ${scope:a}
CALL (a) {
  MATCH (a)-[r${type}]->(b)
  WHERE ${scope:b} AND ${relationship-scope}
  RETURN r, b
}
RETURN a.id AS start, b.id AS end, type(r) AS type, properties(r) AS properties
