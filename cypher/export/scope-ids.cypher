// The scope of an export filtered by actor, as a predicate on one node `node`: in the actor's
// network ($ids, from actor-scope.cypher).
($ids IS NULL OR node.id IN $ids)
