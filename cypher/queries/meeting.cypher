// One meeting: participants with roles, place, date and the words for it, status, topics, the
// meeting it follows and those following it, and what each source reports of it.
// Parameters: $id (meeting id, e.g. 'witkoff-putin-moscow-2025-12-02').
MATCH (m:Meeting {id: $id})
RETURN m {.id, .title, .summary, .date, .dateText, .datePrecision, .status} AS meeting,
  COLLECT {
    MATCH (x:Actor)-[r:ATTENDED]->(m)
    RETURN {id: x.id, type: [l IN labels(x) WHERE l <> 'Actor'][0], name: x.name, role: r.role,
            evidence: [i IN range(0, size(r.evidence) - 1) | {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS p
    ORDER BY p.role, p.name
  } AS participants,
  COLLECT { MATCH (m)-[:HELD_IN]->(p:Place) RETURN p {.id, .name, .kind} AS place ORDER BY place.name } AS places,
  COLLECT { MATCH (m)-[:DISCUSSED]->(t:Topic) RETURN t {.id, .name} AS topic ORDER BY topic.name } AS topics,
  COLLECT { MATCH (m)-[:FOLLOWS]->(e:Meeting) RETURN e {.id, .title, .date} AS e ORDER BY e.id } AS follows,
  COLLECT { MATCH (l:Meeting)-[:FOLLOWS]->(m) RETURN l {.id, .title, .date} AS l ORDER BY l.id } AS followedBy,
  COLLECT {
    MATCH (m)-[p:REPORTED_IN]->(s:Source)
    RETURN {source: s.id, title: s.title, published: s.published, status: p.status, sentences: p.sentences} AS report
    ORDER BY report.source
  } AS reports
