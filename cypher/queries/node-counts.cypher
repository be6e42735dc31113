// Node counts per label: how many actors, meetings, claims… the graph holds.
// Parameters: none.
CALL db.labels() YIELD label
CALL (label) {
  MATCH (n:$(label))
  RETURN count(n) AS count
}
RETURN label, count
ORDER BY label
