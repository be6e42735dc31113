// Meetings for the timeline page, in date order (undated last), optionally between two dates,
// with one actor (attending or party to it) or on one topic; each with its places, topics,
// sources and participants, and the side each participant acts for (side.cypher: the side recorded
// on ATTENDED, else the one derived from roles; a party acts for itself).
// Parameters: $from, $to (dates or null), $actor (actor id or null), $topic (topic id or null),
// $offset, $limit.
MATCH (m:Meeting)
WHERE ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
  AND ($actor IS NULL OR EXISTS { (:Actor {id: $actor})-[:ATTENDED|PARTY_TO]->(m) })
  AND ($topic IS NULL OR EXISTS { (m)-[:DISCUSSED]->(:Topic {id: $topic}) })
WITH m ORDER BY m.date IS NULL, m.date, m.id
WITH collect(m) AS matched
UNWIND matched[$offset..$offset + $limit] AS m
CALL (m) {
  MATCH (node:Actor)-[r:ATTENDED|PARTY_TO]->(m)
  WITH node, r, coalesce(r.side, ${side}) AS side
  OPTIONAL MATCH (s:Actor {id: side})
  WITH node, r, side, s ORDER BY node.name
  RETURN collect({id: node.id, name: node.name, role: r.role, party: type(r) = 'PARTY_TO', side: side,
                  sideChain: CASE WHEN s IS NULL THEN [] ELSE
                    [{id: s.id, name: s.name}] + COLLECT { MATCH (s)-[:PART_OF]->{1,4}(x) RETURN {id: x.id, name: x.name} } END
                 }) AS participants
}
RETURN size(matched) AS total,
       m {.id, .title, .date, .dateText, .datePrecision, .status, .summary,
          places: COLLECT { MATCH (m)-[:HELD_IN]->(p) RETURN p.name ORDER BY p.name },
          topics: COLLECT { MATCH (m)-[:DISCUSSED]->(t) RETURN {id: t.id, name: t.name} AS t ORDER BY t.name },
          sources: COLLECT { MATCH (m)-[:REPORTED_IN]->(s) RETURN DISTINCT s.id AS s ORDER BY s },
          participants: participants} AS meeting
