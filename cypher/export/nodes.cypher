// The nodes in an export's scope, streamed: labels, properties (a source's full text only when
// $withText), the side a person or body acts for, and the sources that report or mention it and their sentences.
// Parameters: those of the scope (scope-*.cypher), $withText (boolean).
MATCH (node)
WHERE ${scope}
RETURN labels(node) AS labels,
       CASE WHEN $withText THEN properties(node) ELSE node {.*, text: null} END AS properties,
       ${side} AS side,
       COLLECT { MATCH (node)-[p:REPORTED_IN|MENTIONED_IN]->(s:Source)
                 UNWIND coalesce(p.sentences, p.evidence, []) AS sentence
                 RETURN {source: s.id, sentence: sentence} } AS evidence,
       COLLECT { MATCH (node)-[:REPORTED_IN|MENTIONED_IN]->(s:Source) RETURN DISTINCT s.id ORDER BY s.id } AS sources
