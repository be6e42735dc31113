// The state of some nodes, to compare before and after a write in the same transaction: their
// properties, which sources report or mention them with which sentences (and, for a meeting,
// the status each reports), their outgoing relationships and their incoming derived MET.
// Parameters: $elementIds (list of element ids).
CYPHER replan=skip
UNWIND $elementIds AS elementId
MATCH (n)
WHERE elementId(n) = elementId
RETURN n.id AS id,
       labels(n) AS labels,
       properties(n) AS properties,
       COLLECT {
         MATCH (n)-[p:REPORTED_IN|MENTIONED_IN]->(s:Source)
         RETURN {source: s.id, sentences: coalesce(p.sentences, p.evidence, []), status: p.status}
       } AS provenance,
       COLLECT {
         MATCH (n)-[r]->(m)
         WHERE NOT type(r) IN ['REPORTED_IN', 'MENTIONED_IN']
         RETURN {type: type(r), from: n.id, to: m.id, properties: properties(r)}
       } + COLLECT {
         MATCH (n)<-[r:MET]-(m)
         RETURN {type: 'MET', from: m.id, to: n.id, properties: properties(r)}
       } AS relationships
