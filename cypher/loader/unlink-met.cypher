// Removes the derived MET relationships of some meetings, found through the met_meeting
// relationship index (from the attendees, a busy actor's every MET was read to find a few).
// Parameters: $meetings (list of meeting ids).
CYPHER replan=skip
UNWIND $meetings AS id
MATCH ()-[met:MET {meeting: id}]->()
DELETE met
