// Full-text search over names, other spellings, titles, quotations, demands and summaries.
// The node whose name (or title) is the query comes first, then nodes that have it as another
// spelling ("Moscow": the city, then Russia, which articles also call Moscow), then the rest by
// score. $query is Lucene syntax; the service adds fuzzy terms on the name-like fields only
// ('name:zelenskyy~ aliases:zelenskyy~ title:zelenskyy~'): quotations, demands and summaries match
// the word as typed. One page of the matches.
// How it stays fast as the graph grows: only the index's best $cap matches by score are read
// (Lucene keeps the top of its ranking without handing every match over), then ranked and paged;
// a common or misspelt word can match tens of thousands of nodes at 10^6 facts. `total` counts
// the matches up to $cap, and `more` says whether the index holds more than that (then `total`
// is $cap and pages end there).
// Parameters: $query (Lucene query, e.g. 'zelenskyy^2 name:zelenskyy~ aliases:zelenskyy~ title:zelenskyy~'), $text = '' (the words searched
// for, lower case, e.g. 'zelenskyy'), $cap = 500 (matches read), $offset = 0, $limit = 20.
CALL db.index.fulltext.queryNodes('search', $query, {limit: $cap + 1}) YIELD node, score
WITH collect({node: node, score: score}) AS best
WITH best[0..$cap] AS best, size(best) > $cap AS more
UNWIND best AS hit
WITH more, hit.node AS node, hit.score AS score,
     CASE WHEN toLower(coalesce(hit.node.name, hit.node.title, '')) = $text THEN 0
          WHEN any(a IN coalesce(hit.node.aliases, []) WHERE toLower(a) = $text) THEN 1
          ELSE 2 END AS rank
ORDER BY rank, score DESC, node.id
WITH more, collect({node: node, score: score}) AS matched
UNWIND matched[$offset..$offset + $limit] AS hit
WITH size(matched) AS total, more, hit.node AS node, hit.score AS score
RETURN total, more, node.id AS id, [l IN labels(node) WHERE l <> 'Actor'][0] AS label,
       coalesce(node.name, node.title, node.text, node.summary) AS text, node.aliases AS aliases, score
