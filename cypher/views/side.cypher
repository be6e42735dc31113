// The side an actor `node` acts for, as an expression (put into other queries): for a person, the
// side most often recorded on their ATTENDED relationships; else the country they hold a role in
// or advise someone who does (through the bodies it is part of); else the outermost body they
// hold a role in; for an institution, the country or outermost body it is part of; a country is
// its own side. Null for anything else.
CASE
  WHEN node:Country THEN node.id
  WHEN node:Person THEN coalesce(
    head(COLLECT { MATCH (node)-[r:ATTENDED]->(:Meeting) WHERE r.side IS NOT NULL
                   WITH r.side AS s, count(*) AS c ORDER BY c DESC, s RETURN s }),
    head(COLLECT { MATCH p = (node)-[:HOLDS_ROLE|ADVISES]->{1,2}()-[:PART_OF]->{0,3}(c:Country)
                   RETURN c.id ORDER BY length(p), c.id }),
    head(COLLECT { MATCH p = (node)-[:HOLDS_ROLE]->(:Institution)-[:PART_OF]->{0,3}(i:Institution)
                   WHERE NOT EXISTS { (i)-[:PART_OF]->() }
                   RETURN i.id ORDER BY length(p) DESC, i.id }))
  WHEN node:Institution THEN coalesce(
    head(COLLECT { MATCH p = (node)-[:PART_OF]->{1,4}(c:Country) RETURN c.id ORDER BY length(p), c.id }),
    head(COLLECT { MATCH p = (node)-[:PART_OF]->{0,4}(i:Institution) WHERE NOT EXISTS { (i)-[:PART_OF]->() }
                   RETURN i.id ORDER BY length(p) DESC, i.id }))
  ELSE null
END
