// Model version 2: countries and institutions no longer ATTEND a meeting, they are PARTY_TO it.
// Moves each such ATTENDED's sources and evidence onto a PARTY_TO (merged with one that exists)
// and deletes it. Returns how many were converted.
MATCH (x:Country|Institution)-[r:ATTENDED]->(m:Meeting)
MERGE (x)-[p:PARTY_TO]->(m)
SET p.evidence = coalesce(p.evidence, []) + coalesce(r.evidence, []),
    p.evidenceSources = coalesce(p.evidenceSources, []) + coalesce(r.evidenceSources, []),
    p.sources = coalesce(p.sources, [])
      + [s IN coalesce(r.sources, []) WHERE NOT s IN coalesce(p.sources, [])]
DELETE r
RETURN count(*) AS converted
