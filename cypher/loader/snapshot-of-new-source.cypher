// snapshot.cypher for a document of a source the graph does not hold yet, which can change only
// this source's provenance of a node (no other source's links), so only that is read: a node
// every source mentions has hundreds of links, and a load read them all twice. Relationships
// come from relationships-of-new-source.cypher. Returns each node's element id too.
// Parameters: $elementIds (list of element ids), $source (source id).
// The source is matched first, so each node's link to it is found between the two (from the end
// with fewer relationships), not by reading every source link of the node.
CYPHER replan=skip
OPTIONAL MATCH (s:Source {id: $source})
WITH s
UNWIND $elementIds AS elementId
MATCH (n)
WHERE elementId(n) = elementId
RETURN n.id AS id,
       elementId(n) AS elementId,
       labels(n) AS labels,
       properties(n) AS properties,
       COLLECT {
         MATCH (n)-[p:REPORTED_IN|MENTIONED_IN]->(s)
         RETURN {source: s.id, sentences: coalesce(p.sentences, p.evidence, []), status: p.status}
       } AS provenance
