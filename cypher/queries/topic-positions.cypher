// Who demands, supports or opposes what on one issue: the demands on the topic with who makes
// them, of whom, about which territory, and who supports or opposes each (with conditions);
// positions taken on the topic itself; the plans covering it. Each with its sources.
// Parameters: $id (topic id, e.g. 'nato-membership').
MATCH (t:Topic {id: $id})
RETURN t {.id, .name, .aliases} AS topic,
  COLLECT {
    MATCH (d:Demand)-[:ON_TOPIC]->(t)
    RETURN {id: d.id, text: d.text, kind: d.kind,
            by: [(a)-[:DEMANDS]->(d) | a {.id, .name}],
            of: [(d)-[:DIRECTED_AT]->(o) | o {.id, .name}],
            places: [(d)-[:CONCERNS]->(p) | p {.id, .name}],
            positions: COLLECT {
              MATCH (a:Actor)-[r:SUPPORTS|OPPOSES]->(d)
              RETURN {stance: type(r), actor: a {.id, .name}, condition: r.condition,
                      evidence: [i IN range(0, size(r.evidence) - 1) | {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS pos
              ORDER BY pos.stance, pos.actor.id
            },
            evidence: [(d)-[p:REPORTED_IN]->(s) | {source: s.id, sentence: p.evidence}]} AS demand
    ORDER BY demand.kind, demand.id
  } AS demands,
  COLLECT {
    MATCH (a:Actor)-[r:SUPPORTS|OPPOSES]->(t)
    RETURN {stance: type(r), actor: a {.id, .name}, condition: r.condition,
            evidence: [i IN range(0, size(r.evidence) - 1) | {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS pos
    ORDER BY pos.stance, pos.actor.id
  } AS positions,
  COLLECT {
    MATCH (p:Plan)-[:COVERS]->(t)
    RETURN {id: p.id, name: p.name,
            authors: [(a)-[:AUTHORED]->(p) | a {.id, .name}],
            positions: COLLECT {
              MATCH (a:Actor)-[r:SUPPORTS|OPPOSES]->(p)
              RETURN {stance: type(r), actor: a {.id, .name}, condition: r.condition,
                      evidence: [i IN range(0, size(r.evidence) - 1) | {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS pos
              ORDER BY pos.stance, pos.actor.id
            },
            evidence: [(p)-[x:REPORTED_IN]->(s) | {source: s.id, sentence: x.evidence}]} AS plan
    ORDER BY plan.id
  } AS plans
