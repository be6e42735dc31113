package parley.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;
import parley.client.ApiClient;
import parley.client.ApiException;
import parley.client.api.ActorsApi;
import parley.client.api.ClaimsApi;
import parley.client.api.CypherApi;
import parley.client.api.DocumentsApi;
import parley.client.api.HealthApi;
import parley.client.api.IndexApi;
import parley.client.api.MeetingsApi;
import parley.client.api.PathsApi;
import parley.client.api.SearchApi;
import parley.client.api.SourcesApi;
import parley.client.api.StatsApi;
import parley.client.api.TimelineApi;
import parley.client.api.TopicsApi;
import parley.client.model.ActorsMet;
import parley.client.model.Claim;
import parley.client.model.CypherRequest;
import parley.client.model.LoadResult;
import parley.client.model.MeetingsSummary;
import parley.client.model.QueryInfo;
import parley.client.model.SourceDocument;
import parley.kb.TestDocuments;
import parley.neo4j.Graph;

/**
 * The client openapi-generator made from {@code docs/openapi.json} at build time (nobody wrote it
 * by hand) against the running service: every read endpoint, and one write with the token.
 */
@MicronautTest
@Property(name = "parley.api.token", value = GeneratedClientTest.TOKEN)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientTest implements SharedNeo4j {

    static final String TOKEN = "client-token-0123456789";
    private static final String TEST_SOURCE = "test-generated-client";

    @Inject
    EmbeddedServer server;

    @Inject
    Graph graph;

    private ApiClient reader;
    private ApiClient writer;

    @BeforeAll
    void clients() {
        reader = new ApiClient();
        reader.updateBaseUri(server.getURL().toString());
        writer = new ApiClient();
        writer.updateBaseUri(server.getURL().toString());
        writer.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + TOKEN));
    }

    @AfterAll
    void removeTestSource() {
        graph.writeTransaction(tx -> tx.run(
                        "MATCH (n) WHERE (n:Source AND n.id = $id) OR (n:Statement AND n.id = 'test-client-statement')"
                                + " DETACH DELETE n",
                        Map.of("id", TEST_SOURCE))
                .consume());
    }

    @Test
    void theIndexHealthAndStatsAnswer() throws ApiException {
        assertTrue(new IndexApi(reader)
                .indexIndex().getLinks().stream().anyMatch(l -> l.getHref().equals("/openapi.json")));
        assertEquals("UP", new HealthApi(reader).healthHealth().getStatus());
        assertTrue(new StatsApi(reader).statsStats().getLabels().get("Person") > 10);
    }

    @Test
    void actorsProfilesWhomTheyMetAndNetworks() throws ApiException {
        ActorsApi actors = new ActorsApi(reader);
        assertTrue(actors.actorsList("Zelenskyy", "person", null, null).getItems().stream()
                .anyMatch(a -> a.getId().equals("volodymyr-zelensky")));
        assertEquals(
                "Steve Witkoff",
                actors.actorsProfile("steve-witkoff", 5).getActor().getName());
        List<ActorsMet> met = actors.actorsMet("kirill-dmitriev", null, 50, 0).getItems();
        assertTrue(
                met.stream()
                        .anyMatch(m -> m.getOther().getId().equals("steve-witkoff")
                                && "Miami".equals(m.getPlace())
                                && String.valueOf(m.getDate()).equals("2025-12-20")),
                "Dmitriev is to meet Witkoff in Miami on 2025-12-20: " + met);
        assertTrue(actors.actorsNetwork("kirill-dmitriev", 2).getNodes().stream()
                .anyMatch(n -> n.getId().equals("steve-witkoff")));
    }

    @Test
    void meetingsTimelineTopicsClaimsPathsSearchSources() throws ApiException {
        List<MeetingsSummary> meetings = new MeetingsApi(reader)
                .meetingsList(null, null, "moscow", "steve-witkoff", null, null, null, null)
                .getItems();
        assertTrue(meetings.stream().anyMatch(m -> m.getId().equals("witkoff-putin-moscow-2025-12-02")));
        assertTrue(new MeetingsApi(reader)
                .meetingsOne("witkoff-putin-moscow-2025-12-02").getParticipants().stream()
                        .anyMatch(p -> p.getId().equals("vladimir-putin")));
        assertFalse(new TimelineApi(reader)
                .timelineTimeline(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31), "steve-witkoff", null, null)
                .getItems()
                .isEmpty());
        assertFalse(new TopicsApi(reader).topicsList(null, null).getItems().isEmpty());
        assertEquals(
                "nato-membership",
                new TopicsApi(reader)
                        .topicsPositions("nato-membership")
                        .getTopic()
                        .getId());

        List<Claim> contested = new ClaimsApi(reader).claimsClaims(true, 500, 0).getItems();
        List<Claim> uncontested =
                new ClaimsApi(reader).claimsClaims(false, 500, 0).getItems();
        assertFalse(contested.isEmpty());
        assertTrue(contested.stream().allMatch(c -> !c.getDeniedBy().isEmpty()));
        assertTrue(uncontested.stream().allMatch(c -> c.getDeniedBy().isEmpty()));
        assertEquals(
                new ClaimsApi(reader).claimsClaims(null, 500, 0).getTotal(), contested.size() + uncontested.size());

        assertFalse(new PathsApi(reader)
                .pathsPaths("kirill-dmitriev", "volodymyr-zelensky", null)
                .getPaths()
                .isEmpty());
        assertTrue(new SearchApi(reader)
                .searchSearch("Zelenskyy", null, null).getItems().stream()
                        .anyMatch(h -> h.getId().equals("volodymyr-zelensky")));
        assertTrue(new SourcesApi(reader).sourcesList(null, null).getTotal() >= 5);
        assertEquals(
                LocalDate.of(2025, 12, 18),
                new SourcesApi(reader).sourcesOne("article-000").getSource().getPublished());
    }

    @Test
    void namedQueriesAndCypher() throws ApiException {
        CypherApi cypher = new CypherApi(reader);
        QueryInfo met = cypher.cypherQueries().stream()
                .filter(q -> q.getName().equals("actor-met"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("id"), met.getRequired());
        assertFalse(cypher.cypherRun("actor-met", Map.of("id", "kirill-dmitriev"))
                .getRows()
                .isEmpty());
        assertEquals(
                List.of("p.name"),
                cypher.cypherCypher(new CypherRequest()
                                .query("MATCH (p:Person {id: $id}) RETURN p.name")
                                .params(Map.of("id", "steve-witkoff")))
                        .getColumns());
        assertTrue(new DocumentsApi(reader).documentsSchema().toString().contains("source"));
    }

    @Test
    void aDocumentLoadsWithTheTokenAndNotWithout() throws Exception {
        // One statement of the article: a document with no items would take its source back (a delete).
        String quote = "The White House says it feels very optimistic about progress toward ending the war in Ukraine.";
        String json = TestDocuments.over("article-004", TEST_SOURCE)
                .fact("test-client-statement", "Statement", Map.of("text", quote), quote)
                .json();
        SourceDocument document = reader.getObjectMapper().readValue(json, SourceDocument.class);
        ApiException refused =
                assertThrows(ApiException.class, () -> new DocumentsApi(reader).documentsLoad(document, null));
        assertEquals(401, refused.getCode());
        LoadResult dryRun = new DocumentsApi(writer).documentsLoad(document, true);
        assertEquals(Boolean.TRUE, dryRun.getDryRun(), "a dry run says so");
        assertEquals(2, dryRun.getNodesCreated(), "and what the load would create: the source and its statement");
        LoadResult loaded = new DocumentsApi(writer).documentsLoad(document, null);
        assertEquals(TEST_SOURCE, loaded.getSource());
        assertEquals(
                2,
                loaded.getNodesCreated(),
                "the dry run wrote nothing: the load still creates the source and its statement");
    }
}
