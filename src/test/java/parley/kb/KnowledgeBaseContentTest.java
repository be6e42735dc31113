package parley.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import parley.SharedNeo4j;
import parley.neo4j.Graph;

/** Questions a reader of the five articles would ask, answered from the graph. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeBaseContentTest implements SharedNeo4j {

    @Inject
    Graph graph;

    private List<Record> query(String cypher, Map<String, Object> parameters) {
        return graph.read(cypher, parameters).records();
    }

    @Test
    void whoMetDmitrievInMiamiAndWhen() {
        List<Record> rows = query("""
                MATCH (:Person {id: 'kirill-dmitriev'})-[m:MET]-(p:Person)
                WHERE m.place = 'Miami'
                RETURN p.name AS name, m.date AS date, m.status AS status ORDER BY name
                """, Map.of());
        assertEquals(
                List.of("Jared Kushner", "Steve Witkoff"),
                rows.stream().map(r -> r.get("name").asString()).toList());
        for (Record r : rows) {
            assertEquals(
                    LocalDate.of(2025, 12, 20),
                    r.get("date").asLocalDate(),
                    "'in Miami on Saturday', published Thu 2025-12-18");
            assertEquals("planned", r.get("status").asString(), "no article reports it held");
        }
    }

    @Test
    void whatDoesTheKremlinDemandOfUkraineAboutNato() {
        List<Record> rows = query("""
                MATCH (:Institution {id: 'kremlin'})-[:DEMANDS]->(d:Demand)-[:DIRECTED_AT]->(:Country {id: 'ukraine'}),
                      (d)-[:ON_TOPIC]->(:Topic {id: 'nato-membership'}),
                      (d)-[p:REPORTED_IN]->(s:Source)
                RETURN d.text AS text, s.id AS source, p.evidence AS evidence
                """, Map.of());
        assertEquals(1, rows.size());
        assertTrue(rows.getFirst().get("text").asString().contains("abandons its NATO bid"));
        assertEquals("article-000", rows.getFirst().get("source").asString());
        assertTrue(rows.getFirst()
                .get("evidence")
                .asString()
                .startsWith("Furthermore, the Kremlin demands that Ukraine abandons its NATO bid"));
    }

    @Test
    void zelenskyWouldDropTheNatoBidOnlyOnACondition() {
        Record r = query("""
                MATCH (:Person {id: 'volodymyr-zelensky'})-[s:SUPPORTS]->(:Demand {id: 'demand-000-ukraine-abandon-nato-bid'})
                RETURN s.condition AS condition, s.sources AS sources
                """, Map.of()).getFirst();
        assertTrue(r.get("condition").asString().contains("equivalent security guarantees"));
        assertEquals(List.of("article-000"), r.get("sources").asList(Value::asString));
    }

    @Test
    void trumpAndRussiaOpposeNatoMembershipForUkraine() {
        List<String> opponents =
                query("""
                MATCH (a:Actor)-[:OPPOSES]->(:Topic {id: 'nato-membership'}) RETURN a.id AS id ORDER BY id
                """, Map.of()).stream().map(r -> r.get("id").asString()).toList();
        assertTrue(opponents.containsAll(List.of("donald-trump", "russia")), opponents.toString());
    }

    @Test
    void whoDeniesThatPokrovskWasCaptured() {
        Record r = query("""
                MATCH (c:Claim {id: 'claim-pokrovsk-captured'})
                RETURN [(a)-[:DENIES]->(c) | a.id] AS deniers,
                       [(a)-[:CLAIMS]->(c) | a.id] AS claimants,
                       [(c)-[:REPORTED_IN]->(s) | s.id] AS sources
                """, Map.of()).getFirst();
        assertEquals(List.of("ukraine"), r.get("deniers").asList(Value::asString));
        assertTrue(r.get("claimants").asList(Value::asString).contains("russia"));
        assertEquals(
                Set.of("article-002", "article-003", "article-004"),
                Set.copyOf(r.get("sources").asList(Value::asString)));
    }

    @Test
    void theWitkoffPutinMeetingIsOneNodeReportedByFourArticlesAndHeld() {
        Record r = query("""
                MATCH (m:Meeting {id: 'witkoff-putin-moscow-2025-12-02'})
                RETURN m.date AS date, m.status AS status,
                       COLLECT { MATCH (m)-[p:REPORTED_IN]->(s) RETURN s.id + '=' + p.status ORDER BY s.id } AS reports,
                       COLLECT { MATCH (a)-[x:ATTENDED]->(m) RETURN a.id + ':' + x.role ORDER BY a.id } AS attendees,
                       [(m)-[:HELD_IN]->(p) | p.name] AS places
                """, Map.of()).getFirst();
        assertEquals(LocalDate.of(2025, 12, 2), r.get("date").asLocalDate());
        assertEquals(
                List.of("article-001=held", "article-002=held", "article-003=planned", "article-004=planned"),
                r.get("reports").asList(Value::asString));
        assertEquals("held", r.get("status").asString(), "002 reports the five-hour dialogue held");
        assertEquals(
                List.of("jared-kushner:delegate", "steve-witkoff:lead", "vladimir-putin:host"),
                r.get("attendees").asList(Value::asString));
        assertEquals(List.of("Moscow"), r.get("places").asList(Value::asString));
        assertEquals(
                1,
                query(
                                "MATCH (m:Meeting) WHERE m.title CONTAINS 'Putin' AND m.date = date('2025-12-02') RETURN count(m) AS n",
                                Map.of())
                        .getFirst()
                        .get("n")
                        .asLong());
    }

    @Test
    void rubioLedTheAmericanSideInMiamiOnSundayAndItFollowsGeneva() {
        Record r = query("""
                MATCH (m:Meeting {id: 'us-ukraine-talks-miami-2025-11-30'})
                RETURN m.date AS date,
                       [(a)-[x:ATTENDED {role: 'lead'}]->(m) | a.id] AS leads,
                       [(m)-[:FOLLOWS]->(e) | e.id] AS follows
                """, Map.of()).getFirst();
        assertEquals(LocalDate.of(2025, 11, 30), r.get("date").asLocalDate(), "'on Sunday', published Mon 2025-12-01");
        assertEquals(
                Set.of("marco-rubio", "rustem-umerov"),
                Set.copyOf(r.get("leads").asList(Value::asString)));
        assertEquals(List.of("us-ukraine-talks-geneva"), r.get("follows").asList(Value::asString));
    }

    @Test
    void theOdesaPortStrikeKilledSevenAndWoundedFifteen() {
        Record r = query("""
                MATCH (e:Event {id: 'event-001-odesa-region-port-strike'})
                RETURN e.killed AS killed, e.wounded AS wounded, [(a)-[:CARRIED_OUT]->(e) | a.id] AS by,
                       [(e)-[:REPORTED_IN]->(s) | s.id] AS sources
                """, Map.of()).getFirst();
        assertEquals(7, r.get("killed").asInt());
        assertEquals(15, r.get("wounded").asInt());
        assertEquals(List.of("russia"), r.get("by").asList(Value::asString));
        assertEquals(List.of("article-001"), r.get("sources").asList(Value::asString));
    }

    @Test
    void witkoffIsTrumpsEnvoyAndKushnerHisSonInLaw() {
        assertEquals(1, query("""
                MATCH (:Person {id: 'jared-kushner'})-[r:RELATIVE_OF {relation: 'son-in-law'}]->(:Person {id: 'donald-trump'})
                RETURN count(r) AS n""", Map.of()).getFirst().get("n").asLong());
        List<String> titles = query("""
                MATCH (:Person {id: 'steve-witkoff'})-[r:HOLDS_ROLE]->(x) RETURN r.title AS title
                """, Map.of()).stream()
                .map(r -> r.get("title").asString())
                .toList();
        assertTrue(titles.stream().anyMatch(t -> t.contains("envoy")), titles.toString());
    }

    @Test
    void putinAndHisAdministrationDenyTheChildDeportationCharges() {
        List<String> deniers =
                query("""
                MATCH (a)-[:DENIES]->(:Claim {id: 'claim-child-deportations'}) RETURN a.id AS id ORDER BY id
                """, Map.of()).stream().map(r -> r.get("id").asString()).toList();
        assertTrue(deniers.contains("vladimir-putin"), deniers.toString());
    }

    @Test
    void theMiamiWeekendTalksAreOnSaturdayTheTwentieth() {
        Record r = query("""
                MATCH (m:Meeting {id: 'miami-talks-ukraine-europe-2025-12'})
                RETURN m.date AS date, m.datePrecision AS precision,
                       [(x)-[:PARTY_TO]->(m) | x.id] AS parties
                """, Map.of()).getFirst();
        assertEquals(
                LocalDate.of(2025, 12, 20), r.get("date").asLocalDate(), "'on Saturday', published Sat 2025-12-20");
        assertEquals("day", r.get("precision").asString());
        assertEquals(
                Set.of("ukraine", "united-kingdom", "france", "germany"),
                Set.copyOf(r.get("parties").asList(Value::asString)),
                "'top officials from Britain, France and Germany'");
    }

    @Test
    void theNatoMinistersMeetingIsDatedToTheDay() {
        Record r = query("""
                MATCH (m:Meeting {id: 'nato-foreign-ministers-brussels-2025-12-03'})
                RETURN m.date AS date, m.datePrecision AS precision, [(x)-[:PARTY_TO]->(m) | x.id] AS parties
                """, Map.of()).getFirst();
        assertEquals(LocalDate.of(2025, 12, 3), r.get("date").asLocalDate());
        assertEquals("day", r.get("precision").asString());
        assertEquals(List.of("nato"), r.get("parties").asList(Value::asString));
    }

    @Test
    void twoUkrainianOfficialsMadeTheBorderClaimAndAxiosReportedIt() {
        Record r = query("""
                MATCH (c:Claim {id: 'claim-003-miami-talks-focused-on-border'})
                RETURN c.attributedTo AS by, [(a)-[:CLAIMS]->(c) | a.id] AS claimants,
                       [(c)-[:REPORTED_BY]->(a) | a.id] AS reporters
                """, Map.of()).getFirst();
        assertEquals("two Ukrainian officials", r.get("by").asString());
        assertEquals(List.of(), r.get("claimants").asList(Value::asString), "Axios does not claim it");
        assertEquals(List.of("axios"), r.get("reporters").asList(Value::asString));
    }

    @Test
    void parisAndGenevaAreInEurope() {
        List<String> paris =
                query("""
                MATCH (:Place {id: 'paris'})-[:LOCATED_IN]->(x) RETURN x.id AS id ORDER BY id
                """, Map.of()).stream().map(r -> r.get("id").asString()).toList();
        assertEquals(List.of("europe", "france"), paris);
        assertEquals(1, query("""
                MATCH (:Place {id: 'geneva'})-[r:LOCATED_IN]->(:Place {id: 'europe'}) RETURN r
                """, Map.of()).size());
    }

    @Test
    void witkoffAttendedTheThirtiethOfNovemberOnTheAmericanSide() {
        Record r = query("""
                MATCH (:Person {id: 'steve-witkoff'})-[a:ATTENDED]->(:Meeting {id: 'us-ukraine-talks-miami-2025-11-30'})
                RETURN a.side AS side, a.evidence AS evidence, a.evidenceSources AS sources
                """, Map.of()).getFirst();
        assertEquals("united-states", r.get("side").asString());
        assertEquals(List.of("article-003", "article-004"), r.get("sources").asList(Value::asString));
        List<String> evidence = r.get("evidence").asList(Value::asString);
        assertTrue(evidence.get(0).contains("great team with State Secretary Rubio, Steve Witkoff, Jared Kushner"));
        assertTrue(evidence.get(1).startsWith("Before heading to Moscow, Witkoff met"));
    }
}
