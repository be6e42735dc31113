// Derives MET from ATTENDED: one relationship per pair of attendees and meeting, from the lower
// id to the higher, carrying the meeting's id, place (a city before a region), date and status.
// Parameters: $meetings (list of meeting ids).
UNWIND $meetings AS id
MATCH (m:Meeting {id: id})
WITH m, COLLECT {
  MATCH (m)-[:HELD_IN]->(p:Place)
  RETURN p.name ORDER BY CASE p.kind WHEN 'city' THEN 0 WHEN 'town' THEN 0 ELSE 1 END, p.name
} AS places
MATCH (a:Actor)-[:ATTENDED]->(m)<-[:ATTENDED]-(b:Actor)
WHERE a.id < b.id
MERGE (a)-[met:MET {meeting: m.id}]->(b)
SET met.place = places[0],
    met.date = m.date,
    met.datePrecision = m.datePrecision,
    met.status = m.status
