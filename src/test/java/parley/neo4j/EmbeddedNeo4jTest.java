package parley.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import parley.StartupException;

class EmbeddedNeo4jTest {

    private static final long PAGE_CACHE = 16L * 1024 * 1024;

    /** A login with a generated password, kept in the data directory across the restart. */
    private static final EmbeddedNeo4j.Limits LOGIN = new EmbeddedNeo4j.Limits(true, "", 0, 0);

    @TempDir
    Path dataDir;

    @Test
    void whatWasWrittenIsStillThereAfterARestartOnTheSameDirectory() {
        try (EmbeddedNeo4j first = new EmbeddedNeo4j(dataDir, "127.0.0.1", 0, 0, false, PAGE_CACHE, LOGIN);
                Driver driver = GraphDatabase.driver(first.uri(), first.authToken())) {
            driver.executableQuery("CREATE (:Person {id: 'kirill-dmitriev', name: 'Kirill Dmitriev'})")
                    .execute();
        }

        try (EmbeddedNeo4j second = new EmbeddedNeo4j(dataDir, "127.0.0.1", 0, 0, false, PAGE_CACHE, LOGIN);
                Driver driver = GraphDatabase.driver(second.uri(), second.authToken())) {
            String name = driver.executableQuery("MATCH (p:Person {id: 'kirill-dmitriev'}) RETURN p.name AS name")
                    .execute()
                    .records()
                    .getFirst()
                    .get("name")
                    .asString();
            assertEquals("Kirill Dmitriev", name);
        }
        assertTrue(Files.isDirectory(dataDir.resolve("data/databases/neo4j")), "the store lives in the data dir");
    }

    @Test
    void aChangedPasswordTakesEffectAndAnUnchangedOneIsNotSetAgain() {
        EmbeddedNeo4j.Limits first = new EmbeddedNeo4j.Limits(true, "first-password-1", 0, 0);
        EmbeddedNeo4j.Limits second = new EmbeddedNeo4j.Limits(true, "second-password-2", 0, 0);
        try (EmbeddedNeo4j neo4j = new EmbeddedNeo4j(dataDir, "127.0.0.1", 0, 0, false, PAGE_CACHE, first)) {
            assertTrue(neo4j.passwordSet(), "a first start sets the password");
            assertLogsIn(neo4j, "first-password-1");
        }
        try (EmbeddedNeo4j neo4j = new EmbeddedNeo4j(dataDir, "127.0.0.1", 0, 0, false, PAGE_CACHE, second)) {
            assertTrue(neo4j.passwordSet(), "another configured password is set");
            assertLogsIn(neo4j, "second-password-2");
            try (Driver old = GraphDatabase.driver(neo4j.uri(), AuthTokens.basic("neo4j", "first-password-1"))) {
                assertThrows(AuthenticationException.class, old::verifyConnectivity);
            }
        }
        try (EmbeddedNeo4j neo4j = new EmbeddedNeo4j(dataDir, "127.0.0.1", 0, 0, false, PAGE_CACHE, second)) {
            assertFalse(neo4j.passwordSet(), "the stored password is already this one");
            assertLogsIn(neo4j, "second-password-2");
        }
    }

    private static void assertLogsIn(EmbeddedNeo4j neo4j, String password) {
        try (Driver driver = GraphDatabase.driver(neo4j.uri(), AuthTokens.basic("neo4j", password))) {
            driver.verifyConnectivity();
        }
    }

    @Test
    void aTakenBoltPortIsReportedWithTheVariableToChange() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            StartupException e = assertThrows(
                    StartupException.class,
                    () -> new EmbeddedNeo4j(dataDir, "127.0.0.1", taken.getLocalPort(), 0, false, PAGE_CACHE));
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains("PARLEY_BOLT_PORT"), e.getMessage());
        }
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsReportedWithTheVariableToChange() throws IOException {
        Path file = Files.writeString(dataDir.resolve("not-a-directory"), "x");
        StartupException e = assertThrows(
                StartupException.class,
                () -> new EmbeddedNeo4j(file.resolve("data"), "127.0.0.1", 0, 0, false, PAGE_CACHE));
        assertTrue(e.getMessage().contains("PARLEY_DATA_DIR"), e.getMessage());
    }
}
