// Which relationships between two nodes in scope an export filtered by $source keeps (a predicate
// on `r` from `a` to `b`): what that source supports (its evidence, its provenance links, MET of
// meetings it reports).
($source IS NULL
 OR $source IN coalesce(r.sources, [])
 OR (r:REPORTED_IN|MENTIONED_IN AND b.id = $source)
 OR (r:MET AND EXISTS { (:Meeting {id: r.meeting})-[:REPORTED_IN]->(:Source {id: $source}) }))
