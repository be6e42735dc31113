package parley.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static parley.review.DraftDocuments.KUSHNER;
import static parley.review.DraftDocuments.MOSCOW;
import static parley.review.DraftDocuments.OPENING;
import static parley.review.DraftDocuments.PESKOV;
import static parley.review.DraftDocuments.TOKEN;
import static parley.review.DraftDocuments.WHITE_HOUSE;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Value;
import parley.SharedNeo4j;
import parley.kb.GraphFingerprint;
import parley.kb.TestDocuments;
import parley.neo4j.Graph;

/**
 * Two people publish, at the same moment, drafts of two sources that define the same new person
 * and give evidence for the same attendance: the graph ends as if one had published after the
 * other, whichever it was — one node, both sources' evidence, no 5xx.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentPublishTest implements SharedNeo4j {

    private static final String PERSON = "test-publish-envoy";
    private static final int ROUNDS = 4;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Graph graph;

    private String draft(String source, String sentence) {
        byte[] doc = TestDocuments.over("article-004", source)
                .entity(
                        PERSON,
                        "Person",
                        "Steve Witkoff",
                        Map.of("aliases", List.of("Witkoff"), "description", "envoy"))
                .fact(source + "-statement", "Statement", Map.of("text", sentence), sentence)
                .relationship(PERSON, "SAID", source + "-statement", Map.of(), sentence)
                .relationship(PERSON, "ATTENDED", MOSCOW, Map.of("role", "lead"), sentence)
                .bytes();
        Drafts.Detail draft = client.toBlocking()
                .retrieve(
                        HttpRequest.POST("/api/drafts", doc)
                                .contentType(MediaType.APPLICATION_JSON_TYPE)
                                .bearerAuth(TOKEN),
                        Drafts.Detail.class);
        List<Drafts.ItemReview> all = draft.items().stream()
                .map(i -> new Drafts.ItemReview(i.key(), "accepted", null, null))
                .toList();
        client.toBlocking()
                .retrieve(
                        HttpRequest.POST("/api/drafts/" + draft.id() + "/review", new Drafts.Review(all))
                                .bearerAuth(TOKEN),
                        String.class);
        return draft.id();
    }

    @Test
    void twoDraftsPublishedAtOnceEndAsOneAfterTheOther() throws Exception {
        String before = GraphFingerprint.of(graph);
        List<String> sentences = List.of(OPENING, WHITE_HOUSE, KUSHNER, PESKOV);
        for (int round = 0; round < ROUNDS; round++) {
            String a = "test-publish-race-a", b = "test-publish-race-b";
            String sentenceA = sentences.get(round % sentences.size());
            String sentenceB = sentences.get((round + 1) % sentences.size());
            List<String> drafts = List.of(draft(a, sentenceA), draft(b, sentenceB));
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> publishes = new ArrayList<>();
            for (String id : drafts) {
                publishes.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return client.toBlocking()
                                .exchange(HttpRequest.POST("/api/drafts/" + id + "/publish", "")
                                        .bearerAuth(TOKEN))
                                .code();
                    } catch (HttpClientResponseException e) {
                        return e.code();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            start.countDown();
            List<Integer> codes =
                    publishes.stream().map(CompletableFuture::join).toList();
            assertEquals(List.of(201, 201), codes, "round " + round);

            assertEquals(1, count("MATCH (p:Person {id: $id}) RETURN count(p)", Map.of("id", PERSON)), "one node");
            var attended = graph.read(
                            "MATCH (:Person {id: $id})-[r:ATTENDED]->(:Meeting {id: $m}) RETURN r.sources AS s, r.evidence AS e",
                            Map.of("id", PERSON, "m", MOSCOW))
                    .records();
            assertEquals(1, attended.size(), "one ATTENDED");
            assertEquals(
                    List.of(a, b),
                    attended.getFirst().get("s").asList(Value::asString).stream()
                            .sorted()
                            .toList(),
                    "both sources' evidence kept");
            assertEquals(
                    java.util.Set.of(sentenceA, sentenceB),
                    java.util.Set.copyOf(attended.getFirst().get("e").asList(Value::asString)));
            assertEquals(
                    2, count("MATCH (:Person {id: $id})-[:SAID]->(s:Statement) RETURN count(s)", Map.of("id", PERSON)));
            IntStream.range(0, 2).forEach(i -> client.toBlocking()
                    .exchange(HttpRequest.DELETE("/api/drafts/" + drafts.get(i)).bearerAuth(TOKEN)));
            for (String source : List.of(a, b)) {
                client.toBlocking()
                        .exchange(HttpRequest.DELETE("/api/sources/" + source).bearerAuth(TOKEN), String.class);
            }
            assertEquals(before, GraphFingerprint.of(graph), "round " + round + ": both taken back");
        }
    }

    private long count(String cypher, Map<String, Object> params) {
        return graph.read(cypher, params).records().getFirst().get(0).asLong();
    }
}
