// Removes the derived MET relationships of some meetings, found from their attendees.
// Parameters: $meetings (list of meeting ids).
UNWIND $meetings AS id
MATCH (:Meeting {id: id})<-[:ATTENDED]-(:Actor)-[met:MET]-(:Actor)
WHERE met.meeting = id
WITH DISTINCT met
DELETE met
