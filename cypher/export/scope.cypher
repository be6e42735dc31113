// The part of the graph an export covers, as a predicate on one node `node` (not a query of its
// own: the export queries put it in their WHERE, so nodes and relationships use one definition).
// Every filter is optional; given several, a node must pass all of them.
// Parameters: $ids (ids of an actor's network from actor-scope.cypher, or null),
// $source (source id or null), $from, $to (dates or null).
($ids IS NULL OR node.id IN $ids)
AND ($source IS NULL
     OR (node:Source AND node.id = $source)
     OR EXISTS { (node)-[:REPORTED_IN|MENTIONED_IN]->(:Source {id: $source}) })
AND (($from IS NULL AND $to IS NULL)
     // a dated fact in the range
     OR (node.date IS NOT NULL
         AND ($from IS NULL OR node.date >= $from) AND ($to IS NULL OR node.date <= $to))
     // an entity or source linked to a dated fact in the range
     OR (node.date IS NULL AND NOT node:Meeting|Event|Statement|Claim
         AND EXISTS { (node)--(x:Meeting|Event|Statement|Claim)
                      WHERE ($from IS NULL OR x.date >= $from) AND ($to IS NULL OR x.date <= $to) }))
