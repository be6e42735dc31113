package parley.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/**
 * Finding 7 of issue 16: when the service's driver has no free connection within its acquisition
 * timeout, a read answers 503 (try again), not 500; and client Cypher, which runs on connections
 * of its own, still answers.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolExhaustionTest extends UnchangedGraphSuite {

    @Inject
    Driver driver;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("neo4j.max-connection-pool-size", "1");
        properties.put("neo4j.connection-timeout", "1s");
        properties.put("parley.kb.load-on-start", "true");
        return properties;
    }

    @Test
    void aReadWithNoFreeConnectionIs503AndClientCypherStillAnswers() {
        try (Session session = driver.session();
                Transaction held = session.beginTransaction()) {
            held.run("RETURN 1").consume();
            Http.Answer stats = http.get("/api/stats");
            assertEquals(503, stats.status(), stats.toString());
            assertEquals("database_busy", stats.error());
            CypherLimitsTest.assertNoClassName(stats);

            Http.Answer cypher = http.postJson(
                    "/api/cypher", Map.of("query", "MATCH (p:Person {id: 'kirill-dmitriev'}) RETURN p.name AS name"));
            assertEquals(200, cypher.status(), cypher.toString());
            assertEquals(
                    "Kirill Dmitriev", cypher.json().get("rows").get(0).get(0).asString());
        }
        Http.Answer stats = http.get("/api/stats");
        assertEquals(200, stats.status(), stats.toString());
    }
}
