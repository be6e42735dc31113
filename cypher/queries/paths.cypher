// The shortest connections between two actors, up to $maxHops (at most 6) relationships,
// over every relationship but provenance; each hop with what links it (meeting, role, relation)
// and its sources (for a derived MET, the sentences placing both at the meeting). At most 10 paths.
// Parameters: $from, $to (actor ids, e.g. 'kirill-dmitriev', 'volodymyr-zelensky'), $maxHops = 4 (1..6).
MATCH (a:Actor {id: $from})
CALL (a) { MATCH (b:Actor {id: $to}) RETURN b }
MATCH p = ALL SHORTEST (a)-[:!REPORTED_IN&!MENTIONED_IN]-{1,6}(b)
WHERE length(p) <= $maxHops
WITH p LIMIT 10
RETURN [n IN nodes(p) | {id: n.id, label: [l IN labels(n) WHERE l <> 'Actor'][0],
                         name: coalesce(n.name, n.title, n.text, n.summary)}] AS nodes,
       [r IN relationships(p) | {type: type(r), start: startNode(r).id, end: endNode(r).id,
                                 properties: properties(r),
                                 attended: CASE WHEN type(r) = 'MET' THEN COLLECT {
                                   MATCH (x:Actor)-[a:ATTENDED]->(:Meeting {id: r.meeting})
                                   WHERE x = startNode(r) OR x = endNode(r)
                                   UNWIND range(0, size(a.evidence) - 1) AS i
                                   RETURN DISTINCT {source: a.evidenceSources[i], sentence: a.evidence[i]}
                                 } ELSE [] END}] AS relationships
