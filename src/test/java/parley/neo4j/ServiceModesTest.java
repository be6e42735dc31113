package parley.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import parley.StartupException;
import parley.TestNeo4j;
import parley.health.Health;

/** The whole service started the two ways a user starts it: embedded default and NEO4J_URI. */
class ServiceModesTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutNeo4jUriTheServiceRunsItsOwnNeo4jAndServesNeo4jBrowser() throws Exception {
        Map<String, Object> properties = Map.of(
                "micronaut.server.port", -1,
                "parley.data.dir", dataDir.toString(),
                "parley.bolt.port", 0,
                "parley.http.port", 0,
                "parley.pagecache", "16m");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
                HttpClient client = HttpClient.create(server.getURL())) {
            EmbeddedNeo4j embedded = server.getApplicationContext().getBean(EmbeddedNeo4j.class);
            assertEquals(embedded, server.getApplicationContext().getBean(BoltEndpoint.class));

            Health health = client.toBlocking().retrieve("/health", Health.class);
            assertEquals("UP", health.status());
            assertEquals(embedded.uri().toString(), health.neo4j());

            try (var http = java.net.http.HttpClient.newHttpClient()) {
                HttpResponse<String> browser = http.send(
                        HttpRequest.newBuilder(embedded.httpUri().resolve("/browser/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, browser.statusCode());
                assertTrue(browser.body().contains("Neo4j Browser"), "the Browser page is served");
            }
        }
    }

    @Test
    void theEmbeddedBoltRefusesAStrangerAndAcceptsTheServicesCredentials() throws Exception {
        Map<String, Object> properties = Map.of(
                "micronaut.server.port",
                -1,
                "parley.data.dir",
                dataDir.toString(),
                "parley.bolt.port",
                0,
                "parley.browser.enabled",
                false,
                "parley.pagecache",
                "16m");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
                HttpClient client = HttpClient.create(server.getURL())) {
            EmbeddedNeo4j embedded = server.getApplicationContext().getBean(EmbeddedNeo4j.class);
            assertEquals(
                    "UP", client.toBlocking().retrieve("/health", Health.class).status());

            Path file = dataDir.resolve(EmbeddedNeo4j.PASSWORD_FILE);
            assertEquals(
                    PosixFilePermissions.fromString("rw-------"),
                    Files.getPosixFilePermissions(file),
                    "the generated password is readable by its owner only");
            String password = Files.readString(file).strip();
            assertTrue(password.length() >= 20, "a generated password of " + password.length() + " characters");

            try (Driver stranger = GraphDatabase.driver(embedded.uri(), AuthTokens.none())) {
                assertThrows(AuthenticationException.class, stranger::verifyConnectivity);
            }
            try (Driver guesser = GraphDatabase.driver(embedded.uri(), AuthTokens.basic("neo4j", "neo4j"))) {
                assertThrows(AuthenticationException.class, guesser::verifyConnectivity);
            }
            try (Driver user = GraphDatabase.driver(embedded.uri(), AuthTokens.basic("neo4j", password))) {
                long people = user.executableQuery("MATCH (p:Person {id: 'kirill-dmitriev'}) RETURN count(p) AS n")
                        .execute()
                        .records()
                        .getFirst()
                        .get("n")
                        .asLong();
                assertEquals(1, people, "with the credentials, the graph is there to read");
            }
        }
    }

    @Test
    void listeningBeyondLoopbackWithoutAuthenticationIsRefusedAtStart() {
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> ApplicationContext.run(
                        EmbeddedServer.class,
                        Map.of(
                                "micronaut.server.port",
                                -1,
                                "parley.data.dir",
                                dataDir.toString(),
                                "parley.listen.address",
                                "0.0.0.0",
                                "parley.neo4j.auth",
                                false,
                                "parley.bolt.port",
                                0,
                                "parley.http.port",
                                0)));
        String message = parley.Application.rootMessage(e);
        assertTrue(message.contains("without authentication"), message);
        assertTrue(message.contains("PARLEY_NEO4J_AUTH"), message);
        assertTrue(findStartupException(e), "the cause chain holds a StartupException");
    }

    @Test
    void withNeo4jUriNothingEmbeddedStartsAndTheServerIsUsed() {
        URI external = TestNeo4j.boltUri();
        try (EmbeddedServer server = ApplicationContext.run(
                        EmbeddedServer.class, Map.of("micronaut.server.port", -1, "neo4j.uri", external.toString()));
                HttpClient client = HttpClient.create(server.getURL())) {
            assertFalse(server.getApplicationContext().containsBean(EmbeddedNeo4j.class));
            assertInstanceOf(ExternalNeo4j.class, server.getApplicationContext().getBean(BoltEndpoint.class));
            Health health = client.toBlocking().retrieve("/health", Health.class);
            assertEquals("UP", health.status());
            assertEquals(external.toString(), health.neo4j());
        }
    }

    @Test
    void anUnreachableNeo4jUriFailsTheStartWithAMessageNamingIt() {
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> ApplicationContext.run(
                        EmbeddedServer.class,
                        Map.of(
                                "micronaut.server.port", -1,
                                "neo4j.uri", "bolt://127.0.0.1:1",
                                "neo4j.connection-timeout", "2s")));
        String message = parley.Application.rootMessage(e);
        assertTrue(message.contains("Cannot connect to external Neo4j at bolt://127.0.0.1:1"), message);
        assertTrue(message.contains("NEO4J_URI"), message);
        assertTrue(findStartupException(e), "the cause chain holds a StartupException");
    }

    private static boolean findStartupException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StartupException) {
                return true;
            }
        }
        return false;
    }
}
