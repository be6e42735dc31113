// The sources a store holds that were written by an older version of the graph model (version 1
// had no `modelVersion`): when there are any, the store is upgraded at start.
// Parameters: $version (the current model version).
MATCH (s:Source)
WHERE coalesce(s.modelVersion, 1) < $version
RETURN s.id AS id ORDER BY id
