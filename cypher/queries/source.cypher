// One article with every fact it supports and, for each, the sentence(s) it rests on:
// facts REPORTED_IN it, entities MENTIONED_IN it, and the relationships it gives evidence for.
// Parameters: $id (source id, e.g. 'article-000').
MATCH (s:Source {id: $id})
RETURN s {.id, .title, .published, .file, .publisher, .author,
          facts: COUNT { (s)<-[:REPORTED_IN]-() }, entities: COUNT { (s)<-[:MENTIONED_IN]-() }} AS source,
  COLLECT {
    MATCH (f)-[p:REPORTED_IN]->(s)
    RETURN {id: f.id, label: [l IN labels(f) WHERE l <> 'Actor'][0],
            text: coalesce(f.title, f.name, f.text, f.summary), evidence: p.sentences} AS fact
    ORDER BY fact.label, fact.id
  } AS facts,
  COLLECT {
    MATCH (e)-[m:MENTIONED_IN]->(s)
    RETURN {id: e.id, label: [l IN labels(e) WHERE l <> 'Actor'][0],
            text: coalesce(e.name, e.title, e.text, e.summary), evidence: coalesce(m.evidence, [])} AS entity
    ORDER BY entity.label, entity.id
  } AS entities,
  COLLECT {
    MATCH (s)<-[:REPORTED_IN|MENTIONED_IN]-(a)-[r]->(b)
    WHERE $id IN r.evidenceSources
    RETURN {type: type(r), from: a.id, to: b.id,
            evidence: [i IN range(0, size(r.evidence) - 1) WHERE r.evidenceSources[i] = $id | r.evidence[i]]} AS rel
    ORDER BY rel.type, rel.from, rel.to
  } AS relationships
