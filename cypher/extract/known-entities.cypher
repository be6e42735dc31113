// The people, institutions, countries and places the graph already holds, with every spelling,
// so that the extractor can link a name in a new article to an existing id instead of minting a
// new one. Walks the four labels (the extractor matches names in memory); no parameters.
CALL () {
  MATCH (n:Person) RETURN n, 'Person' AS label
  UNION MATCH (n:Institution) RETURN n, 'Institution' AS label
  UNION MATCH (n:Country) RETURN n, 'Country' AS label
  UNION MATCH (n:Place) RETURN n, 'Place' AS label
}
RETURN n.id AS id, label, n.name AS name, coalesce(n.aliases, []) AS aliases
ORDER BY id
