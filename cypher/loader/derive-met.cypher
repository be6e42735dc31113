// Derives MET from ATTENDED: one relationship per pair of people on different sides of a
// meeting, from the lower id to the higher, carrying the meeting's id, place (a city before a
// region), date, datePrecision and status. Colleagues of one side did not "meet" each other, and
// countries and institutions take part as PARTY_TO, so they never MET anyone.
// A person's side is the ATTENDED's `side` where the source states it; where it does not, the one
// Country their roles lead to (HOLDS_ROLE to a Country, or to an Institution PART_OF one), only
// when exactly one does; otherwise the person has no side and MET nobody at that meeting. The
// roles are read only where the ATTENDED states no side (the two branches exclude each other): a
// busy person's relationship groups were read for every attendee, with or without a side.
// Every caller removed these meetings' MET first (unlink-met.cypher, or a new store has none), so
// each pair's MET is created: MERGE would search all MET between two busy actors to find none.
// Parameters: $meetings (list of distinct meeting ids).
CYPHER replan=skip
UNWIND $meetings AS id
MATCH (m:Meeting {id: id})
WITH m, COLLECT {
  MATCH (m)-[:HELD_IN]->(p:Place)
  RETURN p.name ORDER BY CASE p.kind WHEN 'city' THEN 0 WHEN 'town' THEN 0 ELSE 1 END, p.name
} AS places, COLLECT {
  MATCH (p:Person)-[r:ATTENDED]->(m)
  CALL (p, r) {
    WITH r
    WHERE r.side IS NOT NULL
    RETURN r.side AS side
    UNION ALL
    WITH p, r
    WHERE r.side IS NULL
    WITH COLLECT {
      MATCH (p)-[:HOLDS_ROLE]->()-[:PART_OF]->{0,3}(c:Country) RETURN DISTINCT c.id
    } AS roleSides
    WHERE size(roleSides) = 1
    RETURN roleSides[0] AS side
  }
  RETURN {person: p, side: side} AS attendee
} AS attendees
UNWIND attendees AS x
UNWIND attendees AS y
WITH m, places, x, y, x.person AS a, y.person AS b
WHERE a.id < b.id AND x.side <> y.side
CREATE (a)-[:MET {meeting: m.id, place: places[0], date: m.date, datePrecision: m.datePrecision, status: m.status}]->(b)
