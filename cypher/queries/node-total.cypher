// How many nodes the graph holds, the knowledge base's write-lock node (KbWriteLock) left out;
// both counts come from Neo4j's count store.
// Parameters: none.
RETURN COUNT { (n) } - COUNT { (:KbWriteLock) } AS count
