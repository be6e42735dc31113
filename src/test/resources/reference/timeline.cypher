// The query this file replaced, kept as the oracle of ReadRewritesTest: it must answer as this does.
// Meetings, events, statements and claims in date order, optionally between two dates and
// involving one actor (attended, was party to, carried out, targeted, involved, said, claimed or
// denied). A statement or claim without a date of its own stands on the publication date of the
// first source reporting it (`dateSource: 'published'`); items with their own date say
// `dateSource: 'stated'`. Undated meetings and events are left out. Each item names the actors
// in it and the sources reporting it.
// Parameters: $from = null, $to = null (dates), $actor = null (actor id), $offset = 0, $limit = 50.
MATCH (x:Meeting|Event|Statement|Claim)
WITH x, CASE
          WHEN x.date IS NOT NULL THEN x.date
          WHEN x:Statement OR x:Claim THEN
            COLLECT { MATCH (x)-[:REPORTED_IN]->(s:Source) RETURN s.published AS p ORDER BY p LIMIT 1 }[0]
        END AS date
WHERE date IS NOT NULL
  AND ($from IS NULL OR date >= $from)
  AND ($to IS NULL OR date <= $to)
  AND ($actor IS NULL OR EXISTS {
        (:Actor {id: $actor})-[:ATTENDED|PARTY_TO|CARRIED_OUT|SAID|CLAIMS|DENIES]->(x) }
      OR EXISTS { (x)-[:TARGETED|INVOLVED]->(:Actor {id: $actor}) })
WITH x, date ORDER BY date, x.id
WITH collect({x: x, date: date}) AS matched
UNWIND matched[$offset..$offset + $limit] AS row
WITH size(matched) AS total, row.x AS x, row.date AS date
RETURN total,
       {kind: toLower([l IN labels(x) WHERE l IN ['Meeting', 'Event', 'Statement', 'Claim']][0]),
        id: x.id, date: date, dateSource: CASE WHEN x.date IS NOT NULL THEN 'stated' ELSE 'published' END,
        datePrecision: x.datePrecision,
        text: coalesce(x.title, x.text, x.summary), status: x.status,
        actors: COLLECT { MATCH (a:Actor)-[:ATTENDED|PARTY_TO|CARRIED_OUT|SAID|CLAIMS|DENIES]->(x) RETURN DISTINCT a.id AS a ORDER BY a }
              + COLLECT { MATCH (x)-[:TARGETED|INVOLVED]->(a:Actor) RETURN DISTINCT a.id AS a ORDER BY a },
        evidence: COLLECT { MATCH (x)-[p:REPORTED_IN]->(s) RETURN {source: s.id, sentence: p.evidence} AS e ORDER BY e.source }
       } AS item
