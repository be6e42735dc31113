// The element ids of the nodes with these ids, whatever their label: the nodes a document
// defines or references, read before and after it is written to say what it changed.
// Each branch is a unique-index seek.
// Parameters: $ids (list of strings).
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Person {id: id}) RETURN n
  UNION MATCH (n:Institution {id: id}) RETURN n
  UNION MATCH (n:Country {id: id}) RETURN n
  UNION MATCH (n:Place {id: id}) RETURN n
  UNION MATCH (n:Topic {id: id}) RETURN n
  UNION MATCH (n:Meeting {id: id}) RETURN n
  UNION MATCH (n:Demand {id: id}) RETURN n
  UNION MATCH (n:Plan {id: id}) RETURN n
  UNION MATCH (n:Statement {id: id}) RETURN n
  UNION MATCH (n:Claim {id: id}) RETURN n
  UNION MATCH (n:Event {id: id}) RETURN n
  UNION MATCH (n:Source {id: id}) RETURN n
}
RETURN collect(DISTINCT elementId(n)) AS elementIds
