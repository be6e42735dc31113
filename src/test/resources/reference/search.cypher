// The query this file replaced, kept as the oracle of ReadRewritesTest: it must answer as this does.
// Full-text search over names, other spellings, titles, quotations, demands and summaries.
// The node whose name (or title) is the query comes first, then nodes that have it as another
// spelling ("Moscow": the city, then Russia, which articles also call Moscow), then the rest by
// score. $query is Lucene syntax; the service adds fuzzy terms ('Zelenskyy~'). One page of the
// matches; total counts them all.
// Parameters: $query (Lucene query, e.g. 'zelenskyy^2 zelenskyy~'), $text = '' (the words searched
// for, lower case, e.g. 'zelenskyy'), $offset = 0, $limit = 20.
CALL db.index.fulltext.queryNodes('search', $query) YIELD node, score
WITH node, score,
     CASE WHEN toLower(coalesce(node.name, node.title, '')) = $text THEN 0
          WHEN any(a IN coalesce(node.aliases, []) WHERE toLower(a) = $text) THEN 1
          ELSE 2 END AS rank
ORDER BY rank, score DESC, node.id
WITH collect({node: node, score: score}) AS matched
UNWIND matched[$offset..$offset + $limit] AS hit
WITH size(matched) AS total, hit.node AS node, hit.score AS score
RETURN total, node.id AS id, [l IN labels(node) WHERE l <> 'Actor'][0] AS label,
       coalesce(node.name, node.title, node.text, node.summary) AS text, node.aliases AS aliases, score
