// Whom an actor met, where, when and in which meeting (MET, derived from ATTENDED), with the
// sentences that put each of them at the meeting; in date order.
// Parameters: $id (actor id, e.g. 'kirill-dmitriev'), $offset, $limit.
MATCH (a:Actor {id: $id})-[met:MET]-(o:Actor)
MATCH (m:Meeting {id: met.meeting})
WITH a, met, o, m ORDER BY met.date, m.id, o.name
WITH a, collect({met: met, other: o, meeting: m}) AS matched
UNWIND matched[$offset..$offset + $limit] AS row
WITH a, size(matched) AS total, row.met AS met, row.other AS o, row.meeting AS m
MATCH (a)-[ra:ATTENDED]->(m)<-[ro:ATTENDED]-(o)
RETURN total,
       o {.id, label: [l IN labels(o) WHERE l <> 'Actor'][0], .name} AS other,
       m {.id, label: 'Meeting', name: m.title} AS meeting,
       met.place AS place, met.date AS date, met.datePrecision AS datePrecision, met.status AS status,
       [i IN range(0, size(ra.evidence) - 1) | {source: ra.evidenceSources[i], sentence: ra.evidence[i]}]
         + [i IN range(0, size(ro.evidence) - 1) | {source: ro.evidenceSources[i], sentence: ro.evidence[i]}] AS evidence
