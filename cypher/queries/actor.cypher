// One actor's profile: roles, relations, meetings attended, demands made and faced, positions,
// statements and claims, each with the sources and sentences that report it.
// Parameters: $id (actor id, e.g. 'steve-witkoff').
MATCH (a:Actor {id: $id})
RETURN a {.id, type: [l IN labels(a) WHERE l <> 'Actor'][0], .name, .aliases, .description, .kind} AS actor,
  COLLECT {
    MATCH (a)-[r:HOLDS_ROLE]->(o)
    RETURN {title: r.title, of: o {.id, .name}, evidence: [i IN range(0, size(r.evidence) - 1) |
            {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS role ORDER BY role.title
  } AS roles,
  COLLECT {
    MATCH (a)-[r:RELATIVE_OF|ADVISES|PART_OF]-(o)
    RETURN {type: type(r), direction: CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END,
            title: coalesce(r.relation, r.title), other: o {.id, .name},
            evidence: [i IN range(0, size(r.evidence) - 1) | {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS relation
    ORDER BY relation.type, relation.other.id
  } AS relations,
  COLLECT {
    MATCH (a)-[r:ATTENDED]->(m:Meeting)
    RETURN {id: m.id, title: m.title, date: m.date, datePrecision: m.datePrecision, status: m.status, role: r.role,
            places: [(m)-[:HELD_IN]->(p) | p.name],
            evidence: [i IN range(0, size(r.evidence) - 1) | {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS meeting
    ORDER BY meeting.date, meeting.id
  } AS meetings,
  COLLECT {
    MATCH (a)-[:DEMANDS]->(d:Demand)
    RETURN {id: d.id, text: d.text, kind: d.kind, others: [(d)-[:DIRECTED_AT]->(o) | o {.id, .name}],
            topics: [(d)-[:ON_TOPIC]->(t) | t.id],
            evidence: [(d)-[p:REPORTED_IN]->(s) | {source: s.id, sentence: p.evidence}]} AS demand
    ORDER BY demand.id
  } AS demandsMade,
  COLLECT {
    MATCH (d:Demand)-[:DIRECTED_AT]->(a)
    RETURN {id: d.id, text: d.text, kind: d.kind, others: [(o)-[:DEMANDS]->(d) | o {.id, .name}],
            topics: [(d)-[:ON_TOPIC]->(t) | t.id],
            evidence: [(d)-[p:REPORTED_IN]->(s) | {source: s.id, sentence: p.evidence}]} AS demand
    ORDER BY demand.id
  } AS demandsFaced,
  COLLECT {
    MATCH (a)-[r:SUPPORTS|OPPOSES]->(x)
    RETURN {stance: type(r), condition: r.condition, target: {id: x.id, label: [l IN labels(x) WHERE l <> 'Actor'][0],
            name: coalesce(x.name, x.text)},
            evidence: [i IN range(0, size(r.evidence) - 1) | {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS position
    ORDER BY position.stance, position.target.id
  } AS positions,
  COLLECT {
    MATCH (a)-[:SAID]->(s:Statement)
    RETURN {id: s.id, text: s.text, date: s.date, evidence: [(s)-[p:REPORTED_IN]->(src) | {source: src.id, sentence: p.evidence}]} AS statement
    ORDER BY statement.date, statement.id
  } AS statements,
  COLLECT {
    MATCH (a)-[r:CLAIMS|DENIES]->(c:Claim)
    RETURN {stance: type(r), id: c.id, text: c.text,
            evidence: [i IN range(0, size(r.evidence) - 1) | {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS claim
    ORDER BY claim.stance, claim.id
  } AS claims
