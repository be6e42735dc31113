// One actor's profile: roles, relations, meetings attended, demands made and faced, positions,
// statements and claims, each with the sources and sentences that report it. Each list holds its
// first $limit items in its order and `counts` says how many there are in all, so an actor who
// attended a thousand meetings costs no more than one who attended $limit (the full lists page
// through /api/meetings?participant=, /api/timeline?actor= and /api/actors/{id}/met).
// Parameters: $id (actor id, e.g. 'steve-witkoff'), $limit = 50 (items per list).
MATCH (a:Actor {id: $id})
WITH a, COUNT { (a)-[:ATTENDED|PARTY_TO]->() } AS attended
// The first $limit meetings in (date, id) order. For an actor who attended many (when reading the
// date index in order until $limit of theirs turn up costs less than sorting all of theirs: about
// $limit x (all meetings / theirs) entries against their whole degree), from the meeting_date
// index, each entry checked against the actor from the meeting's side; undated meetings, which no
// index orders, only if the dated ones do not fill the list. Otherwise their meetings are sorted.
CALL (a, attended) {
  WITH a WHERE attended * attended > $limit * COUNT { (:Meeting) }
  WITH a, COLLECT {
    MATCH (m:Meeting) USING INDEX m:Meeting(date)
    WHERE m.date IS NOT NULL
    MATCH (a)-[r:ATTENDED|PARTY_TO]->(m)
    RETURN {r: r, m: m} AS x ORDER BY m.date, m.id LIMIT $limit
  } AS dated
  CALL (a, dated) {
    WITH dated WHERE size(dated) = $limit
    RETURN dated AS firstMeetings
    UNION ALL
    WITH a, dated WHERE size(dated) < $limit
    RETURN (dated + COLLECT {
      MATCH (a)-[r:ATTENDED|PARTY_TO]->(m:Meeting) WHERE m.date IS NULL
      RETURN {r: r, m: m} AS x ORDER BY m.id LIMIT $limit
    })[0..$limit] AS firstMeetings
  }
  RETURN firstMeetings
  UNION ALL
  WITH a WHERE attended * attended <= $limit * COUNT { (:Meeting) }
  RETURN COLLECT {
    MATCH (a)-[r:ATTENDED|PARTY_TO]->(m:Meeting)
    RETURN {r: r, m: m} AS x ORDER BY m.date, m.id LIMIT $limit
  } AS firstMeetings
}
RETURN a {.id, type: [l IN labels(a) WHERE l <> 'Actor'][0], .name, .aliases, .description, .kind} AS actor,
  // The validator guarantees each type's end labels, so the counts name none: a count of one
  // node's relationships of a type without a label test is read from its degree, not expanded.
  {roles: COUNT { (a)-[:HOLDS_ROLE]->() },
   relations: COUNT { (a)-[:RELATIVE_OF|ADVISES|PART_OF]-() },
   meetings: attended,
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
    UNWIND firstMeetings AS x
    WITH x.r AS r, x.m AS m ORDER BY m.date, m.id
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
