// The knowledge base's write lock. Every transaction that writes documents (load, replacement,
// reload) runs this first: the SET takes Neo4j's exclusive lock on this one node, held until the
// transaction commits or rolls back, so such writes run one after another, and everything the
// transaction reads afterwards (the validator's look-ups, what a replacement takes back) is what
// the writes before it committed. It works the same against an external Neo4j and with several
// service instances. The node is created by the first write (the kb_write_lock constraint keeps
// it single); `writes` counts the committed document writes. /api/stats leaves it out.
// Parameters: none.
CYPHER replan=skip
MERGE (lock:KbWriteLock {id: 'kb'})
SET lock.writes = coalesce(lock.writes, 0) + 1
