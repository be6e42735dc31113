package parley.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * With non-default ports, what Neo4j Browser is given follows the configuration: the Bolt address
 * it pre-fills, the guide's CORS origin, and no outgoing calls or usage-data banner.
 */
class ConfiguredAddressesTest {

    /** The embedded Neo4j asks for a login (issue 16); this test sets the password it uses. */
    private static final String PASSWORD = "configured-addresses-test";

    @TempDir
    Path dataDir;

    @Test
    void browserGetsTheConfiguredAddressesAndAWorkingGuide() throws Exception {
        int boltPort = freePort();
        int httpPort = freePort();
        assertNotEquals(7474, httpPort);
        Map<String, Object> properties = Map.of(
                "micronaut.server.port",
                -1,
                "parley.data.dir",
                dataDir.toString(),
                "parley.listen.address",
                "127.0.0.1",
                "parley.bolt.port",
                boltPort,
                "parley.http.port",
                httpPort,
                "parley.pagecache",
                "16m",
                "parley.neo4j.password",
                PASSWORD);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
                HttpClient http = HttpClient.newHttpClient()) {
            // Browser's discovery document: where it pre-fills the connect URL from.
            HttpResponse<String> discovery = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/"))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, discovery.statusCode());
            assertTrue(
                    discovery.body().contains("\"bolt_direct\":\"bolt://127.0.0.1:" + boltPort + "\""),
                    discovery.body());
            assertFalse(discovery.body().contains(":7687"), discovery.body());

            // The guide, fetched by Browser from its own origin on the configured port.
            URI guide = server.getURI().resolve("/guide/parley.html");
            for (String origin : new String[] {"http://localhost:" + httpPort, "http://127.0.0.1:" + httpPort}) {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(guide).header("Origin", origin).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode());
                assertEquals(
                        origin,
                        answer.headers()
                                .firstValue("Access-Control-Allow-Origin")
                                .orElse(null),
                        origin);
                assertTrue(answer.body().contains("<slide"), "the guide itself");
            }
            HttpResponse<String> otherInstance = http.send(
                    HttpRequest.newBuilder(guide)
                            .header("Origin", "http://localhost:7474")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(
                    otherInstance
                            .headers()
                            .firstValue("Access-Control-Allow-Origin")
                            .isEmpty(),
                    "another instance's Browser is not an allowed origin");

            // What Browser reads through dbms.clientConfig(): no outgoing calls, no telemetry.
            Map<String, String> clientConfig = new HashMap<>();
            try (Driver driver =
                            GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", PASSWORD));
                    Session session = driver.session()) {
                session.run("CALL dbms.clientConfig()")
                        .forEachRemaining(r -> clientConfig.put(
                                r.get("name").asString(), r.get("value").asString()));
            }
            assertEquals("false", clientConfig.get("browser.allow_outgoing_connections"), clientConfig.toString());
            assertEquals("false", clientConfig.get("client.allow_telemetry"), clientConfig.toString());
        }
    }

    @Test
    void listeningOnEveryInterfaceTheServiceConnectsThroughLoopbackAndAdvertisesLocalhost() {
        URI wildcard = URI.create("bolt://0.0.0.0:7690/");
        assertEquals(URI.create("bolt://127.0.0.1:7690/"), EmbeddedSettings.reachable(wildcard, "0.0.0.0"));
        assertEquals(
                "bolt://127.0.0.1:7691/",
                EmbeddedSettings.reachable(URI.create("bolt://127.0.0.1:7691/"), "0.0.0.0")
                        .toString());
        assertEquals(
                URI.create("bolt://127.0.0.1:7692/"),
                EmbeddedSettings.reachable(URI.create("bolt://0:0:0:0:0:0:0:0:7692/"), "0.0.0.0"));
        assertEquals(wildcard, EmbeddedSettings.reachable(wildcard, "10.0.0.5"));
        assertEquals("localhost", EmbeddedSettings.advertisedHost("0.0.0.0"));
        assertEquals("10.0.0.5", EmbeddedSettings.advertisedHost("10.0.0.5"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
