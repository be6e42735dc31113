// The articles the graph is built from, newest first, with how many facts each reports.
// Parameters: $offset = 0, $limit = 50.
MATCH (s:Source)
WITH count(s) AS total, collect(s) AS sources
UNWIND sources AS s
WITH total, s
ORDER BY s.published DESC, s.id
SKIP $offset LIMIT $limit
RETURN total,
       s {.id, .title, .published, .file, .publisher, .author,
          facts: COUNT { (s)<-[:REPORTED_IN]-() },
          entities: COUNT { (s)<-[:MENTIONED_IN]-() }} AS source
