// Meetings, events, statements and claims in date order, optionally between two dates and
// involving one actor (attended, carried out, targeted, involved, said, claimed or denied).
// Undated items are left out. Each item names the actors in it and the sources reporting it.
// Parameters: $from = null, $to = null (dates), $actor = null (actor id), $offset = 0, $limit = 50.
MATCH (x:Meeting|Event|Statement|Claim)
WHERE x.date IS NOT NULL
  AND ($from IS NULL OR x.date >= $from)
  AND ($to IS NULL OR x.date <= $to)
  AND ($actor IS NULL OR EXISTS {
        (:Actor {id: $actor})-[:ATTENDED|CARRIED_OUT|SAID|CLAIMS|DENIES]->(x) }
      OR EXISTS { (x)-[:TARGETED|INVOLVED]->(:Actor {id: $actor}) })
WITH x ORDER BY x.date, x.id
WITH collect(x) AS matched
UNWIND matched[$offset..$offset + $limit] AS x
RETURN size(matched) AS total,
       {kind: toLower([l IN labels(x) WHERE l IN ['Meeting', 'Event', 'Statement', 'Claim']][0]),
        id: x.id, date: x.date, datePrecision: x.datePrecision,
        text: coalesce(x.title, x.text, x.summary), status: x.status,
        actors: COLLECT { MATCH (a:Actor)-[:ATTENDED|CARRIED_OUT|SAID|CLAIMS|DENIES]->(x) RETURN DISTINCT a.id AS a ORDER BY a }
              + COLLECT { MATCH (x)-[:TARGETED|INVOLVED]->(a:Actor) RETURN DISTINCT a.id AS a ORDER BY a },
        evidence: COLLECT { MATCH (x)-[p:REPORTED_IN]->(s) RETURN {source: s.id, sentence: p.evidence} AS e ORDER BY e.source }
       } AS item
