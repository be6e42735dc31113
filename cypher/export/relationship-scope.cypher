// Which relationships between two nodes in scope an export keeps (a predicate on `r` from `a` to
// `b`, put into relationships.cypher): with $source, what that source supports (its evidence, its
// provenance links, MET of meetings it reports); with a date range, MET of meetings in it.
// Parameters: $source, $from, $to.
($source IS NULL
 OR $source IN coalesce(r.sources, [])
 OR (r:REPORTED_IN|MENTIONED_IN AND b.id = $source)
 OR (r:MET AND EXISTS { (:Meeting {id: r.meeting})-[:REPORTED_IN]->(:Source {id: $source}) }))
AND (($from IS NULL AND $to IS NULL) OR NOT r:MET
     OR (r.date IS NOT NULL AND ($from IS NULL OR r.date >= $from) AND ($to IS NULL OR r.date <= $to)))
