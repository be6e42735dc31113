// The query this file replaced, kept as the oracle of ReadRewritesTest: it must answer as this does.
// Node counts per label: how many actors, meetings, claims… the graph holds.
// The knowledge base's write-lock node (KbWriteLock, see cypher/loader/write-lock.cypher) is
// bookkeeping, not knowledge: left out.
// Parameters: none.
CALL db.labels() YIELD label
WITH label WHERE label <> 'KbWriteLock'
CALL (label) {
  MATCH (n:$(label))
  RETURN count(n) AS count
}
RETURN label, count
ORDER BY label
