// The scope of an export filtered by date range ($from, $to; either may be null), as a predicate
// on one node `node`.
(($from IS NULL AND $to IS NULL)
 // a dated fact in the range
 OR (node.date IS NOT NULL
     AND ($from IS NULL OR node.date >= $from) AND ($to IS NULL OR node.date <= $to))
 // an entity or source linked to a dated fact in the range
 OR (node.date IS NULL AND NOT node:Meeting|Event|Statement|Claim
     AND EXISTS { (node)--(x:Meeting|Event|Statement|Claim)
                  WHERE ($from IS NULL OR x.date >= $from) AND ($to IS NULL OR x.date <= $to) }))
