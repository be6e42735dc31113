// Which of a draft's ids the graph already holds: the node a candidate would merge into, with
// its label and the name a reviewer knows it by. Each branch is a unique-index seek.
// Parameters: $ids (list of strings).
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Person {id: id}) RETURN n, 'Person' AS label
  UNION MATCH (n:Institution {id: id}) RETURN n, 'Institution' AS label
  UNION MATCH (n:Country {id: id}) RETURN n, 'Country' AS label
  UNION MATCH (n:Place {id: id}) RETURN n, 'Place' AS label
  UNION MATCH (n:Topic {id: id}) RETURN n, 'Topic' AS label
  UNION MATCH (n:Meeting {id: id}) RETURN n, 'Meeting' AS label
  UNION MATCH (n:Demand {id: id}) RETURN n, 'Demand' AS label
  UNION MATCH (n:Plan {id: id}) RETURN n, 'Plan' AS label
  UNION MATCH (n:Statement {id: id}) RETURN n, 'Statement' AS label
  UNION MATCH (n:Claim {id: id}) RETURN n, 'Claim' AS label
  UNION MATCH (n:Event {id: id}) RETURN n, 'Event' AS label
}
RETURN id, label, coalesce(n.name, n.title, n.text, n.summary, id) AS name
