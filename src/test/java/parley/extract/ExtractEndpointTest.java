package parley.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;
import parley.errors.ApiError;
import parley.kb.BundledDocuments;
import parley.kb.DraftCheck;
import parley.neo4j.Graph;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/extract} on a bundled article (article 004, whose curated version the shared
 * test graph holds): the whole pipeline, its links to the graph, the validator, byte-identity, and
 * the refusals.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractEndpointTest implements SharedNeo4j {

    private static final String TOKEN = "test-token-0123456789";
    private static final int MAX_CHARS = 20_000;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DraftCheck check;

    @Inject
    Graph graph;

    private String text;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(SharedNeo4j.super.getProperties());
        p.put("parley.extract.max-chars", String.valueOf(MAX_CHARS));
        // On a busy 2-core machine a whole article can take longer than the client's default 10 s.
        p.put("micronaut.http.client.read-timeout", "180s");
        return p;
    }

    @BeforeAll
    void loadModelsAndArticle() {
        NlpPipeline.load();
        text = Drafts.read(BundledDocuments.read("kb/sources/article-004.json"))
                .get("text")
                .asString();
    }

    /** The rest of the suite runs without the models in its heap. */
    @AfterAll
    void unloadModels() {
        NlpPipeline.unload();
    }

    private Map<String, Object> body(String title, String published, String articleText) {
        Map<String, Object> source = new HashMap<>();
        source.put("title", title);
        source.put("published", published);
        Map<String, Object> body = new HashMap<>();
        body.put("source", source);
        if (articleText != null) {
            body.put("text", articleText);
        }
        return body;
    }

    private HttpResponse<byte[]> extract(Object body) {
        return client.toBlocking()
                .exchange(
                        HttpRequest.POST("/api/extract", body)
                                .contentType(MediaType.APPLICATION_JSON_TYPE)
                                .bearerAuth(TOKEN),
                        byte[].class);
    }

    private ApiError refused(Object body, String token, HttpStatus expected) {
        var request = HttpRequest.POST("/api/extract", body).contentType(MediaType.APPLICATION_JSON_TYPE);
        var sent = token == null ? request : request.bearerAuth(token);
        HttpClientResponseException e = assertThrows(
                HttpClientResponseException.class, () -> client.toBlocking().exchange(sent, byte[].class));
        assertEquals(expected, e.getStatus());
        return e.getResponse().getBody(ApiError.class).orElseThrow();
    }

    @Test
    void aBundledArticleBecomesAValidDraftLinkedToTheGraph() {
        long before = graph.read("MATCH (n) RETURN count(n) AS n", Map.of())
                .records()
                .getFirst()
                .get("n")
                .asLong();
        HttpResponse<byte[]> response = extract(body("Talks Gain Momentum in Moscow", "2025-12-02", text));
        assertEquals(HttpStatus.OK, response.getStatus());
        byte[] bytes = response.body();
        assertEquals(List.of(), check.problems(bytes), "the draft passes the document validator unchanged");
        JsonNode draft = Drafts.read(bytes);
        assertEquals(
                "talks-gain-momentum-in-moscow-2025-12-02",
                draft.get("source").get("id").asString());

        // The Moscow meeting is the graph's, referenced by its id, planned for Tuesday 2 December.
        JsonNode moscow = Drafts.facts(draft, "Meeting").stream()
                .filter(m -> m.get("id").asString().equals("witkoff-putin-moscow-2025-12-02"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link to the Moscow meeting in " + draft.get("facts")));
        assertEquals("planned", moscow.get("status").asString());
        assertEquals("2025-12-02", moscow.get("date").asString());
        assertTrue(moscow.get("rule").asString().endsWith(Meetings.GRAPH_MATCH));
        assertTrue(Drafts.has(draft, "ATTENDED", "steve-witkoff", "witkoff-putin-moscow-2025-12-02"));
        assertTrue(Drafts.has(draft, "ATTENDED", "vladimir-putin", "witkoff-putin-moscow-2025-12-02"));
        assertTrue(Drafts.has(draft, "HELD_IN", "witkoff-putin-moscow-2025-12-02", "moscow"));

        // Peskov's confirmation is a claim of his, resting on his sentence.
        JsonNode peskov = Drafts.relationships(draft, "CLAIMS").stream()
                .filter(r -> r.get("from").asString().equals("dmitry-peskov"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "Kremlin spokesman Dmitry Peskov confirmed that Witkoff will meet Putin on Tuesday afternoon.",
                peskov.get("evidence").get(0).asString());

        // Every item says who proposed it and how sure it is; every sentence is the article's.
        for (String part : List.of("entities", "facts", "relationships")) {
            for (JsonNode item : draft.get(part)) {
                double confidence = item.get("confidence").asDouble();
                assertTrue(confidence > 0 && confidence <= 1, item.toString());
                assertTrue(item.get("rule").asString().matches("^[a-z][a-z0-9-]*(:[A-Za-z0-9+._-]+)*$"));
                if (item.has("evidence")) {
                    item.get("evidence").forEach(e -> assertTrue(text.contains(e.asString()), e.asString()));
                }
            }
        }
        // Names link to the graph's ids, with the reason in the rule.
        JsonNode witkoff = null;
        for (JsonNode e : draft.get("entities")) {
            if (e.get("id").asString().equals("steve-witkoff")) {
                witkoff = e;
            }
        }
        assertTrue(witkoff.get("rule").asString().endsWith(Entities.LINK_NAME), witkoff.toString());

        long after = graph.read("MATCH (n) RETURN count(n) AS n", Map.of())
                .records()
                .getFirst()
                .get("n")
                .asLong();
        assertEquals(before, after, "extracting writes nothing");
    }

    @Test
    void theSameArticleGivesTheSameBytes() {
        // A short article: the whole one is drafted once above, and CI time is counted.
        String article = "Steve Witkoff met Vladimir Putin in Moscow on Tuesday. \"It was useful,\" Witkoff said.";
        byte[] first = extract(body("Moscow", "2025-12-04", article)).body();
        byte[] second = extract(body("Moscow", "2025-12-04", article)).body();
        assertArrayEquals(first, second);
        assertFalse(Boolean.parseBoolean(extract(body("Again", "2025-12-02", "Putin met Witkoff on Tuesday."))
                .header(ExtractController.MODELS_LOADED)));
    }

    @Test
    void noTextIsRefused() {
        ApiError error = refused(body("A title", "2025-12-02", null), TOKEN, HttpStatus.BAD_REQUEST);
        assertEquals("invalid_article", error.error());
        assertEquals("$.text", error.problems().getFirst().path());
    }

    @Test
    void aDateThatDoesNotExistIsRefused() {
        ApiError error = refused(body("A title", "2025-02-30", "Putin met Witkoff."), TOKEN, HttpStatus.BAD_REQUEST);
        assertEquals("$.source.published", error.problems().getFirst().path());
        assertTrue(error.message().contains("2025-02-30"));
    }

    @Test
    void aTextOverTheLimitIsRefused() {
        ApiError error = refused(
                body("A title", "2025-12-02", "word ".repeat(MAX_CHARS / 5 + 1)), TOKEN, HttpStatus.BAD_REQUEST);
        assertEquals("$.text", error.problems().getFirst().path());
        assertTrue(error.message().contains("parley.extract.max-chars"), error.message());
    }

    @Test
    void withoutTheTokenNothingIsRead() {
        ApiError error = refused(body("A title", "2025-12-02", "Putin met Witkoff."), null, HttpStatus.UNAUTHORIZED);
        assertEquals("unauthorized", error.error());
    }
}
