package parley.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parley.review.DraftDocuments.MOSCOW;
import static parley.review.DraftDocuments.PESKOV;
import static parley.review.DraftDocuments.TOKEN;
import static parley.review.DraftDocuments.WHITE_HOUSE;

import io.micronaut.http.HttpRequest;
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
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Value;
import parley.SharedNeo4j;
import parley.api.Evidence;
import parley.errors.ApiError;
import parley.extract.DraftExtractor;
import parley.extract.Models;
import parley.kb.GraphFingerprint;
import parley.kb.LoadResult;
import parley.neo4j.Graph;

/** The review flow over HTTP: a draft, a person's decisions, publishing only what they accepted. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewFlowTest implements SharedNeo4j {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Graph graph;

    @Inject
    Optional<DraftExtractor> extractor;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(SharedNeo4j.super.getProperties());
        // A draft from article text loads the CoreNLP models on the first call: about a minute on
        // a quiet 2-core machine, more on a busy one, over the tests' usual 60 s read timeout.
        p.put("micronaut.http.client.read-timeout", "180s");
        return p;
    }

    @AfterEach
    void removeTestSources() {
        graph.read("MATCH (s:Source) WHERE s.id STARTS WITH 'test-' RETURN s.id AS id", Map.of()).records().stream()
                .map(r -> r.get("id").asString())
                .forEach(id -> client.toBlocking()
                        .exchange(HttpRequest.DELETE("/api/sources/" + id).bearerAuth(TOKEN), String.class));
    }

    private Drafts.Detail create(byte[] body) {
        return client.toBlocking()
                .retrieve(
                        HttpRequest.POST("/api/drafts", body)
                                .contentType(MediaType.APPLICATION_JSON_TYPE)
                                .bearerAuth(TOKEN),
                        Drafts.Detail.class);
    }

    private Drafts.Detail review(String id, Drafts.ItemReview... items) {
        return client.toBlocking()
                .retrieve(
                        HttpRequest.POST("/api/drafts/" + id + "/review", new Drafts.Review(List.of(items)))
                                .bearerAuth(TOKEN),
                        Drafts.Detail.class);
    }

    private static Drafts.ItemReview state(String key, String state) {
        return new Drafts.ItemReview(key, state, null, null);
    }

    private HttpClientResponseException refused(HttpRequest<?> request, HttpStatus status) {
        var e = assertThrows(
                HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
        assertEquals(status, e.getStatus());
        return e;
    }

    private static ApiError error(HttpClientResponseException e) {
        return e.getResponse().getBody(ApiError.class).orElseThrow();
    }

    private long count(String cypher) {
        return graph.read(cypher, Map.of()).records().getFirst().get(0).asLong();
    }

    @Test
    void aPersonRejectsRelinksEditsAndPublishesOnlyWhatTheyAccepted() {
        String before = GraphFingerprint.of(graph);
        String source = "test-draft-flow";
        Drafts.Detail draft = create(DraftDocuments.flow(source).bytes());
        assertEquals("document", draft.origin());
        assertEquals(9, draft.items().size());
        assertTrue(draft.items().stream().allMatch(i -> i.state().equals("pending")));
        var statement = draft.items().stream()
                .filter(i -> i.key().equals("facts[0]"))
                .findFirst()
                .orElseThrow();
        assertEquals(0.9, statement.confidence());
        assertEquals("test:quote", statement.rule());
        assertEquals(
                WHITE_HOUSE,
                draft.text()
                        .substring(
                                statement.spans().getFirst().start(),
                                statement.spans().getFirst().end()));
        var witkoff = draft.items().getFirst();
        assertEquals("steve-witkoff", witkoff.link().existing().id(), "the suggested node is the one in the graph");
        assertFalse(draft.preview().publishable());
        assertEquals("$", draft.preview().problems().getFirst().path(), "nothing accepted yet");

        String id = draft.id();
        review(
                id,
                state("entities[0]", "accepted"),
                new Drafts.ItemReview(
                        "entities[1]", "accepted", null, new Drafts.LinkChoice("existing", "white-house")),
                state("entities[2]", "rejected"),
                state("facts[0]", "accepted"),
                new Drafts.ItemReview("facts[1]", "accepted", Map.of("text", "Ukraine denies losing Pokrovsk"), null),
                state("facts[2]", "rejected"),
                state("relationships[0]", "accepted"),
                state("relationships[1]", "accepted"),
                state("relationships[2]", "accepted"));

        var notPublishable = refused(
                HttpRequest.POST("/api/drafts/" + id + "/publish", "").bearerAuth(TOKEN),
                HttpStatus.UNPROCESSABLE_ENTITY);
        ApiError problem = error(notPublishable);
        assertEquals("draft_not_publishable", problem.error());
        assertEquals(
                List.of("$.relationships[1].from"),
                problem.problems().stream().map(ApiError.Problem::path).toList());
        assertTrue(
                problem.problems().getFirst().reason().contains("entities[2], which is rejected"),
                problem.problems().toString());
        assertEquals(before, GraphFingerprint.of(graph), "a refused publish writes nothing");

        Drafts.Detail reviewed = review(id, state("relationships[1]", "rejected"));
        assertTrue(
                reviewed.preview().publishable(), reviewed.preview().problems().toString());
        var preview = reviewed.preview().changes().changes();
        assertEquals(
                List.of(source, source + "-claim", source + "-statement"),
                preview.created().stream().map(n -> n.id()).toList());
        assertEquals(before, GraphFingerprint.of(graph), "a preview writes nothing");

        LoadResult published = client.toBlocking()
                .retrieve(HttpRequest.POST("/api/drafts/" + id + "/publish", "").bearerAuth(TOKEN), LoadResult.class);
        assertEquals(source, published.source());
        assertEquals(preview, published.changes(), "publishing did what the preview said");

        assertEquals(
                List.of(source),
                graph.read(
                                "MATCH (:Institution {id: 'white-house'})-[r:SAID]->(s:Statement {id: $id}) RETURN r.sources AS s",
                                Map.of("id", source + "-statement"))
                        .records()
                        .getFirst()
                        .get("s")
                        .asList(Value::asString),
                "the statement is the White House's own: the entity was relinked");
        assertEquals(0, count("MATCH (n:Institution {id: '" + source + "-white-house'}) RETURN count(n)"));
        assertEquals(0, count("MATCH (n:Person {id: '" + source + "-kushner'}) RETURN count(n)"), "rejected");
        assertEquals(0, count("MATCH (n:Demand {id: '" + source + "-demand'}) RETURN count(n)"), "rejected");
        assertEquals(
                "Ukraine denies losing Pokrovsk",
                graph.read("MATCH (c:Claim {id: $id}) RETURN c.text AS t", Map.of("id", source + "-claim"))
                        .records()
                        .getFirst()
                        .get("t")
                        .asString(),
                "the edit was published");
        assertEquals(
                0.9,
                graph.read(
                                "MATCH (s:Statement {id: $id}) RETURN s.confidence AS c",
                                Map.of("id", source + "-statement"))
                        .records()
                        .getFirst()
                        .get("c")
                        .asDouble(),
                "what a program proposed keeps its confidence once accepted");
        var attended = published.changes().relationshipsChanged().stream()
                .filter(r -> r.type().equals("ATTENDED") && r.from().equals("steve-witkoff") && r.to().equals(MOSCOW))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of(new Evidence(source, PESKOV)), attended.evidenceAdded());

        Drafts.Detail after = client.toBlocking().retrieve(HttpRequest.GET("/api/drafts/" + id), Drafts.Detail.class);
        assertEquals(1, after.publications().size());
        assertTrue(after.preview().changes().changes().summary().isEmpty(), "publishing again would change nothing");

        client.toBlocking()
                .exchange(HttpRequest.DELETE("/api/sources/" + source).bearerAuth(TOKEN), String.class);
        assertEquals(before, GraphFingerprint.of(graph));
    }

    @Test
    void draftsStayOutOfTheGraphAndSurviveInTheirStore() {
        String before = GraphFingerprint.of(graph);
        String stats = client.toBlocking().retrieve("/api/stats");
        Drafts.Detail draft = create(DraftDocuments.flow("test-draft-hidden").bytes());
        assertEquals(before, GraphFingerprint.of(graph), "a draft is not in the graph");
        assertEquals(stats, client.toBlocking().retrieve("/api/stats"));
        String list = client.toBlocking().retrieve("/api/drafts?limit=500");
        assertTrue(list.contains(draft.id()));
        assertFalse(
                client.toBlocking().retrieve("/api/search?q=White%20House").contains("test-draft-hidden"),
                "search does not find a draft's items");
        client.toBlocking()
                .exchange(HttpRequest.DELETE("/api/drafts/" + draft.id()).bearerAuth(TOKEN));
        refused(HttpRequest.GET("/api/drafts/" + draft.id()), HttpStatus.NOT_FOUND);
    }

    @Test
    void aDraftFromArticleTextNeedsTheExtractor() {
        String article = """
                {"source": {"title": "Talks Gain Momentum in Moscow", "published": "2025-12-02"},
                 "text": "Russian President Vladimir Putin will meet US special envoy Steve Witkoff in Moscow on Tuesday."}
                """;
        var request = HttpRequest.POST("/api/drafts", article)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(TOKEN);
        if (extractor.isEmpty()) {
            var e = refused(request, HttpStatus.SERVICE_UNAVAILABLE);
            ApiError error = error(e);
            assertEquals("extractor_unavailable", error.error());
            assertTrue(error.message().startsWith("extractor not available"));
        } else {
            try {
                Drafts.Detail draft = client.toBlocking().retrieve(request, Drafts.Detail.class);
                assertEquals("extractor", draft.origin());
                Drafts.Item meeting = draft.items().stream()
                        .filter(i -> "Meeting".equals(i.label()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no meeting candidate in " + draft.items()));
                assertEquals("pending", meeting.state(), "nothing a program proposes is accepted by itself");
                assertEquals("planned", meeting.item().get("status"), "'will meet' is a plan");
                assertTrue(meeting.rule() != null && meeting.confidence() != null, meeting.toString());
                assertFalse(meeting.spans().isEmpty(), "its sentence is highlighted in the article");
                client.toBlocking()
                        .exchange(
                                HttpRequest.DELETE("/api/drafts/" + draft.id()).bearerAuth(TOKEN));
            } finally {
                Models.unload();
            }
        }
    }

    @Test
    void badReviewsAreRefusedNamingWhatIsWrong() {
        Drafts.Detail draft = create(DraftDocuments.flow("test-draft-bad").bytes());
        String path = "/api/drafts/" + draft.id() + "/review";
        ApiError unknown = error(refused(
                HttpRequest.POST(path, new Drafts.Review(List.of(state("facts[99]", "accepted"))))
                        .bearerAuth(TOKEN),
                HttpStatus.BAD_REQUEST));
        assertEquals("items[0].key", unknown.problems().getFirst().path());
        ApiError badState = error(refused(
                HttpRequest.POST(path, new Drafts.Review(List.of(state("facts[0]", "maybe"))))
                        .bearerAuth(TOKEN),
                HttpStatus.BAD_REQUEST));
        assertEquals("items[0].state", badState.problems().getFirst().path());
        ApiError idEdit = error(refused(
                HttpRequest.POST(
                                path,
                                new Drafts.Review(
                                        List.of(new Drafts.ItemReview("facts[0]", null, Map.of("id", "x"), null))))
                        .bearerAuth(TOKEN),
                HttpStatus.BAD_REQUEST));
        assertEquals("items[0].fields.id", idEdit.problems().getFirst().path());
        refused(
                HttpRequest.POST(path, new Drafts.Review(List.of(state("facts[0]", "accepted")))),
                HttpStatus.UNAUTHORIZED);
        refused(HttpRequest.GET("/api/drafts/draft-nosuchdraft"), HttpStatus.NOT_FOUND);
        refused(HttpRequest.GET("/api/drafts/..%2F..%2Fetc"), HttpStatus.NOT_FOUND);
        refused(
                HttpRequest.POST("/api/drafts", "{\"source\": {}, \"entities\": 3}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .bearerAuth(TOKEN),
                HttpStatus.BAD_REQUEST);
        Drafts.Detail unchanged =
                client.toBlocking().retrieve(HttpRequest.GET("/api/drafts/" + draft.id()), Drafts.Detail.class);
        assertTrue(
                unchanged.items().stream().allMatch(i -> i.state().equals("pending")),
                "a refused review changes nothing");

        review(
                draft.id(),
                new Drafts.ItemReview("entities[1]", "accepted", null, new Drafts.LinkChoice("new", "steve-witkoff")),
                state("facts[0]", "accepted"));
        ApiError taken = error(refused(
                HttpRequest.POST("/api/drafts/" + draft.id() + "/publish", "").bearerAuth(TOKEN),
                HttpStatus.UNPROCESSABLE_ENTITY));
        assertEquals("$.entities[1].id", taken.problems().getFirst().path());
        client.toBlocking()
                .exchange(HttpRequest.DELETE("/api/drafts/" + draft.id()).bearerAuth(TOKEN));
    }
}
