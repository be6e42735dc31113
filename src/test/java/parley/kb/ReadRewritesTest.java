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
 * count store; a busy person's MET and meetings: read in order from an index; search: the index's
 * best matches only) answer exactly what the plain
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
        int bounded = 0;
        for (Map<String, Object> p : cases) {
            List<Map<String, Object>> expected = rows(reference, p);
            // A count that reaches past every item: the same rows and total, and no more to find.
            p.put("cap", 1_000_000);
            assertEquals(expected, withoutMore(rows(timeline, p), false), p.toString());
            nonEmpty += expected.isEmpty() ? 0 : 1;
            // A count that stops one item past the page: the same items; without an actor the
            // total stops at offset + limit + 1 and more says whether it stopped short.
            p.put("cap", 1);
            List<Map<String, Object>> capped = rows(timeline, p);
            assertEquals(expected.size(), capped.size(), p.toString());
            for (int i = 0; i < expected.size(); i++) {
                long total = (Long) expected.get(i).get("total");
                long stop = (Integer) p.get("offset") + (Integer) p.get("limit") + 1;
                boolean stops = p.get("actor") == null && total > stop;
                bounded += stops && i == 0 ? 1 : 0;
                Map<String, Object> row = new HashMap<>(capped.get(i));
                assertEquals(stops, row.remove("more"), p.toString());
                assertEquals(stops ? stop : total, row.remove("total"), p.toString());
                assertEquals(expected.get(i).get("item"), row.remove("item"), p.toString());
                assertEquals(Map.of(), row, p.toString());
            }
        }
        // No-such-actor, a range after the last item and an offset past the end answer nothing.
        assertTrue(nonEmpty >= 20, nonEmpty + " of " + cases.size() + " cases answered items");
        assertTrue(bounded >= 5, bounded + " cases stopped counting");
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
    void actorMetAnswersAsTheSortEverythingQueryDidForEveryPersonStatusAndPage() {
        String reference = reference("actor-met.cypher");
        String met = CypherScript.read("queries/actor-met.cypher");
        List<String> people = strings("MATCH (p:Person) WHERE EXISTS { (p)-[:MET]-() } RETURN p.id AS v ORDER BY v");
        assertTrue(people.size() > 5, "people who met someone in the curated graph: " + people);
        int nonEmpty = 0;
        int cases = 0;
        for (String person : people) {
            int degree = ints("MATCH (p:Person {id: $id}) RETURN COUNT { (p)-[:MET]-() } AS v", Map.of("id", person));
            for (String status : new String[] {null, "held", "planned"}) {
                // Small pages (read from the MET index for a busy person), a page that ends past the
                // dated MET, the last one, and past the end.
                for (int[] page :
                        new int[][] {{0, 50}, {0, 1}, {1, 2}, {2, 3}, {Math.max(0, degree - 2), 5}, {1000, 10}}) {
                    Map<String, Object> p = new HashMap<>();
                    p.put("id", person);
                    p.put("status", status);
                    p.put("offset", page[0]);
                    p.put("limit", page[1]);
                    List<Map<String, Object>> expected = rows(reference, p);
                    assertEquals(expected, rows(met, p), p.toString());
                    nonEmpty += expected.isEmpty() ? 0 : 1;
                    cases++;
                }
            }
        }
        assertTrue(nonEmpty > cases / 3, nonEmpty + " of " + cases + " cases answered MET");
        // The busiest person's first MET come from the relationship index, not a sort of all theirs.
        String busiest = strings("MATCH (p:Person) RETURN p.id AS v ORDER BY COUNT { (p)-[:MET]-() } DESC, v LIMIT 1")
                .getFirst();
        Map<String, Object> first = new HashMap<>();
        first.put("id", busiest);
        first.put("status", null);
        first.put("offset", 0);
        first.put("limit", 1);
        assertTrue(operatorRows(met, first, "RelationshipIndex") > 0, "index path for " + busiest);
    }

    @Test
    void actorProfileAnswersAsTheSortEverythingQueryDidForEveryActorAndListLength() {
        String reference = reference("actor.cypher");
        String actor = CypherScript.read("queries/actor.cypher");
        List<String> actors = strings("MATCH (a:Actor) WHERE EXISTS { (a)-[:ATTENDED|PARTY_TO]->(:Meeting) }"
                + " RETURN a.id AS v ORDER BY v");
        assertTrue(actors.size() > 5, "actors at meetings in the curated graph: " + actors);
        for (String id : actors) {
            // Short lists take the meeting_date index for anyone at several meetings.
            for (int limit : new int[] {50, 1, 2, 3}) {
                Map<String, Object> p = Map.of("id", id, "limit", limit);
                assertEquals(rows(reference, p), rows(actor, p), p.toString());
            }
        }
        String busiest = strings(
                        "MATCH (a:Actor) RETURN a.id AS v ORDER BY COUNT { (a)-[:ATTENDED|PARTY_TO]->() } DESC,"
                                + " v LIMIT 1")
                .getFirst();
        assertTrue(
                operatorRows(actor, Map.of("id", busiest, "limit", 1), "NodeIndexScan") > 0,
                "index path for " + busiest);
    }

    @Test
    void searchRanksTheIndexsBestMatchesAsTheCollectEverythingQueryRankedAll() {
        String reference = reference("search.cypher");
        String search = CypherScript.read("queries/search.cypher");
        for (String word : List.of("moscow", "zelenskyy", "kiev", "peace", "russia")) {
            // SearchController's Lucene query for one word of four letters or more.
            String lucene = word + "^2 name:" + word + "~ aliases:" + word + "~ title:" + word + "~";
            for (int[] page : new int[][] {{0, 20}, {0, 1}, {3, 5}, {1000, 10}}) {
                Map<String, Object> p = new HashMap<>();
                p.put("query", lucene);
                p.put("text", word);
                p.put("offset", page[0]);
                p.put("limit", page[1]);
                List<Map<String, Object>> expected = rows(reference, p);
                // A cap above the number of matches: the same page, and no more to find.
                p.put("cap", 10_000);
                List<Map<String, Object>> capped = rows(search, p);
                assertEquals(expected.size(), capped.size(), p.toString());
                for (int i = 0; i < expected.size(); i++) {
                    Map<String, Object> row = new HashMap<>(capped.get(i));
                    assertEquals(false, row.remove("more"), p.toString());
                    assertEquals(expected.get(i), row, p.toString());
                }
            }
            // A cap below it: the cap's best by score, counted up to the cap, and more to find.
            Map<String, Object> all = new HashMap<>();
            all.put("query", lucene);
            all.put("text", word);
            all.put("offset", 0);
            all.put("limit", 1000);
            List<Double> scores = rows(reference, all).stream()
                    .map(r -> ((Number) r.get("score")).doubleValue())
                    .sorted(java.util.Comparator.reverseOrder())
                    .toList();
            if (scores.size() > 3) {
                Map<String, Object> p = new HashMap<>(all);
                p.put("cap", 3);
                List<Map<String, Object>> capped = rows(search, p);
                assertEquals(3, capped.size(), word);
                for (Map<String, Object> r : capped) {
                    assertEquals(3L, r.get("total"), word);
                    assertEquals(true, r.get("more"), word);
                    assertTrue(((Number) r.get("score")).doubleValue() >= scores.get(3), word + ": " + r);
                }
            }
        }
    }

    @Test
    void timelineMergesTheLabelsInDateThenIdOrderAcrossPages() {
        Map<String, Object> all = new HashMap<>();
        all.put("actor", null);
        all.put("from", null);
        all.put("to", null);
        all.put("offset", 0);
        all.put("limit", 500);
        all.put("cap", 1000);
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
            assertEquals(false, r.get("more"));
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

    private int ints(String cypher, Map<String, Object> parameters) {
        try (Session s = driver.session()) {
            return s.run(cypher, parameters).single().get("v").asInt();
        }
    }

    /** Rows produced by the profiled query's operators whose name starts with {@code operator}. */
    private long operatorRows(String cypher, Map<String, Object> parameters, String operator) {
        try (Session s = driver.session()) {
            return operatorRows(s.run("PROFILE " + cypher, parameters).consume().profile(), operator);
        }
    }

    private static long operatorRows(org.neo4j.driver.summary.ProfiledPlan plan, String operator) {
        long rows = plan.operatorType().contains(operator) ? plan.records() : 0;
        for (org.neo4j.driver.summary.ProfiledPlan child : plan.children()) {
            rows += operatorRows(child, operator);
        }
        return rows;
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

    /** The rows with their {@code more} column taken out, each checked to be {@code expected}. */
    private static List<Map<String, Object>> withoutMore(List<Map<String, Object>> rows, boolean expected) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> row = new HashMap<>(r);
            assertEquals(expected, row.remove("more"), r.toString());
            result.add(row);
        }
        return result;
    }
}
