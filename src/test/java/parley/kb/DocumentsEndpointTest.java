package parley.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Value;
import parley.SharedNeo4j;
import parley.errors.ApiError;
import parley.neo4j.Graph;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/documents}: loads, replaces, and refuses without writing anything. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsEndpointTest implements SharedNeo4j {

    private static final String TOKEN = "test-token-0123456789";
    private static final String TEST_SOURCE = "test-replace";
    private static final String MOSCOW = "witkoff-putin-moscow-2025-12-02";
    private static final String PESKOV =
            "Kremlin spokesman Dmitry Peskov confirmed that Witkoff will meet Putin on Tuesday afternoon.";
    private static final String WHITE_HOUSE =
            "The White House says it feels very optimistic about progress toward ending the war in Ukraine.";
    private static final String DENIAL = "Ukrainian authorities denied any such losses.";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Graph graph;

    /** Takes back whatever a test source left, the way a user would: an empty version of it. */
    @AfterEach
    void removeTestSources() {
        List<String> sources =
                graph
                        .read("MATCH (s:Source) WHERE s.id STARTS WITH 'test-' RETURN s.id AS id", Map.of())
                        .records()
                        .stream()
                        .map(r -> r.get("id").asString())
                        .toList();
        for (String source : sources) {
            post(TestDocuments.over("article-004", source).bytes());
            graph.writeTransaction(tx -> tx.run("MATCH (s:Source {id: $id}) DETACH DELETE s", Map.of("id", source))
                    .consume());
        }
    }

    private LoadResult post(byte[] body) {
        return client.toBlocking()
                .retrieve(
                        HttpRequest.POST("/api/documents", body)
                                .contentType(MediaType.APPLICATION_JSON_TYPE)
                                .bearerAuth(TOKEN),
                        LoadResult.class);
    }

    private ApiError refused(byte[] body, String token, HttpStatus expected) {
        var request = HttpRequest.POST("/api/documents", body).contentType(MediaType.APPLICATION_JSON_TYPE);
        if (token != null) {
            request = request.bearerAuth(token);
        }
        var finalRequest = request;
        HttpClientResponseException e = assertThrows(
                HttpClientResponseException.class, () -> client.toBlocking().exchange(finalRequest, LoadResult.class));
        assertEquals(expected, e.getStatus());
        return e.getResponse().getBody(ApiError.class).orElseThrow();
    }

    /** The Moscow meeting exactly as article 004 states it, so a test source adding itself changes no property. */
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

    @Test
    void loadingABundledDocumentAgainChangesNothing() {
        String before = GraphFingerprint.of(graph);
        LoadResult result = post(BundledDocuments.read("kb/sources/article-002.json"));
        assertTrue(result.replaced());
        assertEquals("article-002", result.source());
        assertEquals(0, result.nodesCreated() - result.nodesDeleted());
        assertEquals(before, GraphFingerprint.of(graph));
    }

    @Test
    void aNewerVersionReplacesWhatThatSourceAloneSupportedAndKeepsTheRest() {
        String before = GraphFingerprint.of(graph);
        var v1 = TestDocuments.over("article-004", TEST_SOURCE)
                .fact("test-statement-white-house", "Statement", Map.of("text", WHITE_HOUSE), WHITE_HOUSE)
                .fact(MOSCOW, "Meeting", moscowAsIn004(), PESKOV)
                .relationship("white-house", "SAID", "test-statement-white-house", Map.of(), WHITE_HOUSE);
        LoadResult first = post(v1.bytes());
        assertFalse(first.replaced());
        assertEquals(2, first.nodesCreated(), "the test source and its statement; the meeting existed");
        assertEquals(1, first.nodesMerged(), "the meeting was merged, not created");
        assertEquals(List.of(TEST_SOURCE), saidBy("white-house", "test-statement-white-house"));
        assertEquals(5, sourcesOf(MOSCOW).size(), "a fifth source now reports the Moscow meeting");

        var v2 = TestDocuments.over("article-004", TEST_SOURCE)
                .fact(MOSCOW, "Meeting", moscowAsIn004(), PESKOV)
                .fact(
                        "test-claim-no-losses",
                        "Claim",
                        Map.of("text", "Ukraine lost neither Pokrovsk nor Vovchansk"),
                        DENIAL)
                .relationship("ukraine", "CLAIMS", "test-claim-no-losses", Map.of(), DENIAL);
        LoadResult second = post(v2.bytes());
        assertTrue(second.replaced());
        assertEquals(
                0,
                count("MATCH (n {id: 'test-statement-white-house'}) RETURN count(n) AS n"),
                "only the test source reported it");
        assertEquals(
                1,
                count(
                        "MATCH (:Country {id: 'ukraine'})-[:CLAIMS]->(c:Claim {id: 'test-claim-no-losses'}) RETURN count(c) AS n"));
        assertEquals(
                1,
                count("MATCH (n:Institution {id: 'white-house'}) RETURN count(n) AS n"),
                "other sources still mention it");
        assertEquals(5, sourcesOf(MOSCOW).size(), "the multi-source meeting keeps all five");
        assertEquals("held", meetingStatus(MOSCOW), "a test source reporting it planned does not undo 'held'");

        var empty = TestDocuments.over("article-004", TEST_SOURCE);
        post(empty.bytes());
        assertEquals(List.of("article-001", "article-002", "article-003", "article-004"), sourcesOf(MOSCOW));
        assertEquals(0, count("MATCH (n {id: 'test-claim-no-losses'}) RETURN count(n) AS n"));
        graph.writeTransaction(tx -> tx.run("MATCH (s:Source {id: $id}) DETACH DELETE s", Map.of("id", TEST_SOURCE))
                .consume());
        assertEquals(before, GraphFingerprint.of(graph), "taking the test source back restores the graph exactly");
    }

    @Test
    void aDocumentReferencingEntitiesOfOtherArticlesLoadsWithoutRedefiningThem() {
        var doc = TestDocuments.over("article-004", "test-reference")
                .fact(
                        "test-meeting-announcement",
                        "Claim",
                        Map.of("text", "Witkoff will meet Putin on Tuesday afternoon"),
                        PESKOV)
                .relationship("dmitry-peskov", "CLAIMS", "test-meeting-announcement", Map.of(), PESKOV)
                .relationship("test-meeting-announcement", "ABOUT", MOSCOW, Map.of(), PESKOV);
        LoadResult result = post(doc.bytes());
        assertEquals(1, result.facts());
        assertEquals(
                List.of("test-reference"),
                graph.read("""
                        MATCH (:Person {id: 'dmitry-peskov'})-[r:CLAIMS]->(:Claim {id: 'test-meeting-announcement'}) RETURN r.sources AS s
                        """, Map.of()).records().getFirst().get("s").asList(Value::asString));
    }

    @Test
    void aQuoteThatIsNotInTheArticleIsRefusedAndNothingIsWritten() {
        String before = GraphFingerprint.of(graph);
        var doc = TestDocuments.over("article-004", "test-bad")
                .fact(
                        "test-statement-invented",
                        "Statement",
                        Map.of("text", "We will sign the deal tomorrow."),
                        "Putin said: \"We will sign the deal tomorrow.\"")
                .relationship(
                        "vladimir-putin",
                        "SAID",
                        "test-statement-invented",
                        Map.of(),
                        "Putin said: \"We will sign the deal tomorrow.\"");
        ApiError error = refused(doc.bytes(), TOKEN, HttpStatus.BAD_REQUEST);
        assertEquals("invalid_document", error.error());
        List<String> paths =
                error.problems().stream().map(ApiError.Problem::path).toList();
        assertTrue(
                paths.containsAll(
                        List.of("$.facts[0].evidence[0]", "$.facts[0].text", "$.relationships[0].evidence[0]")),
                paths.toString());
        assertEquals(before, GraphFingerprint.of(graph));
    }

    @Test
    void aDanglingReferenceIsRefusedNamingTheField() {
        var doc = TestDocuments.over("article-004", "test-bad")
                .fact("test-claim", "Claim", Map.of("text", "Ukrainian authorities denied any such losses"), DENIAL)
                .relationship("nobody-at-all", "DENIES", "test-claim", Map.of(), DENIAL);
        ApiError error = refused(doc.bytes(), TOKEN, HttpStatus.BAD_REQUEST);
        assertEquals(1, error.problems().size(), error.problems().toString());
        assertEquals("$.relationships[0].from", error.problems().getFirst().path());
        assertTrue(error.problems().getFirst().reason().contains("nobody-at-all"));
        assertEquals(0, count("MATCH (n {id: 'test-claim'}) RETURN count(n) AS n"));
    }

    @Test
    void aDateThatDoesNotExistIsRefused() {
        var doc = TestDocuments.over("article-004", "test-bad")
                .published("2025-02-30")
                .fact("test-event", "Event", Map.of("kind", "meeting", "summary", "x", "date", "2025-13-01"), PESKOV);
        ApiError error = refused(doc.bytes(), TOKEN, HttpStatus.BAD_REQUEST);
        List<String> paths =
                error.problems().stream().map(ApiError.Problem::path).toList();
        assertEquals(List.of("$.source.published", "$.facts[0].date"), paths);
    }

    @Test
    void anUnknownLabelOrRelationshipTypeIsRefused() {
        var doc = TestDocuments.over("article-004", "test-bad")
                .fact("test-rumour", "Rumour", Map.of("text", "x"), PESKOV)
                .relationship("steve-witkoff", "BEFRIENDED", "vladimir-putin", Map.of(), PESKOV);
        ApiError error = refused(doc.bytes(), TOKEN, HttpStatus.BAD_REQUEST);
        String problems = error.problems().toString();
        assertTrue(problems.contains("$.facts[0].label"), problems);
        assertTrue(problems.contains("$.relationships[0].type"), problems);
    }

    @Test
    void aRelationshipBetweenLabelsTheContractDoesNotAllowIsRefused() {
        var doc = TestDocuments.over("article-004", "test-bad")
                .relationship("moscow", "ATTENDED", MOSCOW, Map.of("role", "host"), PESKOV);
        ApiError error = refused(doc.bytes(), TOKEN, HttpStatus.BAD_REQUEST);
        assertEquals("$.relationships[0].from", error.problems().getFirst().path());
        assertTrue(error.problems().getFirst().reason().contains("ATTENDED cannot start at a Place"), error.toString());
    }

    @Test
    void aCountryDoesNotAttendItIsPartyToAMeeting() {
        var doc = TestDocuments.over("article-004", "test-bad")
                .relationship("russia", "ATTENDED", MOSCOW, Map.of("role", "participant"), PESKOV);
        ApiError error = refused(doc.bytes(), TOKEN, HttpStatus.BAD_REQUEST);
        assertEquals("$.relationships[0].from", error.problems().getFirst().path());
        assertTrue(
                error.problems().getFirst().reason().contains("ATTENDED cannot start at a Country ('russia')"),
                error.toString());
    }

    @Test
    void aSideMustNameACountryOrInstitution() {
        var doc = TestDocuments.over("article-004", "test-bad")
                .relationship("steve-witkoff", "ATTENDED", MOSCOW, Map.of("role", "lead", "side", "moscow"), PESKOV)
                .relationship(
                        "vladimir-putin", "ATTENDED", MOSCOW, Map.of("role", "host", "side", "nowhere-land"), PESKOV);
        ApiError error = refused(doc.bytes(), TOKEN, HttpStatus.BAD_REQUEST);
        assertEquals(
                List.of("$.relationships[0].properties.side", "$.relationships[1].properties.side"),
                error.problems().stream().map(ApiError.Problem::path).toList());
        assertTrue(error.problems().get(0).reason().contains("side 'moscow' is a Place"), error.toString());
        assertTrue(
                error.problems()
                        .get(1)
                        .reason()
                        .contains("'nowhere-land' is defined neither in this document nor in the graph"),
                error.toString());
    }

    @Test
    void aMissingRequiredFieldIsRefused() {
        Map<String, Object> tree = TestDocuments.over("article-004", "test-bad")
                .fact("test-meeting", "Meeting", Map.of("title", "Talks"), PESKOV)
                .tree();
        ApiError error = refused(TestDocuments.JSON.writeValueAsBytes(tree), TOKEN, HttpStatus.BAD_REQUEST);
        String problems = error.problems().toString();
        assertTrue(problems.contains("$.facts[0]") && problems.contains("status"), problems);
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() {
        ApiError error =
                refused("{\"source\": {\"id\": \"x\",".getBytes(StandardCharsets.UTF_8), TOKEN, HttpStatus.BAD_REQUEST);
        assertTrue(error.problems().getFirst().path().startsWith("line 1, column"), error.toString());
        assertTrue(error.problems().getFirst().reason().startsWith("not valid JSON"), error.toString());
    }

    @Test
    void anIdUsedForTwoKindsOfThingIsRefused() {
        var doc = TestDocuments.over("article-004", "test-bad")
                .entity("moscow", "Person", "Moscow", Map.of("description", "not a person"));
        ApiError error = refused(doc.bytes(), TOKEN, HttpStatus.BAD_REQUEST);
        assertTrue(error.problems().getFirst().reason().contains("already a Place"), error.toString());
    }

    @Test
    void withoutTheTokenOrWithAWrongOneNothingIsWritten() {
        String before = GraphFingerprint.of(graph);
        byte[] doc = BundledDocuments.read("kb/sources/article-004.json");
        ApiError missing = refused(doc, null, HttpStatus.UNAUTHORIZED);
        assertEquals("unauthorized", missing.error());
        ApiError wrong = refused(doc, "test-token-0123456780", HttpStatus.UNAUTHORIZED);
        assertFalse(wrong.message().contains(TOKEN));
        assertNotEquals(null, wrong.message());
        assertEquals(before, GraphFingerprint.of(graph));
    }

    @Test
    void theJsonSchemaIsPublished() {
        String schema = client.toBlocking().retrieve("/api/documents/schema");
        assertTrue(schema.contains("\"title\": \"parley source document\""));
    }

    private List<String> saidBy(String actor, String statement) {
        return graph.read(
                        "MATCH ({id: $a})-[r:SAID]->({id: $s}) RETURN r.sources AS s",
                        Map.of("a", actor, "s", statement))
                .records()
                .getFirst()
                .get("s")
                .asList(Value::asString);
    }

    private List<String> sourcesOf(String fact) {
        return graph
                .read(
                        "MATCH (:Meeting {id: $id})-[:REPORTED_IN]->(s) RETURN s.id AS id ORDER BY id",
                        Map.of("id", fact))
                .records()
                .stream()
                .map(r -> r.get("id").asString())
                .toList();
    }

    private String meetingStatus(String id) {
        return graph.read("MATCH (m:Meeting {id: $id}) RETURN m.status AS s", Map.of("id", id))
                .records()
                .getFirst()
                .get("s")
                .asString();
    }

    private long count(String cypher) {
        return graph.read(cypher, Map.of()).records().getFirst().get("n").asLong();
    }
}
