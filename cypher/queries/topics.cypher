// The issues under negotiation, with how many demands, positions, plans and meetings concern
// each, most discussed first.
// Parameters: $offset = 0, $limit = 50.
MATCH (t:Topic)
WITH t,
     COUNT { (t)<-[:ON_TOPIC]-(:Demand) } AS demands,
     COUNT { (t)<-[:SUPPORTS|OPPOSES]-(:Actor) } + COUNT { (t)<-[:ON_TOPIC]-(:Demand)<-[:SUPPORTS|OPPOSES]-(:Actor) } AS positions,
     COUNT { (t)<-[:COVERS]-(:Plan) } AS plans,
     COUNT { (t)<-[:DISCUSSED]-(:Meeting) } AS meetings
ORDER BY demands + positions + plans + meetings DESC, t.name
WITH collect({topic: t, demands: demands, positions: positions, plans: plans, meetings: meetings}) AS matched
UNWIND matched[$offset..$offset + $limit] AS row
WITH size(matched) AS total, row, row.topic AS t
RETURN total,
       t {.id, .name, .aliases, demands: row.demands, positions: row.positions, plans: row.plans,
          meetings: row.meetings} AS topic
