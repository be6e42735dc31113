// Deletes every derived MET, so that all of them are derived again under the current rule.
// Returns how many were deleted.
MATCH ()-[met:MET]->()
DELETE met
RETURN count(*) AS deleted
