package parley.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Value;
import parley.kb.GraphFingerprint;
import parley.kb.TestDocuments;
import tools.jackson.databind.JsonNode;

/**
 * Concurrent document writes end as some sequential order of them would (issue 16, findings 1,
 * 2 and the ten identical posts of 7). Each case runs many times; every run's outcome is compared
 * with what the same writes give one after another. The documents are built from whatever the
 * first bundled article holds (its first relationship between two entities, its first person and
 * place names), under ids of their own.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentWritesTest extends UnchangedGraphSuite {

    static final String TOKEN = "test-token-0123456789";
    static final Map<String, String> HEADERS =
            Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN);
    static final String ARTICLE = "article-000";
    static final int RUNS = 12;

    private final ExecutorService pool = Executors.newFixedThreadPool(12);

    @AfterAll
    void theGraphIsAsBefore() {
        pool.shutdownNow();
        assertEquals(before, GraphFingerprint.of(graph), "every test took back what it wrote");
    }

    private Http.Answer post(byte[] document) {
        return http.post("/api/documents", document, HEADERS);
    }

    private void load(byte[] document) {
        Http.Answer answer = post(document);
        assertEquals(201, answer.status(), answer.toString());
    }

    private byte[] empty(String source) {
        return TestDocuments.over(ARTICLE, source).bytes();
    }

    /** Takes test sources back the way a user would (an empty version), then drops their Source nodes. */
    private void takeBack(String... sources) {
        for (String source : sources) {
            load(empty(source));
            graph.writeTransaction(tx -> tx.run("MATCH (s:Source {id: $id}) DETACH DELETE s", Map.of("id", source))
                    .consume());
        }
    }

    /** The first relationship of the article whose two ends are entities it defines. */
    private static JsonNode[] entityRelationship() {
        JsonNode doc = TestDocuments.bundled(ARTICLE);
        Map<String, JsonNode> entities = new LinkedHashMap<>();
        doc.get("entities").forEach(e -> entities.put(e.get("id").asString(), e));
        for (JsonNode r : doc.get("relationships")) {
            JsonNode from = entities.get(r.get("from").asString());
            JsonNode to = entities.get(r.get("to").asString());
            if (from != null && to != null && from != to) {
                return new JsonNode[] {from, r, to};
            }
        }
        throw new AssertionError(ARTICLE + " has no relationship between two entities");
    }

    private static TestDocuments.Builder withEntity(TestDocuments.Builder doc, JsonNode e, String id) {
        Map<String, Object> more = new LinkedHashMap<>();
        e.properties().forEach(p -> {
            if (!Set.of("id", "label", "name").contains(p.getKey())) {
                more.put(p.getKey(), TestDocuments.JSON.treeToValue(p.getValue(), Object.class));
            }
        });
        return doc.entity(id, e.get("label").asString(), e.get("name").asString(), more);
    }

    private static String[] evidence(JsonNode r) {
        List<String> sentences = new ArrayList<>();
        r.get("evidence").forEach(s -> sentences.add(s.asString()));
        return sentences.toArray(String[]::new);
    }

    private static Map<String, Object> properties(JsonNode r) {
        JsonNode p = r.get("properties");
        if (p == null) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = TestDocuments.JSON.treeToValue(p, Map.class);
        return map;
    }

    /** Sentences of the article, for filler statements that make a document take a while to load. */
    private static List<String> sentences() {
        String text = TestDocuments.bundled(ARTICLE).get("text").asString();
        List<String> sentences = new ArrayList<>();
        for (String s : Pattern.compile("(?<=[.!?\"”])\\s+").split(text)) {
            String sentence = s.strip();
            if (sentence.length() >= 20 && text.contains(sentence)) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /** The relationship between the two race entities: its type, sources and evidence sources. */
    private List<String> raceRelationship(String from, String to) {
        return graph
                .read(
                        "MATCH (a {id: $from})-[r]->(b {id: $to}) RETURN type(r) AS type, r.sources AS sources,"
                                + " r.evidenceSources AS evidenceSources",
                        Map.of("from", from, "to", to))
                .records()
                .stream()
                .map(r -> r.get("type").asString() + " sources="
                        + r.get("sources").asList(Value::asString) + " evidenceSources="
                        + r.get("evidenceSources").asList(Value::asString))
                .toList();
    }

    /**
     * Finding 1: A creates a relationship, B adds its own evidence to it, and A is replaced by an
     * empty version while B loads. One after another, in either order, the relationship survives
     * with B's evidence; so must it at once.
     */
    @Test
    void replacingADocumentWhileAnotherAddsEvidenceLosesNothing() throws Exception {
        JsonNode[] rel = entityRelationship();
        String from = "test-race-from";
        String to = "test-race-to";
        String type = rel[1].get("type").asString();
        byte[] a = withEntity(withEntity(TestDocuments.over(ARTICLE, "test-race-a"), rel[0], from), rel[2], to)
                .relationship(from, type, to, properties(rel[1]), evidence(rel[1]))
                .bytes();
        TestDocuments.Builder bBuilder = withEntity(
                        withEntity(TestDocuments.over(ARTICLE, "test-race-b"), rel[0], from), rel[2], to)
                .relationship(from, type, to, properties(rel[1]), evidence(rel[1]));
        // Filler, so that B is still loading when A's replacement arrives.
        List<String> sentences = sentences();
        for (int i = 0; i < 400; i++) {
            String s = sentences.get(i % sentences.size());
            bBuilder.fact("test-race-b-statement-" + i, "Statement", Map.of("text", s), s);
        }
        byte[] b = bBuilder.bytes();
        byte[] aEmpty = empty("test-race-a");
        byte[] bEmpty = empty("test-race-b");

        // The sequential outcomes: A, then B, then A emptied; and A, A emptied, then B.
        Set<String> sequential = new java.util.HashSet<>();
        load(a);
        load(b);
        load(aEmpty);
        sequential.add(GraphFingerprint.of(graph));
        List<String> expected = raceRelationship(from, to);
        assertEquals(List.of(type + " sources=[test-race-b] evidenceSources=" + bSources(rel[1])), expected);
        takeBack("test-race-a", "test-race-b");
        assertEquals(before, GraphFingerprint.of(graph));
        load(a);
        load(aEmpty);
        load(b);
        sequential.add(GraphFingerprint.of(graph));
        assertEquals(expected, raceRelationship(from, to));
        load(bEmpty);
        load(aEmpty);

        Random random = new Random(16);
        StringBuilder log = new StringBuilder();
        for (int run = 0; run < RUNS; run++) {
            load(a);
            long delay = random.nextInt(400);
            CompletableFuture<Http.Answer> bAnswer = CompletableFuture.supplyAsync(() -> post(b), pool);
            Thread.sleep(delay);
            Http.Answer aAnswer = post(aEmpty);
            Http.Answer bDone = bAnswer.get();
            log.append("run ")
                    .append(run)
                    .append(" (A emptied ")
                    .append(delay)
                    .append(" ms after B started): B ")
                    .append(bDone.status())
                    .append(", A ")
                    .append(aAnswer.status())
                    .append('\n');
            assertEquals(201, bDone.status(), "B, run " + run + ": " + bDone);
            assertEquals(201, aAnswer.status(), "A emptied, run " + run + ": " + aAnswer);
            assertEquals(expected, raceRelationship(from, to), "run " + run + "\n" + log);
            assertTrue(sequential.contains(GraphFingerprint.of(graph)), "run " + run + " ends as no sequence would");
            load(bEmpty);
        }
        takeBack("test-race-a", "test-race-b");
        System.out.println("finding 1, " + RUNS + " concurrent runs:\n" + log);
    }

    private static String bSources(JsonNode r) {
        List<String> sources = new ArrayList<>();
        r.get("evidence").forEach(s -> sources.add("test-race-b"));
        return sources.toString();
    }

    /**
     * Finding 2: two documents at once, one defining an id as a Person, the other the same id as a
     * Place. One after another the second is refused; so must one of them be at once.
     */
    @Test
    void twoDocumentsGivingOneIdTwoKindsAtOnceCannotBothBeAccepted() throws Exception {
        JsonNode article = TestDocuments.bundled(ARTICLE);
        String personName = firstName(article, "Person");
        String placeName = firstName(article, "Place");
        String id = "test-clash-id";
        byte[] asPerson = TestDocuments.over(ARTICLE, "test-clash-person")
                .entity(id, "Person", personName, Map.of("description", "a person"))
                .bytes();
        byte[] asPlace = TestDocuments.over(ARTICLE, "test-clash-place")
                .entity(id, "Place", placeName, Map.of("kind", "city"))
                .bytes();
        int personWon = 0;
        int placeWon = 0;
        for (int run = 0; run < RUNS; run++) {
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Http.Answer> person =
                    CompletableFuture.supplyAsync(() -> postAfter(start, asPerson), pool);
            CompletableFuture<Http.Answer> place = CompletableFuture.supplyAsync(() -> postAfter(start, asPlace), pool);
            Http.Answer p = person.get();
            Http.Answer q = place.get();
            List<String> labels = graph
                    .read(
                            "MATCH (n {id: $id}) RETURN [l IN labels(n) WHERE l <> 'Actor'][0] AS label",
                            Map.of("id", id))
                    .records()
                    .stream()
                    .map(r -> r.get("label").asString())
                    .toList();
            assertEquals(1, labels.size(), "run " + run + ": one node with the id, found " + labels);
            Http.Answer winner = labels.getFirst().equals("Person") ? p : q;
            Http.Answer loser = winner == p ? q : p;
            assertEquals(201, winner.status(), "run " + run + ": " + winner);
            assertEquals(400, loser.status(), "run " + run + ": " + loser);
            assertTrue(
                    loser.body().contains("'" + id + "' is already a " + labels.getFirst() + " in the graph"),
                    loser.body());
            if (winner == p) {
                personWon++;
                takeBack("test-clash-person");
            } else {
                placeWon++;
                takeBack("test-clash-place");
            }
            // The refused one wrote nothing, not even its Source.
            assertEquals(before, GraphFingerprint.of(graph), "run " + run);
        }
        System.out.println("finding 2, " + RUNS + " concurrent pairs: the Person first " + personWon
                + " times, the Place first " + placeWon + " times; the other refused each time");
    }

    private static String firstName(JsonNode article, String label) {
        for (JsonNode e : article.get("entities")) {
            if (e.get("label").asString().equals(label)) {
                return e.get("name").asString();
            }
        }
        throw new AssertionError(ARTICLE + " defines no " + label);
    }

    private Http.Answer postAfter(CyclicBarrier start, byte[] document) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return post(document);
    }

    /** Finding 7: the same document posted ten times at once; all accepted, the graph as after one load. */
    @Test
    void theSameDocumentTenTimesAtOnceIsAcceptedTenTimesAndLoadedOnce() throws Exception {
        JsonNode[] rel = entityRelationship();
        byte[] doc = withEntity(
                        withEntity(TestDocuments.over(ARTICLE, "test-ten"), rel[0], "test-ten-from"),
                        rel[2],
                        "test-ten-to")
                .relationship(
                        "test-ten-from",
                        rel[1].get("type").asString(),
                        "test-ten-to",
                        properties(rel[1]),
                        evidence(rel[1]))
                .bytes();
        load(doc);
        String once = GraphFingerprint.of(graph);
        takeBack("test-ten");
        assertEquals(before, GraphFingerprint.of(graph));
        for (int run = 0; run < 3; run++) {
            CyclicBarrier start = new CyclicBarrier(10);
            List<CompletableFuture<Http.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> postAfter(start, doc), pool));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Http.Answer> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertEquals(java.util.Collections.nCopies(10, 201), statuses, "run " + run);
            assertEquals(once, GraphFingerprint.of(graph), "run " + run + ": the graph is as after one load");
            takeBack("test-ten");
        }
    }
}
