// The relationships of one type that a document of a source the graph does not hold yet writes,
// read before it is written: found from their two endpoints (a new source has no evidence
// anywhere else to take back). The derived MET of the meetings it touches is read by
// relationships-by-element-id.cypher (through the met_meeting index). snapshot.cypher read every
// relationship of every node the document names, which for the busiest actors is most of the
// graph. The type is written into the statement (one statement per type the document writes, as
// merge-relationships.cypher): `WHERE type(r) = pair.type` expanded every relationship of the
// less busy end, of every type; a fixed type reads only that type's (a dense node keeps its
// relationships grouped by type).
// Template: ${type}. Parameters: $pairs [{from, to}] (endpoints as element ids).
CYPHER replan=skip
UNWIND $pairs AS pair
MATCH (a)
WHERE elementId(a) = pair.from
MATCH (b)
WHERE elementId(b) = pair.to
MATCH (a)-[r:${type}]->(b)
RETURN elementId(a) AS fromElement,
       elementId(b) AS toElement,
       type(r) AS type,
       a.id AS from,
       b.id AS to,
       properties(r) AS properties
