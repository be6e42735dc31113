// Claims with who claims and who denies each and the sources on each side, whom the source
// attributes an unnamed claim to (`attributedTo`) and who reported it (REPORTED_BY); contested ones
// (with at least one denial) first. With $contested = true only those, with false only the
// uncontested ones, with null all.
// How it stays fast as the graph grows: contested and uncontested claims are each read in id
// order from the id index, at most $offset + $limit of each; the total comes from the count store
// (with a $contested filter, from the DENIES relationships).
// Parameters: $contested = null (boolean), $offset = 0, $limit = 50.
CALL () {
  WITH 1 AS any WHERE $contested IS NULL OR $contested
  RETURN COLLECT {
    MATCH (c:Claim) WHERE c.id IS NOT NULL AND EXISTS { (c)<-[:DENIES]-() }
    RETURN c ORDER BY c.id LIMIT $offset + $limit
  } AS contested
  UNION ALL
  WITH 1 AS none WHERE $contested = false
  RETURN [] AS contested
}
CALL (contested) {
  WITH 1 AS any WHERE $contested IS NULL OR NOT $contested
  RETURN COLLECT {
    MATCH (c:Claim) WHERE c.id IS NOT NULL AND NOT EXISTS { (c)<-[:DENIES]-() }
    RETURN c ORDER BY c.id LIMIT $offset + $limit
  } AS uncontested
  UNION ALL
  WITH 1 AS none WHERE $contested
  RETURN [] AS uncontested
}
CALL (contested, uncontested) {
  WITH 1 AS all WHERE $contested IS NULL
  RETURN COUNT { (:Claim) } AS total
  UNION ALL
  WITH 1 AS filtered WHERE $contested IS NOT NULL
  CALL (filtered) { MATCH ()-[:DENIES]->(c:Claim) RETURN count(DISTINCT c) AS denied }
  RETURN CASE WHEN $contested THEN denied ELSE COUNT { (:Claim) } - denied END AS total
}
UNWIND (contested + uncontested)[$offset..$offset + $limit] AS c
// Each claim's relationships are walked once for all its lists (one expansion per list walked the
// whole chain five times): CLAIMS and DENIES that end at the claim, REPORTED_BY, ABOUT and
// REPORTED_IN that start there.
WITH total, c, COLLECT {
  MATCH (c)-[r:CLAIMS|DENIES|REPORTED_BY|ABOUT|REPORTED_IN]-(x)
  WITH r, x, CASE WHEN startNode(r) = c THEN 'out' ELSE 'in' END AS direction
  WHERE direction = CASE WHEN type(r) IN ['CLAIMS', 'DENIES'] THEN 'in' ELSE 'out' END
  RETURN {type: type(r), r: r, x: x} AS link
} AS links
RETURN total,
       {id: c.id, text: c.text, date: c.date, attributedTo: c.attributedTo,
        claimedBy: COLLECT {
          UNWIND links AS l WITH l WHERE l.type = 'CLAIMS'
          WITH l.r AS r, l.x AS a
          RETURN {actor: a {.id, label: [l IN labels(a) WHERE l <> 'Actor'][0], .name}, evidence: [i IN range(0, size(r.evidence) - 1) |
                  {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS side ORDER BY side.actor.id },
        deniedBy: COLLECT {
          UNWIND links AS l WITH l WHERE l.type = 'DENIES'
          WITH l.r AS r, l.x AS a
          RETURN {actor: a {.id, label: [l IN labels(a) WHERE l <> 'Actor'][0], .name}, evidence: [i IN range(0, size(r.evidence) - 1) |
                  {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS side ORDER BY side.actor.id },
        reportedBy: COLLECT {
          UNWIND links AS l WITH l WHERE l.type = 'REPORTED_BY'
          WITH l.r AS r, l.x AS a
          RETURN {actor: a {.id, label: [l IN labels(a) WHERE l <> 'Actor'][0], .name}, evidence: [i IN range(0, size(r.evidence) - 1) |
                  {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS side ORDER BY side.actor.id },
        about: [l IN links WHERE l.type = 'ABOUT' | {id: l.x.id, label: [k IN labels(l.x) WHERE k <> 'Actor'][0], name: coalesce(l.x.name, l.x.title, l.x.text)}],
        evidence: COLLECT { UNWIND links AS l WITH l WHERE l.type = 'REPORTED_IN'
                            RETURN {source: l.x.id, sentence: l.r.evidence} AS e ORDER BY e.source }
       } AS claim
