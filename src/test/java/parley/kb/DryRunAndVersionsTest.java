package parley.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;
import parley.api.Evidence;
import parley.errors.ApiError;
import parley.neo4j.Graph;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/documents?dryRun=true}, the diff every load answers, source versions and
 * {@code DELETE /api/sources/{id}}, against the shared graph holding the five bundled articles.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DryRunAndVersionsTest implements SharedNeo4j {

    private static final String TOKEN = "test-token-0123456789";
    private static final String MIAMI = "us-russia-talks-miami-2025-12-20";
    private static final String MOSCOW = "witkoff-putin-moscow-2025-12-02";
    private static final String PESKOV =
            "Kremlin spokesman Dmitry Peskov confirmed that Witkoff will meet Putin on Tuesday afternoon.";
    private static final String WHITE_HOUSE =
            "The White House says it feels very optimistic about progress toward ending the war in Ukraine.";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Graph graph;

    @Inject
    io.micronaut.serde.ObjectMapper mapper;

    @AfterEach
    void removeTestSources() {
        graph.read("MATCH (s:Source) WHERE s.id STARTS WITH 'test-' RETURN s.id AS id", Map.of()).records().stream()
                .map(r -> r.get("id").asString())
                .forEach(id -> client.toBlocking()
                        .exchange(HttpRequest.DELETE("/api/sources/" + id).bearerAuth(TOKEN), LoadResult.class));
    }

    private LoadResult post(byte[] body, boolean dryRun) {
        return client.toBlocking()
                .retrieve(
                        HttpRequest.POST("/api/documents" + (dryRun ? "?dryRun=true" : ""), body)
                                .contentType(MediaType.APPLICATION_JSON_TYPE)
                                .bearerAuth(TOKEN),
                        LoadResult.class);
    }

    private LoadResult delete(String source) {
        return client.toBlocking()
                .retrieve(HttpRequest.DELETE("/api/sources/" + source).bearerAuth(TOKEN), LoadResult.class);
    }

    private List<SourceVersion> versions(String source) {
        return client.toBlocking()
                .retrieve(HttpRequest.GET("/api/sources/" + source + "/versions"), Sources.Versions.class)
                .versions();
    }

    @Test
    void aDryRunOfEachBundledDocumentFindsEverythingAlreadyThereAndWritesNothing() {
        String before = GraphFingerprint.of(graph);
        for (String name : BundledDocuments.names()) {
            JsonNode doc = TestDocuments.JSON.readTree(BundledDocuments.read("kb/sources/" + name));
            LoadResult result = post(BundledDocuments.read("kb/sources/" + name), true);
            assertTrue(result.dryRun());
            assertNull(result.version(), "a dry run records no version");
            GraphChange.Summary s = result.changes().summary();
            assertTrue(s.isEmpty(), name + ": loading it again would change nothing, but the diff says " + s);
            Set<String> named = new java.util.TreeSet<>();
            named.add(doc.get("source").get("id").asString());
            doc.get("entities").forEach(e -> named.add(e.get("id").asString()));
            doc.get("facts").forEach(f -> named.add(f.get("id").asString()));
            doc.get("relationships").forEach(r -> {
                named.add(r.get("from").asString());
                named.add(r.get("to").asString());
                // an ATTENDED's side is linked to the source too (MENTIONED_IN)
                if (r.get("type").asString().equals("ATTENDED")
                        && r.path("properties").path("side").isString()) {
                    named.add(r.get("properties").get("side").asString());
                }
            });
            assertEquals(
                    named,
                    result.changes().merged().stream()
                            .map(GraphChange.NodeChange::id)
                            .collect(Collectors.toCollection(java.util.TreeSet::new)),
                    name + ": every node it names is already there");
        }
        assertEquals(before, GraphFingerprint.of(graph), "dry runs wrote nothing");
    }

    /**
     * Article 000 again, as if a later edition said the Miami talks were held, named Peskov among
     * those who attended, and dropped the Kremlin's "legitimate target" quotation: the dry run
     * shows exactly those three changes and what follows from them (the derived MET).
     */
    @Test
    void aChangedArticleShowsExactlyItsThreeChanges() throws java.io.IOException {
        String before = GraphFingerprint.of(graph);
        ObjectNode doc = TestDocuments.bundled("article-000");
        String removed = "statement-000-kremlin-legitimate-target";
        for (JsonNode f : doc.get("facts")) {
            if (f.get("id").asString().equals(MIAMI)) {
                assertEquals("planned", f.get("status").asString());
                ((ObjectNode) f).put("status", "held");
            }
        }
        ArrayNode facts = (ArrayNode) doc.get("facts");
        for (int i = facts.size() - 1; i >= 0; i--) {
            if (facts.get(i).get("id").asString().equals(removed)) {
                facts.remove(i);
            }
        }
        ArrayNode relationships = (ArrayNode) doc.get("relationships");
        for (int i = relationships.size() - 1; i >= 0; i--) {
            JsonNode r = relationships.get(i);
            if (r.get("from").asString().equals(removed)
                    || r.get("to").asString().equals(removed)) {
                relationships.remove(i);
            }
        }
        String peskovSentence = null;
        for (JsonNode e : doc.get("entities")) {
            if (e.get("id").asString().equals("dmitry-peskov")) {
                peskovSentence = firstSentenceNaming(doc.get("text").asString(), "Peskov");
            }
        }
        assertNotNull(peskovSentence, "article 000 names Peskov");
        ObjectNode attended = relationships.addObject();
        attended.put("type", "ATTENDED");
        attended.put("from", "dmitry-peskov");
        attended.put("to", MIAMI);
        attended.putObject("properties").put("role", "participant");
        attended.putArray("evidence").add(peskovSentence);

        byte[] changed = TestDocuments.JSON.writeValueAsBytes(doc);
        String answer = client.toBlocking()
                .retrieve(
                        HttpRequest.POST("/api/documents?dryRun=true", changed)
                                .contentType(MediaType.APPLICATION_JSON_TYPE)
                                .bearerAuth(TOKEN),
                        String.class);
        writeForPeople("changed-article-000-dry-run.json", answer);
        LoadResult result = mapper.readValue(answer, LoadResult.class);
        GraphChange c = result.changes();
        assertTrue(result.replaced(), "a new version of a loaded source");

        assertEquals(List.of(), c.created());
        assertEquals(List.of(removed), ids(c.deleted()), "the quotation is gone: only article 000 reported it");
        var changedProperties = c.merged().stream()
                .filter(n -> !n.properties().isEmpty())
                .filter(n -> !n.id().equals("article-000"))
                .toList();
        assertEquals(List.of(MIAMI), ids(changedProperties), "only the meeting's properties change");
        var source = c.merged().stream()
                .filter(n -> n.id().equals("article-000"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of("contentHash"),
                source.properties().stream()
                        .map(GraphChange.PropertyChange::property)
                        .toList(),
                "the Source keeps its text; only the hash of the new document differs");
        assertEquals(
                Set.of(
                        new GraphChange.PropertyChange("status", "planned", "held"),
                        new GraphChange.PropertyChange("status as reported by article-000", "planned", "held")),
                Set.copyOf(changedProperties.getFirst().properties()));
        assertTrue(c.changed().stream()
                .allMatch(
                        n -> n.evidenceRemoved().isEmpty() && n.evidenceAdded().isEmpty()));

        var created = c.relationshipsCreated();
        assertTrue(
                created.stream()
                        .anyMatch(r -> r.type().equals("ATTENDED")
                                && r.from().equals("dmitry-peskov")
                                && r.to().equals(MIAMI)),
                "Peskov now attends: " + created);
        for (var r : created) {
            boolean peskovAttends = r.type().equals("ATTENDED") && r.from().equals("dmitry-peskov");
            boolean peskovMet = r.type().equals("MET")
                    && MIAMI.equals(r.meeting())
                    && (r.from().equals("dmitry-peskov") || r.to().equals("dmitry-peskov"));
            assertTrue(peskovAttends || peskovMet, "nothing but Peskov's attendance is new: " + r);
        }
        assertFalse(c.relationshipsDeleted().isEmpty());
        for (var r : c.relationshipsDeleted()) {
            assertTrue(r.from().equals(removed) || r.to().equals(removed), "only the quotation's links go: " + r);
        }
        for (var r : c.relationshipsChanged()) {
            assertEquals("MET", r.type(), "only derived MET changes: " + r);
            assertEquals(MIAMI, r.meeting());
            assertEquals(List.of(new GraphChange.PropertyChange("status", "planned", "held")), r.properties());
        }
        assertFalse(c.relationshipsChanged().isEmpty(), "the Miami MET now says held");
        assertEquals(before, GraphFingerprint.of(graph), "a dry run writes nothing");
    }

    /** The answer as a person sees it, in target/review/, for the record. */
    private static void writeForPeople(String name, String json) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "review");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(
                    dir.resolve(name),
                    TestDocuments.JSON
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(TestDocuments.JSON.readTree(json)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String firstSentenceNaming(String text, String name) {
        for (String sentence : text.split("(?<=[.!?])\\s+")) {
            if (sentence.contains(name)) {
                return sentence.strip();
            }
        }
        return null;
    }

    private static List<String> ids(List<GraphChange.NodeChange> nodes) {
        return nodes.stream().map(GraphChange.NodeChange::id).toList();
    }

    @Test
    void deletingASourceRestoresTheGraphAsItWasBeforeItsFirstLoad() {
        String before = GraphFingerprint.of(graph);
        String source = "test-versions";
        int earlier = versionsIfAny(source);
        var v1 = TestDocuments.over("article-004", source)
                .entity("test-white-house-press-office", "Institution", "White House", Map.of("kind", "government"))
                .fact("test-statement-white-house", "Statement", Map.of("text", WHITE_HOUSE), WHITE_HOUSE)
                .fact(MOSCOW, "Meeting", moscowAsIn004(), PESKOV)
                .relationship("white-house", "SAID", "test-statement-white-house", Map.of(), WHITE_HOUSE)
                .relationship("steve-witkoff", "ATTENDED", MOSCOW, Map.of("role", "lead"), PESKOV);
        LoadResult first = post(v1.bytes(), false);
        assertFalse(first.replaced());
        assertEquals(
                List.of("test-statement-white-house", "test-versions", "test-white-house-press-office"),
                ids(first.changes().created()));
        var moscow = first.changes().merged().stream()
                .filter(n -> n.id().equals(MOSCOW))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of(new Evidence(source, PESKOV)), moscow.evidenceAdded(), "new evidence on a known meeting");
        var attended = first.changes().relationshipsChanged().stream()
                .filter(r -> r.type().equals("ATTENDED") && r.from().equals("steve-witkoff"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of(new Evidence(source, PESKOV)), attended.evidenceAdded());

        var v2 = TestDocuments.over("article-004", source)
                .fact(MOSCOW, "Meeting", moscowAsIn004(), PESKOV)
                .relationship("steve-witkoff", "ATTENDED", MOSCOW, Map.of("role", "lead"), PESKOV);
        LoadResult second = post(v2.bytes(), false);
        assertTrue(second.replaced());
        assertEquals(
                List.of("test-statement-white-house", "test-white-house-press-office"),
                ids(second.changes().deleted()),
                "the new version takes back what only the first one said");

        LoadResult deleted = delete(source);
        assertEquals(List.of(MOSCOW), ids(deleted.changes().changed()));
        assertEquals(
                List.of(new Evidence(source, PESKOV)),
                deleted.changes().changed().getFirst().evidenceRemoved());
        assertEquals(List.of(source), ids(deleted.changes().deleted()));
        assertEquals(before, GraphFingerprint.of(graph), "the graph is exactly as before the source's first load");

        List<SourceVersion> versions = versions(source);
        List<SourceVersion> ours = versions.subList(earlier, versions.size());
        assertEquals(
                List.of(earlier + 1, earlier + 2, earlier + 3),
                ours.stream().map(SourceVersion::number).toList());
        assertEquals(
                List.of("load", "load", "delete"),
                ours.stream().map(SourceVersion::action).toList());
        assertEquals(ParsedDocument.sha256(v1.bytes()), ours.get(0).sha256());
        assertEquals(ParsedDocument.sha256(v2.bytes()), ours.get(1).sha256());
        assertNull(ours.get(2).sha256());
        assertEquals(second.changes(), ours.get(1).changes(), "each version keeps the diff it made");

        HttpClientResponseException again = assertThrows(HttpClientResponseException.class, () -> delete(source));
        assertEquals(HttpStatus.NOT_FOUND, again.getStatus());
    }

    private int versionsIfAny(String source) {
        try {
            return versions(source).size();
        } catch (HttpClientResponseException e) {
            assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
            return 0;
        }
    }

    @Test
    void anEmptyVersionTakesTheSourceBackAndLeavesNoEmptySource() {
        String before = GraphFingerprint.of(graph);
        String source = "test-empty-version";
        post(
                TestDocuments.over("article-004", source)
                        .fact(MOSCOW, "Meeting", moscowAsIn004(), PESKOV)
                        .bytes(),
                false);
        LoadResult empty = post(TestDocuments.over("article-004", source).bytes(), false);
        assertTrue(empty.replaced());
        assertEquals(List.of(source), ids(empty.changes().deleted()));
        assertEquals(before, GraphFingerprint.of(graph));
        LoadResult nothing =
                post(TestDocuments.over("article-004", "test-never-loaded").bytes(), false);
        assertTrue(nothing.changes().summary().isEmpty());
        assertNull(nothing.version());
        assertEquals(before, GraphFingerprint.of(graph), "an empty document of an unknown source creates nothing");
    }

    @Test
    void deletingNeedsTheTokenAndAKnownSource() {
        String before = GraphFingerprint.of(graph);
        var noToken = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.DELETE("/api/sources/article-000"), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, noToken.getStatus());
        var unknown = assertThrows(HttpClientResponseException.class, () -> delete("no-such-source"));
        assertEquals(HttpStatus.NOT_FOUND, unknown.getStatus());
        assertEquals(
                "no source with id 'no-such-source'",
                unknown.getResponse().getBody(ApiError.class).orElseThrow().message());
        LoadResult dry = client.toBlocking()
                .retrieve(
                        HttpRequest.DELETE("/api/sources/article-002?dryRun=true")
                                .bearerAuth(TOKEN),
                        LoadResult.class);
        assertTrue(dry.dryRun());
        assertTrue(ids(dry.changes().deleted()).contains("article-002"));
        assertEquals(before, GraphFingerprint.of(graph), "nothing written");
    }

    /** The Moscow meeting exactly as article 004 states it, so a test source changes no property. */
    private static Map<String, Object> moscowAsIn004() {
        for (JsonNode f : TestDocuments.bundled("article-004").get("facts")) {
            if (f.get("id").asString().equals(MOSCOW)) {
                return Map.of(
                        "title", f.get("title").asString(),
                        "status", f.get("status").asString(),
                        "summary", f.get("summary").asString());
            }
        }
        throw new IllegalStateException("article-004 no longer reports " + MOSCOW);
    }
}
