package parley.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;
import parley.neo4j.Graph;
import parley.stats.Stats;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthAndStatsTest implements SharedNeo4j {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Graph graph;

    @Inject
    Readiness readiness;

    @AfterEach
    void removeTestNodes() {
        graph.writeTransaction(tx -> tx.run("MATCH (n) WHERE n.id STARTS WITH 'stats-test-' DETACH DELETE n")
                .consume());
    }

    @Test
    void healthIsUpWhileNeo4jAnswers() {
        var response = client.toBlocking().exchange("/health", Health.class);
        assertEquals(HttpStatus.OK, response.getStatus());
        Health health = response.body();
        assertEquals("UP", health.status());
        assertEquals("neo4j", health.database());
        assertTrue(health.neo4j().startsWith("bolt://"), health.neo4j());
    }

    @Test
    void readinessIsDownWhileSomethingIsBeingPreparedAndLivenessStaysUp() {
        assertEquals(
                "UP",
                client.toBlocking().retrieve("/health/ready", Health.class).status());
        readiness.pending("test", "the test is preparing something");
        try {
            var ready = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                    .exchange("/health/ready", Health.class));
            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, ready.getStatus());
            Health down = ready.getResponse().getBody(Health.class).orElseThrow();
            assertEquals("DOWN", down.status());
            assertEquals("the test is preparing something", down.error());
            var health = assertThrows(
                    HttpClientResponseException.class, () -> client.toBlocking().exchange("/health", Health.class));
            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, health.getStatus(), "/health is readiness");
            var live = client.toBlocking().exchange("/health/live", Health.class);
            assertEquals(HttpStatus.OK, live.getStatus());
            assertEquals("UP", live.body().status());
        } finally {
            readiness.done("test");
        }
        assertEquals(
                "UP",
                client.toBlocking().retrieve("/health/ready", Health.class).status());
    }

    @Test
    void statsCountNodesPerLabelAndRelationshipsPerType() {
        Stats before = client.toBlocking().retrieve("/api/stats", Stats.class);
        graph.writeTransaction(tx -> tx.run("""
                        CREATE (w:Person:Actor {id: 'stats-test-witkoff', name: 'Steve Witkoff'})
                        CREATE (m:Meeting {id: 'stats-test-meeting', title: 'Miami talks'})
                        CREATE (w)-[:ATTENDED {role: 'lead'}]->(m)
                        """).consume());

        Stats after = client.toBlocking().retrieve("/api/stats", Stats.class);

        assertEquals(count(before.labels(), "Person") + 1, after.labels().get("Person"));
        assertEquals(count(before.labels(), "Meeting") + 1, after.labels().get("Meeting"));
        assertEquals(
                count(before.relationshipTypes(), "ATTENDED") + 1,
                after.relationshipTypes().get("ATTENDED"));
        assertEquals(before.nodes() + 2, after.nodes());
        assertEquals(before.relationships() + 1, after.relationships());
    }

    private static long count(Map<String, Long> counts, String key) {
        return counts.getOrDefault(key, 0L);
    }
}
