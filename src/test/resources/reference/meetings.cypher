// The query this file replaced, kept as the oracle of ReadRewritesTest: it must answer as this does.
// Meetings, optionally between two dates, at a place (or a place within it), with a
// participant (a person who attended), with a party (a state or body PARTY_TO it, or the side a
// person attended for), or of a status; in date order (undated last), one page at a time.
// Parameters: $from = null, $to = null (dates), $place = null (place or country id),
// $participant = null (person id), $party = null (country or institution id),
// $status = null ('planned', 'held', 'cancelled' or 'unknown'), $offset = 0, $limit = 50.
MATCH (m:Meeting)
WHERE ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
  AND ($status IS NULL OR m.status = $status)
  AND ($place IS NULL OR EXISTS { (m)-[:HELD_IN]->(:Place)-[:LOCATED_IN]->{0,3}(:Place|Country {id: $place}) })
  AND ($participant IS NULL OR EXISTS { (:Actor {id: $participant})-[:ATTENDED]->(m) })
  AND ($party IS NULL OR EXISTS { (:Actor {id: $party})-[:PARTY_TO]->(m) }
       OR EXISTS { (:Person)-[:ATTENDED {side: $party}]->(m) })
WITH m ORDER BY m.date IS NULL, m.date, m.id
WITH collect(m) AS matched
UNWIND matched[$offset..$offset + $limit] AS m
RETURN size(matched) AS total,
       m {.id, .title, .date, .dateText, .datePrecision, .status,
          places: [(m)-[:HELD_IN]->(p) | p.name],
          participants: COLLECT { MATCH (x)-[r:ATTENDED]->(m) RETURN {id: x.id, name: x.name, role: r.role, side: r.side} AS p ORDER BY p.name },
          parties: COLLECT { MATCH (x)-[:PARTY_TO]->(m) RETURN {id: x.id, type: [l IN labels(x) WHERE l <> 'Actor'][0], name: x.name} AS p ORDER BY p.name },
          sources: COLLECT { MATCH (m)-[:REPORTED_IN]->(s) RETURN s.id ORDER BY s.id }} AS meeting
