// The relationships a document of a source the graph does not hold yet can change, read before
// and after it is written: those it writes (found from their two endpoints; a new source has no
// evidence anywhere else to take back) and the derived MET of the meetings it touches (found
// through the met_meeting index). snapshot.cypher read every relationship of every node the
// document names, which for the busiest actors is most of the graph.
// Parameters: $pairs [{from, to, type}] (endpoints as element ids), $meetings (meeting ids).
CALL () {
  UNWIND $pairs AS pair
  MATCH (a)
  WHERE elementId(a) = pair.from
  MATCH (b)
  WHERE elementId(b) = pair.to
  MATCH (a)-[r]->(b)
  WHERE type(r) = pair.type
  RETURN a, r, b
  UNION
  UNWIND $meetings AS id
  MATCH (a)-[r:MET {meeting: id}]->(b)
  RETURN a, r, b
}
RETURN elementId(a) AS fromElement,
       elementId(b) AS toElement,
       type(r) AS type,
       a.id AS from,
       b.id AS to,
       properties(r) AS properties
