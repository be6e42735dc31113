// The element ids of a source and of every node it reports or mentions: what a new version or
// a delete of that source may take back.
// Parameters: $source (source id).
CYPHER replan=skip
OPTIONAL MATCH (s:Source {id: $source})
RETURN CASE WHEN s IS NULL THEN [] ELSE
  [elementId(s)] + COLLECT { MATCH (s)<-[:REPORTED_IN|MENTIONED_IN]-(n) RETURN DISTINCT elementId(n) }
  END AS elementIds
