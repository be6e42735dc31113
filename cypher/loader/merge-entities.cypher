// Creates or finds entities of one label, adds the spellings this source uses to their aliases,
// and links each to the source that mentions it. Returns each entity's element id.
// Template: ${labels} is the label, with Actor for people, institutions and countries.
// Parameters: $source (source id), $rows [{id, name, aliases, properties, evidence}].
MATCH (s:Source {id: $source})
UNWIND $rows AS row
MERGE (n:${labels} {id: row.id})
  ON CREATE SET n.name = row.name, n += row.properties
SET n.aliases = reduce(all = coalesce(n.aliases, []), a IN row.aliases |
      CASE WHEN a IN all OR a = n.name THEN all ELSE all + a END)
MERGE (n)-[m:MENTIONED_IN]->(s)
SET m.evidence = row.evidence
RETURN row.id AS id, elementId(n) AS elementId
