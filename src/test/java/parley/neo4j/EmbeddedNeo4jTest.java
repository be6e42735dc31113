package parley.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
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
