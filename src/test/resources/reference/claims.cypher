// The query this file replaced, kept as the oracle of ReadRewritesTest: it must answer as this does.
// Claims with who claims and who denies each and the sources on each side, whom the source
// attributes an unnamed claim to (`attributedTo`) and who reported it (REPORTED_BY); contested ones
// (with at least one denial) first. With $contested = true only those, with false only the
// uncontested ones, with null all.
// Parameters: $contested = null (boolean), $offset = 0, $limit = 50.
MATCH (c:Claim)
WITH c, COUNT { (c)<-[:DENIES]-() } AS denials
WHERE $contested IS NULL OR (denials > 0) = $contested
WITH c, denials ORDER BY denials > 0 DESC, c.id
WITH collect(c) AS matched
UNWIND matched[$offset..$offset + $limit] AS c
RETURN size(matched) AS total,
       {id: c.id, text: c.text, date: c.date, attributedTo: c.attributedTo,
        claimedBy: COLLECT {
          MATCH (a)-[r:CLAIMS]->(c)
          RETURN {actor: a {.id, label: [l IN labels(a) WHERE l <> 'Actor'][0], .name}, evidence: [i IN range(0, size(r.evidence) - 1) |
                  {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS side ORDER BY side.actor.id },
        deniedBy: COLLECT {
          MATCH (a)-[r:DENIES]->(c)
          RETURN {actor: a {.id, label: [l IN labels(a) WHERE l <> 'Actor'][0], .name}, evidence: [i IN range(0, size(r.evidence) - 1) |
                  {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS side ORDER BY side.actor.id },
        reportedBy: COLLECT {
          MATCH (c)-[r:REPORTED_BY]->(a)
          RETURN {actor: a {.id, label: [l IN labels(a) WHERE l <> 'Actor'][0], .name}, evidence: [i IN range(0, size(r.evidence) - 1) |
                  {source: r.evidenceSources[i], sentence: r.evidence[i]}]} AS side ORDER BY side.actor.id },
        about: [(c)-[:ABOUT]->(x) | {id: x.id, label: [l IN labels(x) WHERE l <> 'Actor'][0], name: coalesce(x.name, x.title, x.text)}],
        evidence: COLLECT { MATCH (c)-[p:REPORTED_IN]->(s) RETURN {source: s.id, sentence: p.evidence} AS e ORDER BY e.source }
       } AS claim
