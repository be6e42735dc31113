package parley.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import parley.SharedNeo4j;
import parley.TestNeo4j;
import parley.neo4j.CypherScript;

/**
 * The read queries rewritten to stay fast at scale (timeline: one index-ordered branch per dated
 * label, merged; meetings and claims: index-ordered pages; node and relationship counts: the
 * count store) answer exactly what the plain
 * queries they replaced answer (kept in {@code src/test/resources/reference/}), on the curated
 * graph, for every filter, page and tie the API can ask for.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadRewritesTest implements SharedNeo4j {

    private final Driver driver = GraphDatabase.driver(TestNeo4j.boltUri(), AuthTokens.none());

    @AfterAll
    void close() {
        driver.close();
    }

    @Test
    void timelineAnswersAsTheSortEverythingQueryDidForEveryFilterAndPage() {
        String reference = reference("timeline.cypher");
        String timeline = CypherScript.read("queries/timeline.cypher");
        List<String> actors = strings("MATCH (a:Actor) WHERE EXISTS { (a)--(:Meeting|Event|Statement|Claim) }"
                + " RETURN a.id AS v ORDER BY v");
        assertTrue(actors.size() > 5, "actors in the curated timeline: " + actors);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (String actor : new String[] {null, actors.getFirst(), actors.get(actors.size() / 2), "no-such-actor"}) {
            for (LocalDate[] range : new LocalDate[][] {
                {null, null},
                {LocalDate.of(2025, 11, 20), null},
                {null, LocalDate.of(2025, 12, 5)},
                {LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 2)},
                {LocalDate.of(2030, 1, 1), null}
            }) {
                for (int[] page : new int[][] {{0, 50}, {1, 3}, {7, 5}, {40, 500}, {1000, 10}}) {
                    Map<String, Object> p = new HashMap<>();
                    p.put("actor", actor);
                    p.put("from", range[0]);
                    p.put("to", range[1]);
                    p.put("offset", page[0]);
                    p.put("limit", page[1]);
                    cases.add(p);
                }
            }
        }
        int nonEmpty = 0;
        for (Map<String, Object> p : cases) {
            List<Map<String, Object>> expected = rows(reference, p);
            assertEquals(expected, rows(timeline, p), p.toString());
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        // No-such-actor, a range after the last item and an offset past the end answer nothing.
        assertTrue(nonEmpty >= 20, nonEmpty + " of " + cases.size() + " cases answered items");
    }

    @Test
    void meetingsAnswerAsTheSortEverythingQueryDidForEveryFilterAndPage() {
        String reference = reference("meetings.cypher");
        String meetings = CypherScript.read("queries/meetings.cypher");
        List<String> people = strings("MATCH (p:Person)-[:ATTENDED]->() RETURN DISTINCT p.id AS v ORDER BY v LIMIT 1");
        List<String> undated = strings("MATCH (m:Meeting) WHERE m.date IS NULL RETURN m.id AS v");
        int total = strings("MATCH (m:Meeting) RETURN m.id AS v").size();
        assertTrue(!undated.isEmpty(), "the curated graph holds undated meetings, which sort last");
        List<Map<String, Object>> filters = new ArrayList<>();
        filters.add(Map.of());
        filters.add(Map.of("from", LocalDate.of(2025, 11, 20)));
        filters.add(Map.of("to", LocalDate.of(2025, 12, 5)));
        filters.add(Map.of("from", LocalDate.of(2025, 12, 1), "to", LocalDate.of(2025, 12, 31)));
        filters.add(Map.of("status", "held"));
        filters.add(Map.of("participant", people.getFirst()));
        int nonEmpty = 0;
        for (Map<String, Object> filter : filters) {
            // Pages within the dated meetings, across into the undated ones, and past the end.
            for (int[] page :
                    new int[][] {{0, 50}, {1, 3}, {total - undated.size() - 1, 2}, {total - 1, 5}, {1000, 10}}) {
                Map<String, Object> p = new HashMap<>();
                for (String k : List.of("from", "to", "place", "participant", "party", "status")) {
                    p.put(k, filter.get(k));
                }
                p.put("offset", Math.max(0, page[0]));
                p.put("limit", page[1]);
                List<Map<String, Object>> expected = rows(reference, p);
                assertEquals(expected, rows(meetings, p), p.toString());
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(nonEmpty >= 15, nonEmpty + " cases answered meetings");
    }

    @Test
    void claimsAnswerAsTheSortEverythingQueryDidForEveryFilterAndPage() {
        String reference = reference("claims.cypher");
        String claims = CypherScript.read("queries/claims.cypher");
        int contested = strings("MATCH (c:Claim) WHERE EXISTS { (c)<-[:DENIES]-() } RETURN c.id AS v")
                .size();
        assertTrue(contested > 0, "the curated graph holds denied claims, which come first");
        int nonEmpty = 0;
        for (Boolean filter : new Boolean[] {null, true, false}) {
            // Pages within the contested claims, across into the uncontested ones, and past the end.
            for (int[] page : new int[][] {{0, 50}, {0, 1}, {contested - 1, 2}, {contested, 3}, {1000, 10}}) {
                Map<String, Object> p = new HashMap<>();
                p.put("contested", filter);
                p.put("offset", page[0]);
                p.put("limit", page[1]);
                List<Map<String, Object>> expected = rows(reference, p);
                assertEquals(expected, rows(claims, p), p.toString());
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(nonEmpty >= 8, nonEmpty + " cases answered claims");
    }

    @Test
    void timelineMergesTheLabelsInDateThenIdOrderAcrossPages() {
        Map<String, Object> all = new HashMap<>();
        all.put("actor", null);
        all.put("from", null);
        all.put("to", null);
        all.put("offset", 0);
        all.put("limit", 500);
        String timeline = CypherScript.read("queries/timeline.cypher");
        List<Map<String, Object>> whole = rows(timeline, all);
        Set<Object> kinds = new TreeSet<>();
        Set<Object> dateSources = new TreeSet<>();
        List<Object> paged = new ArrayList<>();
        for (int offset = 0; offset < whole.size(); offset += 4) {
            Map<String, Object> p = new HashMap<>(all);
            p.put("offset", offset);
            p.put("limit", 4);
            rows(timeline, p).forEach(r -> paged.add(((Map<?, ?>) r.get("item")).get("id")));
        }
        String previous = "";
        for (Map<String, Object> r : whole) {
            Map<?, ?> item = (Map<?, ?>) r.get("item");
            kinds.add(item.get("kind"));
            dateSources.add(item.get("dateSource"));
            String key = item.get("date") + " " + item.get("id");
            assertTrue(previous.compareTo(key) <= 0, previous + " before " + key);
            previous = key;
            assertEquals((long) whole.size(), r.get("total"));
        }
        assertEquals(
                whole.stream().map(r -> ((Map<?, ?>) r.get("item")).get("id")).toList(), paged);
        assertEquals(Set.of("claim", "event", "meeting", "statement"), kinds);
        assertEquals(Set.of("published", "stated"), dateSources);
    }

    @Test
    void countsFromTheCountStoreEqualCountsOfTheNodesAndRelationships() {
        assertEquals(
                rows(reference("node-counts.cypher"), Map.of()),
                rows(CypherScript.read("queries/node-counts.cypher"), Map.of()));
        assertEquals(
                rows(reference("relationship-counts.cypher"), Map.of()),
                rows(CypherScript.read("queries/relationship-counts.cypher"), Map.of()));
        assertEquals(
                rows("MATCH (n) WHERE NOT n:KbWriteLock RETURN count(n) AS count", Map.of()),
                rows(CypherScript.read("queries/node-total.cypher"), Map.of()));
    }

    private List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
        try (Session s = driver.session()) {
            return s.run(cypher, parameters).list(Record::asMap);
        }
    }

    private List<String> strings(String cypher) {
        try (Session s = driver.session()) {
            return s.run(cypher).list(r -> r.get("v").asString());
        }
    }

    private static String reference(String name) {
        try (InputStream in = ReadRewritesTest.class.getResourceAsStream("/reference/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
