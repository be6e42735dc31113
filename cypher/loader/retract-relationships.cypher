// Takes back one source's support from the relationships it contributed to: drops its evidence
// sentences and its id from `sources`; a relationship no source supports any more is deleted.
// Starts from the nodes the source reports or mentions, so it never scans the whole graph.
// Parameters: $source (source id).
CYPHER replan=skip
MATCH (:Source {id: $source})<-[:REPORTED_IN|MENTIONED_IN]-(n)
MATCH (n)-[r]-()
WHERE $source IN r.evidenceSources
WITH DISTINCT r
WITH r, [i IN range(0, size(r.evidenceSources) - 1) WHERE r.evidenceSources[i] <> $source] AS keep
CALL (r, keep) {
  WITH r, keep
  WHERE size(keep) = 0
  DELETE r
}
CALL (r, keep) {
  WITH r, keep
  WHERE size(keep) > 0
  SET r.evidence = [i IN keep | r.evidence[i]],
      r.evidenceSources = [i IN keep | r.evidenceSources[i]],
      r.sources = [s IN r.sources WHERE s <> $source]
}
