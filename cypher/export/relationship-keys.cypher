// The relationship types in an export's scope, and every property key of each with the value
// types it takes, for the headers of neo4j-admin import CSV files (one file per type, since one
// key may hold a text on one type and a list on another). A type without properties has one row
// with a null key.
// Parameters: those of the scope (scope-*.cypher).
MATCH (a)
WHERE ${scope:a}
CALL (a) {
  MATCH (a)-[r]->(b)
  WHERE ${scope:b} AND ${relationship-scope}
  RETURN r
}
WITH type(r) AS type, r
UNWIND CASE WHEN size(keys(r)) = 0 THEN [null] ELSE keys(r) END AS key
RETURN type, key, collect(DISTINCT valueType(r[key])) AS types
ORDER BY type, key
