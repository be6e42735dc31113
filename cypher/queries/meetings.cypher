// Meetings, optionally between two dates, at a place (or a place within it), with a
// participant (a person who attended), with a party (a state or body PARTY_TO it, or the side a
// person attended for), or of a status; in date order (undated last), one page at a time.
// How it stays fast as the graph grows: with a participant, only that person's meetings are read
// and sorted; without a place, participant, party or status filter, the page is read in date
// order from the date index (at most $offset + $limit meetings), the total comes from the count
// store (or, between two dates, from the index), and undated meetings are looked for only by a
// page that reaches past the dated ones. With the other filters, the matching meetings are sorted
// and paged.
// Parameters: $from = null, $to = null (dates), $place = null (place or country id),
// $participant = null (person id), $party = null (country or institution id),
// $status = null ('planned', 'held', 'cancelled' or 'unknown'), $offset = 0, $limit = 50.
CALL () {
  WITH 1 AS unfiltered WHERE $place IS NULL AND $participant IS NULL AND $party IS NULL AND $status IS NULL
  WITH coalesce($from, date({year: -999999999, month: 1, day: 1})) AS lo,
       coalesce($to, date({year: 999999999, month: 12, day: 31})) AS hi
  WITH lo, hi, COLLECT {
         MATCH (m:Meeting) WHERE m.date >= lo AND m.date <= hi
         RETURN m ORDER BY m.date, m.id LIMIT $offset + $limit
       } AS dated
  CALL (lo, hi, dated) {
    // Between two dates: no undated meeting, and the index counts the dated ones.
    WITH lo, hi, dated WHERE $from IS NOT NULL OR $to IS NOT NULL
    RETURN COUNT { (m:Meeting) WHERE m.date >= lo AND m.date <= hi } AS total, dated AS matched
    UNION ALL
    // All of them: the count store counts them; undated ones (in id order) follow the dated.
    WITH dated WHERE $from IS NULL AND $to IS NULL AND size(dated) = $offset + $limit
    RETURN COUNT { (:Meeting) } AS total, dated AS matched
    UNION ALL
    WITH dated WHERE $from IS NULL AND $to IS NULL AND size(dated) < $offset + $limit
    RETURN COUNT { (:Meeting) } AS total,
           dated + COLLECT { MATCH (m:Meeting) WHERE m.date IS NULL RETURN m ORDER BY m.id } AS matched
  }
  RETURN total, matched[$offset..$offset + $limit] AS page
  UNION ALL
  // A participant's meetings: read from the person (their degree, not every meeting), then the
  // other filters.
  WITH 1 AS filtered WHERE $participant IS NOT NULL
  MATCH (:Actor {id: $participant})-[:ATTENDED]->(m:Meeting)
  WITH DISTINCT m
  WHERE ($from IS NULL OR m.date >= $from)
    AND ($to IS NULL OR m.date <= $to)
    AND ($status IS NULL OR m.status = $status)
    AND ($place IS NULL OR EXISTS { (m)-[:HELD_IN]->(:Place)-[:LOCATED_IN]->{0,3}(:Place|Country {id: $place}) })
    AND ($party IS NULL OR EXISTS { (:Actor {id: $party})-[:PARTY_TO]->(m) }
         OR EXISTS { (:Person)-[:ATTENDED {side: $party}]->(m) })
  WITH m ORDER BY m.date IS NULL, m.date, m.id
  WITH collect(m) AS matched
  RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS page
  UNION ALL
  WITH 1 AS filtered WHERE $participant IS NULL AND ($place IS NOT NULL OR $party IS NOT NULL OR $status IS NOT NULL)
  MATCH (m:Meeting)
  WHERE ($from IS NULL OR m.date >= $from)
    AND ($to IS NULL OR m.date <= $to)
    AND ($status IS NULL OR m.status = $status)
    AND ($place IS NULL OR EXISTS { (m)-[:HELD_IN]->(:Place)-[:LOCATED_IN]->{0,3}(:Place|Country {id: $place}) })
    AND ($party IS NULL OR EXISTS { (:Actor {id: $party})-[:PARTY_TO]->(m) }
         OR EXISTS { (:Person)-[:ATTENDED {side: $party}]->(m) })
  WITH m ORDER BY m.date IS NULL, m.date, m.id
  WITH collect(m) AS matched
  RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS page
}
UNWIND page AS m
// Each meeting's relationships are walked once for its places, participants, parties and
// sources (one expansion per list walked the whole chain four times): ATTENDED and PARTY_TO that
// end at the meeting, HELD_IN and REPORTED_IN that start there.
WITH total, m, COLLECT {
  MATCH (m)-[r:HELD_IN|ATTENDED|PARTY_TO|REPORTED_IN]-(x)
  WITH r, x, CASE WHEN startNode(r) = m THEN 'out' ELSE 'in' END AS direction
  WHERE direction = CASE WHEN type(r) IN ['ATTENDED', 'PARTY_TO'] THEN 'in' ELSE 'out' END
  RETURN {type: type(r), r: r, x: x} AS link
} AS links
RETURN total,
       m {.id, .title, .date, .dateText, .datePrecision, .status,
          places: [l IN links WHERE l.type = 'HELD_IN' | l.x.name],
          participants: COLLECT { UNWIND links AS l WITH l WHERE l.type = 'ATTENDED'
                                  RETURN {id: l.x.id, name: l.x.name, role: l.r.role, side: l.r.side} AS p ORDER BY p.name },
          parties: COLLECT { UNWIND links AS l WITH l WHERE l.type = 'PARTY_TO'
                             RETURN {id: l.x.id, type: [k IN labels(l.x) WHERE k <> 'Actor'][0], name: l.x.name} AS p ORDER BY p.name },
          sources: COLLECT { UNWIND links AS l WITH l WHERE l.type = 'REPORTED_IN' RETURN l.x.id AS s ORDER BY s }} AS meeting
