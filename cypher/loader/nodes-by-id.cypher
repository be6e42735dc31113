// The element ids of the nodes with these ids, whatever their label: the nodes a document
// defines or references, read before and after it is written to say what it changed.
// One unique-index seek per label over the whole list (as labels-of-ids.cypher), not twelve
// seeks and a Distinct per id.
// Parameters: $ids (list of strings).
CYPHER replan=skip
CALL () {
  MATCH (n:Person) WHERE n.id IN $ids RETURN n
  UNION ALL MATCH (n:Institution) WHERE n.id IN $ids RETURN n
  UNION ALL MATCH (n:Country) WHERE n.id IN $ids RETURN n
  UNION ALL MATCH (n:Place) WHERE n.id IN $ids RETURN n
  UNION ALL MATCH (n:Topic) WHERE n.id IN $ids RETURN n
  UNION ALL MATCH (n:Meeting) WHERE n.id IN $ids RETURN n
  UNION ALL MATCH (n:Demand) WHERE n.id IN $ids RETURN n
  UNION ALL MATCH (n:Plan) WHERE n.id IN $ids RETURN n
  UNION ALL MATCH (n:Statement) WHERE n.id IN $ids RETURN n
  UNION ALL MATCH (n:Claim) WHERE n.id IN $ids RETURN n
  UNION ALL MATCH (n:Event) WHERE n.id IN $ids RETURN n
  UNION ALL MATCH (n:Source) WHERE n.id IN $ids RETURN n
}
RETURN collect(DISTINCT elementId(n)) AS elementIds
