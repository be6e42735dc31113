package parley.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import parley.SharedNeo4j;
import parley.TestNeo4j;
import parley.neo4j.Graph;

/**
 * An export that fails part-way must not look like a complete file. The failure here is a real
 * one: a node whose list value holds U+001F, the CSV export's array delimiter, which stops the CSV
 * export when it reaches that node (made after 200 filler nodes, so that usually part of the file
 * has been sent by then). Over HTTP the client must see an error — the body cut off after a 200,
 * or no response at all when the failure comes before the first chunk — never a clean end; from
 * the command line the exit status is 1 and no file is left behind.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportFailureTest implements SharedNeo4j {

    private static final String BAD = "export-failure-test-node";

    @Inject
    EmbeddedServer server;

    @Inject
    Graph graph;

    @BeforeEach
    void aNodeTheCsvExportCannotWrite() {
        // Filler nodes first (about 200 KB of CSV), so that the bad node usually comes after the
        // first 64 KiB chunk has been sent; the node scan's order is not guaranteed, so the test
        // accepts a failure before the first byte too (then no response at all).
        graph.writeTransaction(tx -> tx.run(
                        "UNWIND range(1, 200) AS i CREATE (:ExportFailureFiller {id: $id + '-filler-' + i,"
                                + " name: reduce(s = '', j IN range(1, 100) | s + 'filler ')})",
                        Map.of("id", BAD))
                .consume());
        graph.writeTransaction(tx -> tx.run(
                        "CREATE (:Person:Actor {id: $id, name: 'Export Failure', aliases: ['a' + $us + 'b']})",
                        Map.of("id", BAD, "us", "\u001F"))
                .consume());
    }

    @AfterEach
    void removeIt() {
        graph.writeTransaction(
                tx -> tx.run("MATCH (n) WHERE n.id = $id OR n:ExportFailureFiller DETACH DELETE n", Map.of("id", BAD))
                        .consume());
    }

    @Test
    void anHttpExportThatFailsEndsInAnErrorTheClientSeesNeverACleanEnd() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int[] status = {0};
        IOException e = assertThrows(IOException.class, () -> {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(server.getURI().resolve("/api/export/nodes.csv"))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            // The status line goes out with the first chunk; after it, what tells the client is
            // the end of the body: the connection closed without the last chunk.
            status[0] = response.statusCode();
            try (InputStream in = response.body()) {
                in.transferTo(received);
            }
        });
        System.out.printf(
                "export failure: status %s, %,d bytes received, then %s: %s%n",
                status[0] == 0 ? "none" : status[0],
                received.size(),
                e.getClass().getSimpleName(),
                e.getMessage());
        if (status[0] != 0) {
            assertEquals(200, status[0]);
            assertTrue(received.size() > 0, "a 200 with no body before the failure");
        }
    }

    @Test
    void theCommandLineExitsWithStatus1AndLeavesNoPartialFile(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path csv = dir.resolve("csv");
        int status = Cli.run(
                new String[] {"csv", "--out", csv.toString()},
                Map.of("NEO4J_URI", TestNeo4j.boltUri().toString()),
                new PrintStream(out),
                new PrintStream(err));
        assertEquals(1, status, out.toString());
        assertTrue(err.toString().contains("U+001F"), err.toString());
        assertTrue(err.toString().contains("nothing written"), err.toString());
        assertFalse(Files.exists(csv), "the directory the failed export made is left behind");
    }

    @Test
    void theCommandLineKeepsAnEarlierFileWhenTheExportFails(@TempDir Path dir) throws Exception {
        // Into an existing directory with a file of its own: that file stays, no partial one appears.
        Path csv = Files.createDirectories(dir.resolve("csv"));
        Files.writeString(csv.resolve("notes.txt"), "mine");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(
                new String[] {"csv", "--out", csv.toString()},
                Map.of("NEO4J_URI", TestNeo4j.boltUri().toString()),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertEquals(1, status, err.toString());
        try (var files = Files.list(csv)) {
            assertEquals(List.of(csv.resolve("notes.txt")), files.toList());
        }
    }
}
