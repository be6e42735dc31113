// A meeting's status from all sources reporting it: held if any reports it held, else
// cancelled, else planned (a source's plan never overrides another's report that it happened).
// Parameters: $meetings (list of meeting ids).
CYPHER replan=skip
UNWIND $meetings AS id
MATCH (m:Meeting {id: id})
WITH m, COLLECT { MATCH (m)-[p:REPORTED_IN]->(:Source) RETURN p.status } AS statuses
SET m.status = CASE
      WHEN 'held' IN statuses THEN 'held'
      WHEN 'cancelled' IN statuses THEN 'cancelled'
      WHEN 'planned' IN statuses THEN 'planned'
      ELSE 'unknown' END
