// The query this file replaced, kept as the oracle of ReadRewritesTest: it must answer as this does.
// (Here with o.id as the last sort key, which the rewrite adds to order two people of one name.)
// Whom a person met (or is to meet: each item keeps the meeting's status), where, when and in
// which meeting (MET, derived from ATTENDED between people of different sides), with the sides
// and the sentences that put each of them at the meeting; in date order. Only the page asked for
// is built: the MET of a busy person are sorted on their own properties, then paged.
// Parameters: $id (person id, e.g. 'kirill-dmitriev'), $status = null ('held', 'planned',
// 'cancelled', or null for all), $offset = 0, $limit = 50.
MATCH (a:Actor {id: $id})
WITH a, CASE WHEN $status IS NULL THEN COUNT { (a)-[:MET]-() } // MET joins people only: the degree
       ELSE COUNT { (a)-[met:MET]-() WHERE met.status = $status } END AS total
MATCH (a)-[met:MET]-(o:Actor)
WHERE $status IS NULL OR met.status = $status
WITH a, total, met, o ORDER BY met.date, met.meeting, o.name, o.id SKIP $offset LIMIT $limit
MATCH (m:Meeting {id: met.meeting})
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
