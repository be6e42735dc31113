// Removes a source's REPORTED_IN and MENTIONED_IN links; returns the nodes that lost one.
// Parameters: $source (source id).
CYPHER replan=skip
MATCH (:Source {id: $source})<-[p:REPORTED_IN|MENTIONED_IN]-(n)
DELETE p
RETURN collect(DISTINCT elementId(n)) AS touched
