// Which of these ids the graph already holds, under which label, and their element ids.
// The validator asks this for ids a document references but does not define, and for ids it
// defines, to catch one id used for two kinds of thing; the loader then reads a new source's
// nodes by the element ids (snapshot-of-new-source.cypher) without looking them up again.
// One unique-index seek per label over the whole list (`n.id IN $ids`): a `CALL` per id with a
// 12-branch UNION ran the twelve seeks, an Apply and a Distinct for every id.
// The branches' labels differ, so UNION ALL returns what UNION would.
// Parameters: $ids (list of strings).
CYPHER replan=skip
MATCH (n:Person) WHERE n.id IN $ids RETURN n.id AS id, 'Person' AS label, elementId(n) AS elementId
UNION ALL MATCH (n:Institution) WHERE n.id IN $ids RETURN n.id AS id, 'Institution' AS label, elementId(n) AS elementId
UNION ALL MATCH (n:Country) WHERE n.id IN $ids RETURN n.id AS id, 'Country' AS label, elementId(n) AS elementId
UNION ALL MATCH (n:Place) WHERE n.id IN $ids RETURN n.id AS id, 'Place' AS label, elementId(n) AS elementId
UNION ALL MATCH (n:Topic) WHERE n.id IN $ids RETURN n.id AS id, 'Topic' AS label, elementId(n) AS elementId
UNION ALL MATCH (n:Meeting) WHERE n.id IN $ids RETURN n.id AS id, 'Meeting' AS label, elementId(n) AS elementId
UNION ALL MATCH (n:Demand) WHERE n.id IN $ids RETURN n.id AS id, 'Demand' AS label, elementId(n) AS elementId
UNION ALL MATCH (n:Plan) WHERE n.id IN $ids RETURN n.id AS id, 'Plan' AS label, elementId(n) AS elementId
UNION ALL MATCH (n:Statement) WHERE n.id IN $ids RETURN n.id AS id, 'Statement' AS label, elementId(n) AS elementId
UNION ALL MATCH (n:Claim) WHERE n.id IN $ids RETURN n.id AS id, 'Claim' AS label, elementId(n) AS elementId
UNION ALL MATCH (n:Event) WHERE n.id IN $ids RETURN n.id AS id, 'Event' AS label, elementId(n) AS elementId
UNION ALL MATCH (n:Source) WHERE n.id IN $ids RETURN n.id AS id, 'Source' AS label, elementId(n) AS elementId
