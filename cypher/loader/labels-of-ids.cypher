// Which of these ids the graph already holds, and under which label.
// The validator asks this for ids a document references but does not define, and for ids it
// defines, to catch one id used for two kinds of thing. Each branch is a unique-index seek.
// Parameters: $ids (list of strings).
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Person {id: id}) RETURN 'Person' AS label
  UNION MATCH (n:Institution {id: id}) RETURN 'Institution' AS label
  UNION MATCH (n:Country {id: id}) RETURN 'Country' AS label
  UNION MATCH (n:Place {id: id}) RETURN 'Place' AS label
  UNION MATCH (n:Topic {id: id}) RETURN 'Topic' AS label
  UNION MATCH (n:Meeting {id: id}) RETURN 'Meeting' AS label
  UNION MATCH (n:Demand {id: id}) RETURN 'Demand' AS label
  UNION MATCH (n:Plan {id: id}) RETURN 'Plan' AS label
  UNION MATCH (n:Statement {id: id}) RETURN 'Statement' AS label
  UNION MATCH (n:Claim {id: id}) RETURN 'Claim' AS label
  UNION MATCH (n:Event {id: id}) RETURN 'Event' AS label
  UNION MATCH (n:Source {id: id}) RETURN 'Source' AS label
}
RETURN id, label
