package parley.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Suite 5: the service in external mode against a Neo4j of its own; the database stops while the
 * service runs (reads answer 503 {@code database_unavailable}, /health is 503 DOWN), then a new one
 * starts on the same port (it comes back empty: data need not persist) and the service recovers
 * by itself within seconds, schema included, without a restart.
 */
@Tag("slow")
class OutageRobustnessTest {

    static final List<String> READS = List.of(
            "/api/stats",
            "/api/actors?q=Witkoff",
            "/api/meetings",
            "/api/timeline",
            "/api/search?q=Kiev",
            "/api/claims?contested=true",
            "/api/sources");

    static Neo4j database(int port) {
        return Neo4jBuilders.newInProcessBuilder()
                .withDisabledServer()
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .build();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anOutageIsReportedAndRecoveredFromWithoutARestart() throws Exception {
        int port = freePort();
        Neo4j first = database(port);
        boolean firstClosed = false;
        Map<String, Object> properties = Map.of(
                "micronaut.server.port",
                -1,
                "neo4j.uri",
                "bolt://127.0.0.1:" + port,
                "neo4j.connection-timeout",
                "2s",
                "parley.kb.load-on-start",
                false);
        StringBuilder report = new StringBuilder();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            Http http = new Http(server.getURL().toString());
            assertEquals(200, http.get("/health").status());
            READS.forEach(path -> assertEquals(200, http.get(path).status(), path));

            first.close();
            firstClosed = true;
            long stopped = System.nanoTime();
            long slowest = 0;
            for (String path : READS) {
                long t0 = System.nanoTime();
                Http.Answer answer = http.get(path);
                slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
                assertEquals(503, answer.status(), path + ": " + answer);
                assertEquals("database_unavailable", answer.error(), answer.toString());
                assertTrue(answer.json().get("message").asString().contains("unavailable"), answer.toString());
            }
            Http.Answer health = http.get("/health");
            assertEquals(503, health.status(), health.toString());
            assertEquals("DOWN", health.json().get("status").asString());
            long reported = (System.nanoTime() - stopped) / 1_000_000;
            report.append("- database stopped: ")
                    .append(READS.size())
                    .append(" read endpoints answered 503 `database_unavailable` and `/health` 503 DOWN; the slowest")
                    .append(" answer took ")
                    .append(slowest)
                    .append(
                            " ms (the driver's retries, `neo4j.max-retry-time`); the eight requests, one after another, ")
                    .append(reported)
                    .append(" ms in all\n");

            Neo4j second = database(port);
            try {
                long started = System.nanoTime();
                long deadline = started + 30_000_000_000L;
                int status = 0;
                while (System.nanoTime() < deadline) {
                    status = http.get("/health").status();
                    if (status == 200) {
                        break;
                    }
                    Thread.sleep(200);
                }
                long recovered = (System.nanoTime() - started) / 1_000_000;
                assertEquals(200, status, "the service did not recover within 30 s");
                assertTrue(recovered < 15_000, "recovery took " + recovered + " ms");
                READS.forEach(path -> assertEquals(200, http.get(path).status(), path));
                long schemaDeadline = System.nanoTime() + 15_000_000_000L;
                long constraints = 0;
                while (System.nanoTime() < schemaDeadline && constraints < 13) {
                    try (var session = second.defaultDatabaseService().beginTx()) {
                        constraints = session.execute("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")
                                .<Long>columnAs("n")
                                .next();
                    }
                    Thread.sleep(200);
                }
                long schemaBack = (System.nanoTime() - started) / 1_000_000;
                assertEquals(13, constraints, "the schema is re-applied on the database that came back");
                report.append("- database started again (empty, same port): `/health` UP and every read 200 after ")
                        .append(recovered)
                        .append(" ms, the 13 constraints re-applied after ")
                        .append(schemaBack)
                        .append(" ms, no restart of the service\n");
            } finally {
                second.close();
            }
        } finally {
            if (!firstClosed) {
                first.close();
            }
        }
        RobustnessReport.write("outage", report.toString());
    }
}
