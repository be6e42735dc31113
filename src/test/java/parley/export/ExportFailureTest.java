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
 * export when it reaches that node (the node is made last, so that what comes before it has been
 * sent). Over HTTP the client must see the response end in an error, not a clean end; from the
 * command line the exit status is 1 and no file is left behind.
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
        graph.writeTransaction(tx -> tx.run(
                        "CREATE (:Person:Actor {id: $id, name: 'Export Failure', aliases: ['a' + $us + 'b']})",
                        Map.of("id", BAD, "us", "\u001F"))
                .consume());
    }

    @AfterEach
    void removeIt() {
        graph.writeTransaction(tx ->
                tx.run("MATCH (n {id: $id}) DETACH DELETE n", Map.of("id", BAD)).consume());
    }

    @Test
    void anHttpExportThatFailsMidStreamEndsInAnErrorTheClientSees() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(server.getURI().resolve("/api/export/nodes.csv"))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        // The status line went out before the failure; what tells the client is the end of the body.
        assertEquals(200, response.statusCode());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        IOException e = assertThrows(IOException.class, () -> {
            try (InputStream in = response.body()) {
                in.transferTo(received);
            }
        });
        assertTrue(
                received.size() > 0,
                "the failure should come after part of the file was sent, to test the mid-stream case");
        System.out.printf(
                "export failure: %,d bytes received, then %s: %s%n",
                received.size(), e.getClass().getSimpleName(), e.getMessage());
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
