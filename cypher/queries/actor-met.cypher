// Whom a person met (or is to meet: each item keeps the meeting's status), where, when and in
// which meeting (MET, derived from ATTENDED between people of different sides), with the sides
// and the sentences that put each of them at the meeting; in date order (undated last), then by
// meeting id, the other's name and id. Only the page asked for is built.
// How it stays fast for a person with thousands of MET: their MET are read in (date, meeting)
// order from the relationship index met_date_meeting until the page is full, when that costs less
// than sorting all of them: the index holds every MET, so a page of $offset + $limit of one
// person's takes about ($offset + $limit) x (all MET / theirs) entries, against their whole
// degree for the sort; undated MET (which no index orders) are read only by a page that reaches
// past the dated ones. Anyone else's MET (and any with a $status filter) are sorted, then paged.
// Parameters: $id (person id, e.g. 'kirill-dmitriev'), $status = null ('held', 'planned',
// 'cancelled', or null for all), $offset = 0, $limit = 50.
MATCH (a:Actor {id: $id})
WITH a, COUNT { (a)-[:MET]-() } AS degree // MET joins people only: the degree
WITH a, CASE WHEN $status IS NULL THEN degree
       ELSE COUNT { (a)-[met:MET]-() WHERE met.status = $status } END AS total,
     $status IS NULL AND 4 * degree * degree > ($offset + $limit) * COUNT { ()-[:MET]->() } AS busy
CALL (a, busy) {
  WITH a WHERE busy
  WITH a, COLLECT {
    MATCH (x)-[met:MET]->(y) USING INDEX met:MET(date, meeting)
    WHERE met.date IS NOT NULL AND met.meeting IS NOT NULL AND (x = a OR y = a)
    WITH met, CASE WHEN x = a THEN y ELSE x END AS o
    RETURN {met: met, o: o} AS row ORDER BY met.date, met.meeting, o.name, o.id LIMIT $offset + $limit
  } AS dated
  CALL (a, dated) {
    WITH dated WHERE size(dated) = $offset + $limit
    RETURN dated AS rows
    UNION ALL
    WITH a, dated WHERE size(dated) < $offset + $limit
    RETURN dated + COLLECT {
      MATCH (a)-[met:MET]-(o) WHERE met.date IS NULL
      RETURN {met: met, o: o} AS row ORDER BY met.meeting, o.name, o.id
    } AS rows
  }
  UNWIND rows[$offset..$offset + $limit] AS row
  RETURN row.met AS met, row.o AS o
  UNION ALL
  WITH a WHERE NOT busy
  MATCH (a)-[met:MET]-(o)
  WHERE $status IS NULL OR met.status = $status
  WITH met, o ORDER BY met.date, met.meeting, o.name, o.id SKIP $offset LIMIT $limit
  RETURN met, o
}
MATCH (m:Meeting {id: met.meeting}) USING INDEX m:Meeting(id)
MATCH (a)-[ra:ATTENDED]->(m)<-[ro:ATTENDED]-(o)
RETURN total, a.name AS name,
       o {.id, label: [l IN labels(o) WHERE l <> 'Actor'][0], .name} AS other,
       m {.id, label: 'Meeting', name: m.title} AS meeting,
       ra.side AS side, ro.side AS otherSide,
       met.place AS place, met.date AS date, met.datePrecision AS datePrecision, met.status AS status,
       COLLECT {
         UNWIND [ra, ro] AS r
         UNWIND range(0, size(r.evidence) - 1) AS i
         RETURN DISTINCT {source: r.evidenceSources[i], sentence: r.evidence[i]} AS e
       } AS evidence
