// Creates or finds entities of one label, adds the spellings this source uses to their aliases,
// and links each to the source that mentions it. Returns each entity's element id.
// The MENTIONED_IN is created, not merged: the source has no provenance links when this runs (a
// new source has none, a new version's were taken back first) and an id is defined once per
// document, so MERGE would only search a hub's links to find nothing.
// Template: ${labels} is the label, with Actor for people, institutions and countries.
// Parameters: $source (source id), $rows [{id, name, aliases, properties, evidence}].
CYPHER replan=skip
MATCH (s:Source {id: $source})
UNWIND $rows AS row
MERGE (n:${labels} {id: row.id})
  ON CREATE SET n.name = row.name, n += row.properties
SET n.aliases = reduce(all = coalesce(n.aliases, []), a IN row.aliases |
      CASE WHEN a IN all OR a = n.name THEN all ELSE all + a END)
CREATE (n)-[:MENTIONED_IN {evidence: row.evidence}]->(s)
RETURN row.id AS id, elementId(n) AS elementId
