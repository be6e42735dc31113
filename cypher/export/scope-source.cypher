// The scope of an export filtered by source, as a predicate on one node `node`: the source itself,
// or what it reports or mentions.
($source IS NULL
 OR (node:Source AND node.id = $source)
 OR EXISTS { (node)-[:REPORTED_IN|MENTIONED_IN]->(:Source {id: $source}) })
