// Node counts per label: how many actors, meetings, claims… the graph holds.
// The knowledge base's write-lock node (KbWriteLock, see cypher/loader/write-lock.cypher) is
// bookkeeping, not knowledge: left out.
// Each label of shared/KB-SCHEMA.md is counted by a branch that names it, which Neo4j answers from
// its count store (one lookup, whatever the size of the graph); a label named at run time
// (`$(label)`) is counted by visiting its nodes, so only a label outside the schema takes the last
// branch. QueryPlanTest checks that every label of the schema has its branch.
// Parameters: none.
CALL db.labels() YIELD label
WITH label WHERE label <> 'KbWriteLock'
CALL (label) {
  WITH label WHERE label = 'Actor' RETURN COUNT { (:Actor) } AS count
  UNION ALL
  WITH label WHERE label = 'Claim' RETURN COUNT { (:Claim) } AS count
  UNION ALL
  WITH label WHERE label = 'Country' RETURN COUNT { (:Country) } AS count
  UNION ALL
  WITH label WHERE label = 'Demand' RETURN COUNT { (:Demand) } AS count
  UNION ALL
  WITH label WHERE label = 'Event' RETURN COUNT { (:Event) } AS count
  UNION ALL
  WITH label WHERE label = 'Institution' RETURN COUNT { (:Institution) } AS count
  UNION ALL
  WITH label WHERE label = 'Meeting' RETURN COUNT { (:Meeting) } AS count
  UNION ALL
  WITH label WHERE label = 'Person' RETURN COUNT { (:Person) } AS count
  UNION ALL
  WITH label WHERE label = 'Place' RETURN COUNT { (:Place) } AS count
  UNION ALL
  WITH label WHERE label = 'Plan' RETURN COUNT { (:Plan) } AS count
  UNION ALL
  WITH label WHERE label = 'Source' RETURN COUNT { (:Source) } AS count
  UNION ALL
  WITH label WHERE label = 'Statement' RETURN COUNT { (:Statement) } AS count
  UNION ALL
  WITH label WHERE label = 'Topic' RETURN COUNT { (:Topic) } AS count
  UNION ALL
  WITH label WHERE NOT label IN ['Actor', 'Claim', 'Country', 'Demand', 'Event', 'Institution', 'Meeting', 'Person', 'Place', 'Plan', 'Source', 'Statement', 'Topic'] RETURN COUNT { (:$(label)) } AS count
}
RETURN label, count
ORDER BY label
