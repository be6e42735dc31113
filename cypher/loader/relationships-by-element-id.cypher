// What relationships-of-new-source.cypher reads, after a new source's document is written: the
// relationships it wrote, by the element ids merge-relationships.cypher returned (one seek each,
// where finding them from their endpoints expanded every relationship of the less busy end), and
// the derived MET of the meetings it touches (through the met_meeting index).
// Parameters: $relationships (element ids), $meetings (meeting ids).
CYPHER replan=skip
CALL () {
  UNWIND $relationships AS elementId
  MATCH (a)-[r]->(b)
  WHERE elementId(r) = elementId
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
