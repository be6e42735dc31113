// parley graph schema: constraints and indexes of shared/KB-SCHEMA.md.
// Applied by the service at every start; every statement is IF NOT EXISTS, so it is idempotent.
// Paste into Neo4j Browser (with multi-statement editing on) to apply it by hand.

// Every node has a unique string id, per label.
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT institution_id IF NOT EXISTS FOR (n:Institution) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT demand_id IF NOT EXISTS FOR (n:Demand) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT plan_id IF NOT EXISTS FOR (n:Plan) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
// People, institutions and countries share the Actor label; one id names one actor.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
// The one node whose lock every document write takes first (cypher/loader/write-lock.cypher);
// the constraint keeps two first writes at once from creating two of them.
CREATE CONSTRAINT kb_write_lock IF NOT EXISTS FOR (n:KbWriteLock) REQUIRE n.id IS UNIQUE;

// Full-text search over names, aliases, titles, quotes, demands and summaries.
CREATE FULLTEXT INDEX search IF NOT EXISTS
FOR (n:Person|Institution|Country|Place|Topic|Meeting|Demand|Plan|Statement|Claim|Event|Source)
ON EACH [n.name, n.aliases, n.title, n.text, n.summary, n.description];

// Filters of the meeting, timeline and claim queries.
CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date);
CREATE INDEX meeting_status IF NOT EXISTS FOR (n:Meeting) ON (n.status);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind);
CREATE INDEX statement_date IF NOT EXISTS FOR (n:Statement) ON (n.date);
CREATE INDEX claim_date IF NOT EXISTS FOR (n:Claim) ON (n.date);
CREATE INDEX demand_kind IF NOT EXISTS FOR (n:Demand) ON (n.kind);
CREATE INDEX source_published IF NOT EXISTS FOR (n:Source) ON (n.published);

// The loader removes a meeting's derived MET by the meeting's id (cypher/loader/unlink-met.cypher).
CREATE INDEX met_meeting IF NOT EXISTS FOR ()-[r:MET]-() ON (r.meeting);

// A busy person's MET in date order without sorting all of them (cypher/queries/actor-met.cypher).
CREATE INDEX met_date_meeting IF NOT EXISTS FOR ()-[r:MET]-() ON (r.date, r.meeting);
