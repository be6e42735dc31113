// The ids of an actor's network, the scope of an export filtered by actor: the actor, the people
// it met (depth 1) or they met (depth 2), the meetings where any two of these met or that the
// actor attended or was party to, and the places of those meetings.
// Parameters: $actor (actor id), $depth (1 or 2).
MATCH (a:Actor {id: $actor})
CALL (a) {
  OPTIONAL MATCH (a)-[:MET]-(x:Person)
  RETURN collect(DISTINCT x) AS first
}
CALL (first) {
  UNWIND CASE WHEN $depth >= 2 THEN first ELSE [] END AS x
  MATCH (x)-[:MET]-(y:Person)
  RETURN collect(DISTINCT y) AS second
}
WITH a, [p IN first + second WHERE p <> a | p.id] AS others
WITH a, [a.id] + reduce(acc = [], id IN others | CASE WHEN id IN acc THEN acc ELSE acc + id END) AS people
CALL (people) {
  UNWIND people AS id
  MATCH (:Actor {id: id})-[m:MET]-(o:Person)
  WHERE o.id IN people
  RETURN collect(DISTINCT m.meeting) AS met
}
CALL (a) {
  OPTIONAL MATCH (a)-[:ATTENDED|PARTY_TO]->(m:Meeting)
  RETURN collect(DISTINCT m.id) AS own
}
WITH people, [id IN met + own WHERE id IS NOT NULL] AS meetingIds
CALL (meetingIds) {
  UNWIND meetingIds AS id
  MATCH (:Meeting {id: id})-[:HELD_IN]->(p:Place)
  RETURN collect(DISTINCT p.id) AS places
}
RETURN people + meetingIds + places AS ids
