// The id of every meeting, for deriving MET again over the whole graph.
MATCH (m:Meeting)
RETURN m.id AS id ORDER BY id
