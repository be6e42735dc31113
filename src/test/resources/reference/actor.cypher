// The query this file replaced, kept as the oracle of ReadRewritesTest: it must answer as this does.
// One actor's profile: roles, relations, meetings attended, demands made and faced, positions,
// statements and claims, each with the sources and sentences that report it. Each list holds its
// first $limit items in its order and `counts` says how many there are in all, so an actor who
// attended a thousand meetings costs no more than one who attended $limit (the full lists page
// through /api/meetings?participant=, /api/timeline?actor= and /api/actors/{id}/met).
// Parameters: $id (actor id, e.g. 'steve-witkoff'), $limit = 50 (items per list).
MATCH (a:Actor {id: $id})
RETURN a {.id, type: [l IN labels(a) WHERE l <> 'Actor'][0], .name, .aliases, .description, .kind} AS actor,
  // The validator guarantees each type's end labels, so the counts name none: a count of one
  // node's relationships of a type without a label test is read from its degree, not expanded.
  {roles: COUNT { (a)-[:HOLDS_ROLE]->() },
   relations: COUNT { (a)-[:RELATIVE_OF|ADVISES|PART_OF]-() },
   meetings: COUNT { (a)-[:ATTENDED|PARTY_TO]->() },
   demandsMade: COUNT { (a)-[:DEMANDS]->() },
   demandsFaced: COUNT { (a)<-[:DIRECTED_AT]-() },
   positions: COUNT { (a)-[:SUPPORTS|OPPOSES]->() },
   statements: COUNT { (a)-[:SAID]->() },
   claims: COUNT { (a)-[:CLAIMS|DENIES]->() }} AS counts,
  COLLECT {
    MATCH (a)-[r:HOLDS_ROLE]->(o)
    WITH r, o ORDER BY r.title, o.id LIMIT $limit
    RETURN {title: r.title, of: o {.id, label: [l IN labels(o) WHERE l <> 'Actor'][0], .name}, evidence: [i IN range(0, size(r.evidence) - 1) |
            {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS role
  } AS roles,
  COLLECT {
    MATCH (a)-[r:RELATIVE_OF|ADVISES|PART_OF]-(o)
    WITH r, o ORDER BY type(r), o.id LIMIT $limit
    RETURN {type: type(r), direction: CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END,
            title: coalesce(r.relation, r.title), other: o {.id, label: [l IN labels(o) WHERE l <> 'Actor'][0], .name},
            evidence: [i IN range(0, size(r.evidence) - 1) | {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS relation
  } AS relations,
  COLLECT {
    MATCH (a)-[r:ATTENDED|PARTY_TO]->(m:Meeting)
    WITH r, m ORDER BY m.date, m.id LIMIT $limit
    RETURN {id: m.id, title: m.title, date: m.date, datePrecision: m.datePrecision, status: m.status,
            role: CASE type(r) WHEN 'PARTY_TO' THEN 'party' ELSE r.role END, side: r.side,
            places: [(m)-[:HELD_IN]->(p) | p.name],
            evidence: [i IN range(0, size(r.evidence) - 1) | {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS meeting
  } AS meetings,
  COLLECT {
    MATCH (a)-[:DEMANDS]->(d:Demand)
    WITH d ORDER BY d.id LIMIT $limit
    RETURN {id: d.id, text: d.text, kind: d.kind, others: [(d)-[:DIRECTED_AT]->(o) | o {.id, label: [l IN labels(o) WHERE l <> 'Actor'][0], .name}],
            topics: [(d)-[:ON_TOPIC]->(t) | t.id],
            evidence: [(d)-[p:REPORTED_IN]->(s) | {source: s.id, sentence: p.evidence}]} AS demand
  } AS demandsMade,
  COLLECT {
    MATCH (d:Demand)-[:DIRECTED_AT]->(a)
    WITH d ORDER BY d.id LIMIT $limit
    RETURN {id: d.id, text: d.text, kind: d.kind, others: [(o)-[:DEMANDS]->(d) | o {.id, label: [l IN labels(o) WHERE l <> 'Actor'][0], .name}],
            topics: [(d)-[:ON_TOPIC]->(t) | t.id],
            evidence: [(d)-[p:REPORTED_IN]->(s) | {source: s.id, sentence: p.evidence}]} AS demand
  } AS demandsFaced,
  COLLECT {
    MATCH (a)-[r:SUPPORTS|OPPOSES]->(x)
    WITH r, x ORDER BY type(r), x.id LIMIT $limit
    RETURN {stance: type(r), condition: r.condition, target: {id: x.id, label: [l IN labels(x) WHERE l <> 'Actor'][0],
            name: coalesce(x.name, x.text)},
            evidence: [i IN range(0, size(r.evidence) - 1) | {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS position
  } AS positions,
  COLLECT {
    MATCH (a)-[:SAID]->(s:Statement)
    WITH s ORDER BY s.date, s.id LIMIT $limit
    RETURN {id: s.id, text: s.text, date: s.date, evidence: [(s)-[p:REPORTED_IN]->(src) | {source: src.id, sentence: p.evidence}]} AS statement
  } AS statements,
  COLLECT {
    MATCH (a)-[r:CLAIMS|DENIES]->(c:Claim)
    WITH r, c ORDER BY type(r), c.id LIMIT $limit
    RETURN {stance: type(r), id: c.id, text: c.text,
            evidence: [i IN range(0, size(r.evidence) - 1) | {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS claim
  } AS claims
