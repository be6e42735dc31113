// Meetings the graph holds on any of the given days, with their places and participants (people
// who attended, states and bodies party to them), so that a meeting read in a new article that
// has the same date, place and participants is referenced instead of duplicated.
// Parameters: $dates (list of ISO date strings, e.g. ['2025-12-20']).
UNWIND $dates AS day
MATCH (m:Meeting {date: date(day)})
OPTIONAL MATCH (m)-[:HELD_IN]->(p:Place)
WITH m, collect(DISTINCT p.id) AS places
OPTIONAL MATCH (a)-[:ATTENDED|PARTY_TO]->(m)
RETURN m.id AS id, toString(m.date) AS date, places, collect(DISTINCT a.id) AS participants
ORDER BY id
