// One meeting: the people who attended it with their role and side (the Country or bloc each acts
// for: as the source states it, `sideFrom: 'source'`, or else the one country their roles lead to,
// `sideFrom: 'role'`, the rule MET is derived by), the states and bodies party to it, place, date
// and the words for it, status, topics, the meeting it follows and those following it, and what
// each source reports of it.
// Parameters: $id (meeting id, e.g. 'witkoff-putin-moscow-2025-12-02').
MATCH (m:Meeting {id: $id})
RETURN m {.id, .title, .summary, .date, .dateText, .datePrecision, .status} AS meeting,
  COLLECT {
    MATCH (x:Person)-[r:ATTENDED]->(m)
    WITH x, r, COLLECT {
      MATCH (x)-[:HOLDS_ROLE]->()-[:PART_OF]->{0,3}(c:Country) RETURN DISTINCT c.id
    } AS roleSides
    WITH x, r, CASE WHEN r.side IS NOT NULL THEN r.side WHEN size(roleSides) = 1 THEN roleSides[0] END AS side
    RETURN {id: x.id, type: 'Person', name: x.name, role: r.role, side: side,
            sideFrom: CASE WHEN r.side IS NOT NULL THEN 'source' WHEN side IS NOT NULL THEN 'role' END,
            evidence: [i IN range(0, size(r.evidence) - 1) | {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS p
    ORDER BY p.side, p.role, p.name
  } AS participants,
  COLLECT {
    MATCH (x:Actor)-[r:PARTY_TO]->(m)
    RETURN {id: x.id, type: [l IN labels(x) WHERE l <> 'Actor'][0], name: x.name,
            evidence: [i IN range(0, size(r.evidence) - 1) | {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS p
    ORDER BY p.name
  } AS parties,
  COLLECT { MATCH (m)-[:HELD_IN]->(p:Place) RETURN p {.id, .name, .kind} AS place ORDER BY place.name } AS places,
  COLLECT { MATCH (m)-[:DISCUSSED]->(t:Topic) RETURN t {.id, .name} AS topic ORDER BY topic.name } AS topics,
  COLLECT { MATCH (m)-[:FOLLOWS]->(e:Meeting) RETURN e {.id, .title, .date} AS e ORDER BY e.id } AS follows,
  COLLECT { MATCH (l:Meeting)-[:FOLLOWS]->(m) RETURN l {.id, .title, .date} AS l ORDER BY l.id } AS followedBy,
  COLLECT {
    MATCH (m)-[p:REPORTED_IN]->(s:Source)
    RETURN {source: s.id, title: s.title, published: s.published, status: p.status, sentences: p.sentences} AS report
    ORDER BY report.source
  } AS reports
