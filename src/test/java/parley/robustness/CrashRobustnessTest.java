package parley.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import parley.kb.BundledDocuments;
import parley.kb.TestDocuments;

/**
 * Suite 4: the service runs as a child JVM on its embedded Neo4j; while it loads a large document
 * it is killed with SIGKILL, at several points. After each restart the graph holds all of that
 * document or none of it, every constraint holds (no id twice), and everything committed before
 * is still there.
 */
@Tag("slow")
class CrashRobustnessTest {

    static final String TOKEN = "crash-test-token-0123456789";
    static final int STATEMENTS = 4000;
    static final long[] KILL_AFTER_MILLIS = {500, 3000, 8000, 15000, 25000, 45000};

    private Path home;
    private int httpPort;
    private int boltPort;
    private int browserPort;
    private Process service;

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A large, valid document: thousands of statements, each quoting a real sentence of article 000. */
    static byte[] largeDocument(String source) {
        String text = TestDocuments.bundled("article-000").get("text").asString();
        List<String> sentences = new ArrayList<>();
        for (String s : Pattern.compile("(?<=[.!?\"”])\\s+").split(text)) {
            String sentence = s.strip();
            if (sentence.length() >= 20 && sentence.length() <= 4000 && text.contains(sentence)) {
                sentences.add(sentence);
            }
        }
        var doc = TestDocuments.over("article-000", source)
                .published("2025-12-18")
                .entity(source + "-topic", "Topic", "Crash test topic", Map.of());
        for (int i = 0; i < STATEMENTS; i++) {
            String sentence = sentences.get(i % sentences.size());
            String id = source + "-statement-" + i;
            doc.fact(id, "Statement", Map.of("text", sentence), sentence);
            doc.relationship(id, "ABOUT", source + "-topic", Map.of(), sentence);
        }
        return doc.bytes();
    }

    private void start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules=jdk.incubator.vector",
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                "parley.Application"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("PARLEY_DATA_DIR", home.toString());
        env.put("MICRONAUT_SERVER_PORT", String.valueOf(httpPort));
        env.put("PARLEY_BOLT_PORT", String.valueOf(boltPort));
        env.put("PARLEY_HTTP_PORT", String.valueOf(browserPort));
        env.put("PARLEY_BROWSER_ENABLED", "false");
        env.put("PARLEY_PAGECACHE", "64m");
        env.put("PARLEY_API_TOKEN", TOKEN);
        env.put("PARLEY_KB_LOAD_ON_START", "false");
        env.remove("NEO4J_URI");
        builder.redirectErrorStream(true);
        builder.redirectOutput(
                ProcessBuilder.Redirect.appendTo(home.resolve("service.log").toFile()));
        service = builder.start();
        Http http = http();
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (System.nanoTime() < deadline) {
            assertTrue(service.isAlive(), "the service exited; see " + home.resolve("service.log"));
            try {
                if (http.get("/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not start within 240 s; see " + home.resolve("service.log"));
    }

    private Http http() {
        return new Http("http://127.0.0.1:" + httpPort);
    }

    /** What the service was doing at the kill: whether a transaction of the load was open in Neo4j. */
    private String phase() {
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.none())) {
            long writing = driver.executableQuery(
                            "SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW'"
                                    + " AND NOT currentQuery STARTS WITH 'RETURN 1' RETURN count(*) AS n")
                    .execute()
                    .records()
                    .getFirst()
                    .get("n")
                    .asLong();
            return writing > 0 ? "in a transaction of the load" : "outside any transaction (parsing, validating, done)";
        } catch (RuntimeException e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    private Map<String, Object> state(String source) {
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.none())) {
            Map<String, Object> state = new LinkedHashMap<>();
            Record r = driver.executableQuery("""
                    MATCH (n) WITH count(n) AS nodes
                    OPTIONAL MATCH ()-[r]->() WITH nodes, count(r) AS relationships
                    OPTIONAL MATCH (s:Statement) WHERE s.id STARTS WITH $prefix
                    WITH nodes, relationships, count(s) AS statements
                    OPTIONAL MATCH (:Statement)-[a:ABOUT]->(:Topic {id: $topic})
                    WITH nodes, relationships, statements, count(a) AS about
                    OPTIONAL MATCH (src:Source {id: $source})
                    RETURN nodes, relationships, statements, about, count(src) AS source
                    """)
                    .withParameters(
                            Map.of("prefix", source + "-statement-", "topic", source + "-topic", "source", source))
                    .execute()
                    .records()
                    .getFirst();
            r.keys().forEach(k -> state.put(k, r.get(k).asLong()));
            state.put(
                    "duplicateIds",
                    driver.executableQuery(
                                    "MATCH (n) WHERE n.id IS NOT NULL WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS n")
                            .execute()
                            .records()
                            .getFirst()
                            .get("n")
                            .asLong());
            state.put(
                    "constraints",
                    driver.executableQuery("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")
                            .execute()
                            .records()
                            .getFirst()
                            .get("n")
                            .asLong());
            return state;
        }
    }

    @Test
    void aKillDuringALoadLeavesAllOrNothing() throws Exception {
        home = Files.createTempDirectory("parley-crash-");
        httpPort = freePort();
        boltPort = freePort();
        browserPort = freePort();
        StringBuilder report = new StringBuilder();
        report.append(
                "| kill after | answer before the kill | the service was | after restart: statements of the document | source | nodes before → after | constraints | duplicate ids |\n");
        report.append("|---|---|---|---|---|---|---|---|\n");
        try {
            start();
            Map<String, String> headers =
                    Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN);
            Http.Answer base =
                    http().post("/api/documents", BundledDocuments.read("kb/sources/article-000.json"), headers);
            assertEquals(201, base.status(), base.toString());
            int all = 0;
            int none = 0;
            for (int k = 0; k < KILL_AFTER_MILLIS.length; k++) {
                String source = "crash-" + k;
                byte[] document = largeDocument(source);
                Map<String, Object> before = state(source);
                CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                    try {
                        return String.valueOf(
                                http().post("/api/documents", document, headers).status());
                    } catch (RuntimeException e) {
                        return "connection lost";
                    }
                });
                Thread.sleep(KILL_AFTER_MILLIS[k]);
                String phase = phase();
                String answered = answer.isDone() ? answer.get() : "none yet";
                service.destroyForcibly().waitFor();
                String seen = answer.isDone() ? answer.get() : answered;
                start();
                Map<String, Object> after = state(source);
                long statements = (Long) after.get("statements");
                long about = (Long) after.get("about");
                long sourceNodes = (Long) after.get("source");
                boolean whole = statements == STATEMENTS && about == STATEMENTS && sourceNodes == 1;
                boolean nothing = statements == 0 && about == 0 && sourceNodes == 0;
                assertTrue(
                        whole || nothing, "half a document after a kill at " + KILL_AFTER_MILLIS[k] + " ms: " + after);
                long added = whole ? STATEMENTS + 2 : 0;
                assertEquals(
                        (Long) before.get("nodes") + added, after.get("nodes"), "what was committed before is there");
                assertEquals(0L, after.get("duplicateIds"));
                assertEquals(14L, after.get("constraints"));
                if (whole) {
                    all++;
                } else {
                    none++;
                }
                report.append("| ")
                        .append(KILL_AFTER_MILLIS[k])
                        .append(" ms | ")
                        .append(seen)
                        .append(" | ")
                        .append(phase)
                        .append(" | ")
                        .append(statements)
                        .append(" of ")
                        .append(STATEMENTS)
                        .append(whole ? " (all)" : " (none)")
                        .append(" | ")
                        .append(sourceNodes)
                        .append(" | ")
                        .append(before.get("nodes"))
                        .append(" → ")
                        .append(after.get("nodes"))
                        .append(" | ")
                        .append(after.get("constraints"))
                        .append(" | ")
                        .append(after.get("duplicateIds"))
                        .append(" |\n");
            }
            report.append("\n")
                    .append(KILL_AFTER_MILLIS.length)
                    .append(" kills: ")
                    .append(all)
                    .append(" left the whole document, ")
                    .append(none)
                    .append(" none of it; never a part.\n");
        } finally {
            if (service != null) {
                service.destroyForcibly().waitFor();
            }
        }
        RobustnessReport.write("crash", report.toString());
        deleteRecursively(home.toFile());
    }

    private static void deleteRecursively(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteRecursively(child);
            }
        }
        file.delete();
    }
}
