// Marks every source as upgraded to the current graph model.
// Parameters: $version (the current model version).
MATCH (s:Source)
WHERE coalesce(s.modelVersion, 1) < $version
SET s.modelVersion = $version
RETURN count(s) AS marked
