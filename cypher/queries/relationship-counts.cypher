// Relationship counts per type: how many ATTENDED, MET, DEMANDS… the graph holds.
// Each type of shared/KB-SCHEMA.md is counted by a branch that names it, which Neo4j answers from
// its count store (one lookup); a type named at run time (`$(type)`) is counted by walking every
// node's relationships, so only a type outside the schema takes the last branch. QueryPlanTest
// checks that every type of the schema has its branch.
// Parameters: none.
CALL db.relationshipTypes() YIELD relationshipType AS type
CALL (type) {
  WITH type WHERE type = 'ABOUT' RETURN COUNT { ()-[:ABOUT]->() } AS count
  UNION ALL
  WITH type WHERE type = 'ADVISES' RETURN COUNT { ()-[:ADVISES]->() } AS count
  UNION ALL
  WITH type WHERE type = 'ATTENDED' RETURN COUNT { ()-[:ATTENDED]->() } AS count
  UNION ALL
  WITH type WHERE type = 'AUTHORED' RETURN COUNT { ()-[:AUTHORED]->() } AS count
  UNION ALL
  WITH type WHERE type = 'CARRIED_OUT' RETURN COUNT { ()-[:CARRIED_OUT]->() } AS count
  UNION ALL
  WITH type WHERE type = 'CLAIMS' RETURN COUNT { ()-[:CLAIMS]->() } AS count
  UNION ALL
  WITH type WHERE type = 'CONCERNS' RETURN COUNT { ()-[:CONCERNS]->() } AS count
  UNION ALL
  WITH type WHERE type = 'COVERS' RETURN COUNT { ()-[:COVERS]->() } AS count
  UNION ALL
  WITH type WHERE type = 'DEMANDS' RETURN COUNT { ()-[:DEMANDS]->() } AS count
  UNION ALL
  WITH type WHERE type = 'DENIES' RETURN COUNT { ()-[:DENIES]->() } AS count
  UNION ALL
  WITH type WHERE type = 'DIRECTED_AT' RETURN COUNT { ()-[:DIRECTED_AT]->() } AS count
  UNION ALL
  WITH type WHERE type = 'DISCUSSED' RETURN COUNT { ()-[:DISCUSSED]->() } AS count
  UNION ALL
  WITH type WHERE type = 'FOLLOWS' RETURN COUNT { ()-[:FOLLOWS]->() } AS count
  UNION ALL
  WITH type WHERE type = 'HELD_IN' RETURN COUNT { ()-[:HELD_IN]->() } AS count
  UNION ALL
  WITH type WHERE type = 'HOLDS_ROLE' RETURN COUNT { ()-[:HOLDS_ROLE]->() } AS count
  UNION ALL
  WITH type WHERE type = 'INVOLVED' RETURN COUNT { ()-[:INVOLVED]->() } AS count
  UNION ALL
  WITH type WHERE type = 'LOCATED_IN' RETURN COUNT { ()-[:LOCATED_IN]->() } AS count
  UNION ALL
  WITH type WHERE type = 'MENTIONED_IN' RETURN COUNT { ()-[:MENTIONED_IN]->() } AS count
  UNION ALL
  WITH type WHERE type = 'MET' RETURN COUNT { ()-[:MET]->() } AS count
  UNION ALL
  WITH type WHERE type = 'OCCURRED_IN' RETURN COUNT { ()-[:OCCURRED_IN]->() } AS count
  UNION ALL
  WITH type WHERE type = 'ON_TOPIC' RETURN COUNT { ()-[:ON_TOPIC]->() } AS count
  UNION ALL
  WITH type WHERE type = 'OPPOSES' RETURN COUNT { ()-[:OPPOSES]->() } AS count
  UNION ALL
  WITH type WHERE type = 'PARTY_TO' RETURN COUNT { ()-[:PARTY_TO]->() } AS count
  UNION ALL
  WITH type WHERE type = 'PART_OF' RETURN COUNT { ()-[:PART_OF]->() } AS count
  UNION ALL
  WITH type WHERE type = 'RELATIVE_OF' RETURN COUNT { ()-[:RELATIVE_OF]->() } AS count
  UNION ALL
  WITH type WHERE type = 'REPORTED_BY' RETURN COUNT { ()-[:REPORTED_BY]->() } AS count
  UNION ALL
  WITH type WHERE type = 'REPORTED_IN' RETURN COUNT { ()-[:REPORTED_IN]->() } AS count
  UNION ALL
  WITH type WHERE type = 'REVISES' RETURN COUNT { ()-[:REVISES]->() } AS count
  UNION ALL
  WITH type WHERE type = 'SAID' RETURN COUNT { ()-[:SAID]->() } AS count
  UNION ALL
  WITH type WHERE type = 'SUPPORTS' RETURN COUNT { ()-[:SUPPORTS]->() } AS count
  UNION ALL
  WITH type WHERE type = 'TARGETED' RETURN COUNT { ()-[:TARGETED]->() } AS count
  UNION ALL
  WITH type WHERE NOT type IN ['ABOUT', 'ADVISES', 'ATTENDED', 'AUTHORED', 'CARRIED_OUT', 'CLAIMS', 'CONCERNS', 'COVERS', 'DEMANDS', 'DENIES', 'DIRECTED_AT', 'DISCUSSED', 'FOLLOWS', 'HELD_IN', 'HOLDS_ROLE', 'INVOLVED', 'LOCATED_IN', 'MENTIONED_IN', 'MET', 'OCCURRED_IN', 'ON_TOPIC', 'OPPOSES', 'PARTY_TO', 'PART_OF', 'RELATIVE_OF', 'REPORTED_BY', 'REPORTED_IN', 'REVISES', 'SAID', 'SUPPORTS', 'TARGETED'] RETURN COUNT { ()-[:$(type)]->() } AS count
}
RETURN type, count
ORDER BY type
