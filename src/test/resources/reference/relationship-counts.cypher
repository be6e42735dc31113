// The query this file replaced, kept as the oracle of ReadRewritesTest: it must answer as this does.
// Relationship counts per type: how many ATTENDED, MET, DEMANDS… the graph holds.
// Parameters: none.
CALL db.relationshipTypes() YIELD relationshipType AS type
CALL (type) {
  MATCH ()-[r:$(type)]->()
  RETURN count(r) AS count
}
RETURN type, count
ORDER BY type
