// An actor's ego network up to $depth hops (1 to 3) over every relationship but provenance,
// as nodes and edges ready to draw; at most $maxPaths paths are followed.
// Parameters: $id (actor id), $depth = 1 (1..3), $maxPaths = 2000 (paths followed at most).
MATCH (a:Actor {id: $id})
OPTIONAL MATCH p = (a)-[:!REPORTED_IN&!MENTIONED_IN]-{1,3}(x)
WHERE length(p) <= $depth
WITH a, p LIMIT $maxPaths
WITH a, collect(p) AS paths
WITH a, paths, [p IN paths | relationships(p)] AS relLists
UNWIND CASE WHEN size(relLists) = 0 THEN [null] ELSE relLists END AS rels
UNWIND CASE WHEN rels IS NULL THEN [null] ELSE rels END AS r
WITH a, size(paths) AS pathCount, collect(DISTINCT r) AS edges
WITH a, pathCount, edges,
     reduce(ns = [a], r IN edges | ns + [startNode(r), endNode(r)]) AS nodeList
UNWIND nodeList AS n
WITH a, pathCount, edges, collect(DISTINCT n) AS nodes
RETURN pathCount,
       [n IN nodes | {id: n.id, label: [l IN labels(n) WHERE l <> 'Actor'][0],
                      name: coalesce(n.name, n.title, n.text, n.summary)}] AS nodes,
       [r IN edges | {id: elementId(r), type: type(r), from: startNode(r).id, to: endNode(r).id,
                      meeting: r.meeting, status: r.status, role: r.role, side: r.side,
                      title: coalesce(r.title, r.relation)}] AS edges
