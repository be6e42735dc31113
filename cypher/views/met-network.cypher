// The MET network around one actor for the network page: the people it met (depth 1) and whom
// they met (depth 2), at most $limit of them nearest first, each with the side it acts for
// (side.cypher); and between any two of them, the meetings where they met or are to meet.
// Parameters: $id (actor id), $depth (1 or 2), $limit (people at most).
MATCH (a:Actor {id: $id})
CALL (a) {
  OPTIONAL MATCH (a)-[:MET]-(x:Person)
  RETURN collect(DISTINCT x) AS first
}
CALL (first) {
  UNWIND CASE WHEN $depth >= 2 THEN first ELSE [] END AS x
  MATCH (x)-[:MET]-(y:Person)
  RETURN collect(DISTINCT y) AS second
}
WITH a, [a] + [p IN first WHERE p <> a] + [p IN second WHERE p <> a AND NOT p IN first] AS everyone, first
WITH a, everyone[0..$limit] AS people, size(everyone) AS total, first
CALL (people, first, a) {
  UNWIND people AS node
  WITH node, ${side} AS side, CASE WHEN node = a THEN 0 WHEN node IN first THEN 1 ELSE 2 END AS hops
  OPTIONAL MATCH (s:Actor {id: side})
  RETURN collect({id: node.id, name: node.name, hops: hops, side: side,
                  sideChain: CASE WHEN s IS NULL THEN [] ELSE
                    [{id: s.id, name: s.name}] + COLLECT { MATCH (s)-[:PART_OF]->{1,4}(x) RETURN {id: x.id, name: x.name} } END
                 }) AS nodes
}
CALL (people) {
  UNWIND people AS p
  MATCH (p)-[r:MET]->(q:Person)
  WHERE q IN people
  WITH p, q, r ORDER BY r.date, r.meeting
  OPTIONAL MATCH (m:Meeting {id: r.meeting})
  RETURN collect({from: p.id, to: q.id, meeting: r.meeting, title: m.title, place: r.place, date: r.date,
                  datePrecision: r.datePrecision, status: r.status}) AS edges
}
RETURN total, nodes, edges
