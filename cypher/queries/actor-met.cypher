// Whom an actor met, where, when and in which meeting (MET, derived from ATTENDED), with the
// sentences that put each of them at the meeting; in date order. Only the page asked for is
// built: the MET of a busy actor are sorted on their own properties, then paged.
// Parameters: $id (actor id, e.g. 'kirill-dmitriev'), $offset = 0, $limit = 50.
MATCH (a:Actor {id: $id})
WITH a, COUNT { (a)-[:MET]-() } AS total // MET joins actors only: read from the degree
MATCH (a)-[met:MET]-(o:Actor)
WITH a, total, met, o ORDER BY met.date, met.meeting, o.name SKIP $offset LIMIT $limit
MATCH (m:Meeting {id: met.meeting})
MATCH (a)-[ra:ATTENDED]->(m)<-[ro:ATTENDED]-(o)
RETURN total,
       o {.id, label: [l IN labels(o) WHERE l <> 'Actor'][0], .name} AS other,
       m {.id, label: 'Meeting', name: m.title} AS meeting,
       met.place AS place, met.date AS date, met.datePrecision AS datePrecision, met.status AS status,
       [i IN range(0, size(ra.evidence) - 1) | {source: ra.evidenceSources[i], sentence: ra.evidence[i]}]
         + [i IN range(0, size(ro.evidence) - 1) | {source: ro.evidenceSources[i], sentence: ro.evidence[i]}] AS evidence
