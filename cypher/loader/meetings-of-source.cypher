// The meetings a source already reports or mentions: their MET relationships are re-derived
// after it is (re)loaded.
// Parameters: $source (source id).
CYPHER replan=skip
MATCH (:Source {id: $source})<-[:REPORTED_IN|MENTIONED_IN]-(m:Meeting)
RETURN collect(DISTINCT m.id) AS meetings
