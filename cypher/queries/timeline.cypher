// Meetings, events, statements and claims in date order, optionally between two dates and
// involving one actor (attended, was party to, carried out, targeted, involved, said, claimed or
// denied). A statement or claim without a date of its own stands on the publication date of the
// first source reporting it (`dateSource: 'published'`); items with their own date say
// `dateSource: 'stated'`. Undated meetings and events are left out. Each item names the actors
// in it and the sources reporting it.
// How it stays fast as the graph grows: with an actor, only that actor's items are read (a few
// thousand for the busiest) and `total` is exact; without one, each dated label is read in date
// order from its date index, at most $offset + $limit items each, and the four ordered lists are
// merged; `total` counts index entries, never nodes, and stops at $offset + $limit + $cap: past
// that it says $offset + $limit + $cap and `more` is true (an exact total of a million dated
// items cost more than the rest of the request). Statements and claims without a date of their
// own (which no index holds) are looked for only when the count store says there are some; that
// test counts the dated statements' and claims' index entries.
// Parameters: $from = null, $to = null (dates), $actor = null (actor id), $offset = 0, $limit = 50,
// $cap = 1000 (items counted past the page's end).
WITH coalesce($from, date({year: -999999999, month: 1, day: 1})) AS lo,
     coalesce($to, date({year: 999999999, month: 12, day: 31})) AS hi
CALL (lo, hi) {
  // One actor's items: read from the actor, dated, sorted, paged.
  WITH lo, hi WHERE $actor IS NOT NULL
  MATCH (a:Actor {id: $actor})
  CALL (a) {
    MATCH (a)-[:ATTENDED|PARTY_TO|CARRIED_OUT|SAID|CLAIMS|DENIES]->(x:Meeting|Event|Statement|Claim)
    RETURN x
    UNION
    MATCH (a)<-[:TARGETED|INVOLVED]-(x:Meeting|Event|Statement|Claim)
    RETURN x
  }
  WITH lo, hi, x, CASE
          WHEN x.date IS NOT NULL THEN x.date
          WHEN x:Statement OR x:Claim THEN
            COLLECT { MATCH (x)-[:REPORTED_IN]->(s:Source) RETURN s.published AS p ORDER BY p LIMIT 1 }[0]
        END AS date
  WHERE date >= lo AND date <= hi
  WITH x, date ORDER BY date, x.id
  WITH collect({x: x, date: date}) AS rows
  RETURN size(rows) AS total, false AS more, rows[$offset..$offset + $limit] AS rows
  UNION ALL
  // Everything: each dated label in index order, the first $offset + $limit of each.
  WITH lo, hi WHERE $actor IS NULL
  // Statements and claims without a date of their own: the count store's count less the dated ones
  // (no index holds a missing date, so this counts the dated ones' index entries).
  WITH lo, hi, COUNT { (:Statement) } + COUNT { (:Claim) }
       - COUNT { (x:Statement) WHERE x.date IS NOT NULL } - COUNT { (x:Claim) WHERE x.date IS NOT NULL }
       AS undatedCount
  CALL (lo, hi, undatedCount) {
    WITH lo, hi WHERE undatedCount > 0
    CALL (lo, hi) {
      MATCH (x:Statement|Claim) WHERE x.date IS NULL
      WITH lo, hi, x,
           COLLECT { MATCH (x)-[:REPORTED_IN]->(s:Source) RETURN s.published AS p ORDER BY p LIMIT 1 }[0] AS date
      WHERE date >= lo AND date <= hi
      RETURN x, date
    }
    WITH x, date ORDER BY date, x.id
    RETURN collect({x: x, date: date}) AS undated
  }
  // The dated items counted from the date indexes, at most $offset + $limit + $cap of them: the
  // rest of a large graph is never counted.
  CALL (lo, hi, undated) {
    CALL (lo, hi) {
      MATCH (x:Meeting) WHERE x.date >= lo AND x.date <= hi RETURN x
      UNION ALL
      MATCH (x:Event) WHERE x.date >= lo AND x.date <= hi RETURN x
      UNION ALL
      MATCH (x:Statement) WHERE x.date >= lo AND x.date <= hi RETURN x
      UNION ALL
      MATCH (x:Claim) WHERE x.date >= lo AND x.date <= hi RETURN x
    }
    WITH x LIMIT $offset + $limit + $cap + 1
    RETURN count(x) AS dated
  }
  WITH lo, hi, dated, undated,
       COLLECT { MATCH (x:Meeting) WHERE x.date >= lo AND x.date <= hi
                 RETURN {x: x, date: x.date} AS r ORDER BY x.date, x.id LIMIT $offset + $limit } AS meetings,
       COLLECT { MATCH (x:Event) WHERE x.date >= lo AND x.date <= hi
                 RETURN {x: x, date: x.date} AS r ORDER BY x.date, x.id LIMIT $offset + $limit } AS events,
       COLLECT { MATCH (x:Statement) WHERE x.date >= lo AND x.date <= hi
                 RETURN {x: x, date: x.date} AS r ORDER BY x.date, x.id LIMIT $offset + $limit } AS statements,
       COLLECT { MATCH (x:Claim) WHERE x.date >= lo AND x.date <= hi
                 RETURN {x: x, date: x.date} AS r ORDER BY x.date, x.id LIMIT $offset + $limit } AS claims
  UNWIND meetings + events + statements + claims + undated[0..$offset + $limit] AS row
  WITH dated + size(undated) AS counted, row ORDER BY row.date, row.x.id
  RETURN CASE WHEN counted > $offset + $limit + $cap THEN $offset + $limit + $cap ELSE counted END AS total,
         counted > $offset + $limit + $cap AS more, collect(row)[$offset..$offset + $limit] AS rows
}
UNWIND rows AS row
WITH total, more, row.x AS x, row.date AS date
RETURN total, more,
       {kind: toLower([l IN labels(x) WHERE l IN ['Meeting', 'Event', 'Statement', 'Claim']][0]),
        id: x.id, date: date, dateSource: CASE WHEN x.date IS NOT NULL THEN 'stated' ELSE 'published' END,
        datePrecision: x.datePrecision,
        text: coalesce(x.title, x.text, x.summary), status: x.status,
        actors: COLLECT { MATCH (a:Actor)-[:ATTENDED|PARTY_TO|CARRIED_OUT|SAID|CLAIMS|DENIES]->(x) RETURN DISTINCT a.id AS a ORDER BY a }
              + COLLECT { MATCH (x)-[:TARGETED|INVOLVED]->(a:Actor) RETURN DISTINCT a.id AS a ORDER BY a },
        evidence: COLLECT { MATCH (x)-[p:REPORTED_IN]->(s) RETURN {source: s.id, sentence: p.evidence} AS e ORDER BY e.source }
       } AS item
