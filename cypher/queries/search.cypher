// Full-text search over names, other spellings, titles, quotations, demands and summaries,
// best matches first. $query is Lucene syntax; the service adds fuzzy terms ('Zelenskyy~').
// Parameters: $query (Lucene query), $limit.
CALL db.index.fulltext.queryNodes('search', $query) YIELD node, score
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Actor'][0] AS label,
       coalesce(node.name, node.title, node.text, node.summary) AS text, node.aliases AS aliases, score
ORDER BY score DESC, id
LIMIT $limit
