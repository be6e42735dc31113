package parley.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    static final String NEO4J_PASSWORD = "crash-test-neo4j-password";
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
        launch(false);
        awaitUp(null, 240);
    }

    /** Starts the service as a child JVM on {@link #home}, its output appended to service.log. */
    private void launch(boolean loadOnStart) throws Exception {
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
        env.put("PARLEY_NEO4J_PASSWORD", NEO4J_PASSWORD);
        env.put("PARLEY_KB_LOAD_ON_START", String.valueOf(loadOnStart));
        // These starts load the bundled documents one by one, to be killed half-way; a jar built
        // before leaves the packed store of a first start in target/classes.
        env.put("PARLEY_KB_SEED_STORE", "false");
        env.remove("NEO4J_URI");
        builder.redirectErrorStream(true);
        builder.redirectOutput(
                ProcessBuilder.Redirect.appendTo(home.resolve("service.log").toFile()));
        service = builder.start();
    }

    /**
     * Waits for {@code /health} UP; every DOWN answer on the way whose reason mentions the bundled
     * documents is added to {@code down} (when not null).
     */
    private void awaitUp(List<String> down, int seconds) throws Exception {
        Http http = http();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            assertTrue(service.isAlive(), "the service exited; see " + home.resolve("service.log"));
            try {
                Http.Answer health = http.get("/health");
                if (health.status() == 200) {
                    return;
                }
                if (down != null && health.body().contains("bundled documents")) {
                    down.add(health.json().get("error").asString());
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(down == null ? 250 : 50);
        }
        throw new AssertionError(
                "the service did not start within " + seconds + " s; see " + home.resolve("service.log"));
    }

    private Http http() {
        return new Http("http://127.0.0.1:" + httpPort);
    }

    /** What the service was doing at the kill: whether a transaction of the load was open in Neo4j. */
    private String phase() {
        try (Driver driver =
                GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", NEO4J_PASSWORD))) {
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
        try (Driver driver =
                GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", NEO4J_PASSWORD))) {
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

    /** Sources, nodes and relationships of the knowledge (the write-lock node left out). */
    private Map<String, Long> knowledge() {
        try (Driver driver =
                GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", NEO4J_PASSWORD))) {
            Record r = driver.executableQuery("""
                    MATCH (n) WHERE NOT n:KbWriteLock WITH count(n) AS nodes
                    OPTIONAL MATCH ()-[r]->() WITH nodes, count(r) AS relationships
                    OPTIONAL MATCH (s:Source)
                    RETURN nodes, relationships, count(s) AS sources
                    """).execute().records().getFirst();
            Map<String, Long> counts = new LinkedHashMap<>();
            r.keys().forEach(k -> counts.put(k, r.get(k).asLong()));
            return counts;
        }
    }

    /**
     * Issue 16, finding 6: a first start killed with SIGKILL at each bundled article completes on
     * a later start. One store goes through a chain: the first start is killed once the schema is
     * in (before the first article commits), the next start resumes and is killed after it loaded
     * one more article, and so on, until a start finishes. Each start loads only what is missing,
     * beginning where the one before was killed, and answers {@code /health} DOWN while it loads;
     * the graph at the end is the one an uninterrupted first start gives.
     */
    @Test
    void aFirstStartKilledAtEachBundledArticleIsCompletedByTheNext() throws Exception {
        List<String> ids = BundledDocuments.names().stream()
                .map(n -> n.replaceFirst("\\.json$", ""))
                .toList();
        int bundled = ids.size();
        httpPort = freePort();
        boltPort = freePort();
        browserPort = freePort();
        StringBuilder report = new StringBuilder();
        report.append("| start | killed | what the start loaded (log) | `/health` DOWN answers seen"
                + " (first reason) |\n|---|---|---|---|\n");
        Map<String, Long> reference;
        home = Files.createTempDirectory("parley-first-start-");
        try {
            launch(true);
            awaitUp(null, 600);
            reference = knowledge();
            assertEquals((long) bundled, reference.get("sources"));
        } finally {
            service.destroyForcibly().waitFor();
            deleteRecursively(home.toFile());
        }
        home = Files.createTempDirectory("parley-first-start-");
        try {
            int committed = 0;
            for (int start = 0; start <= bundled; start++) {
                int logLinesBefore = logLines();
                launch(true);
                List<String> down = new ArrayList<>();
                String killed;
                if (start < bundled) {
                    // Killed once the schema is in (the first start) or one more article is loaded.
                    String mark = start == 0 ? "Schema applied" : ": missing, loaded";
                    watchHealthUntil(down, logLinesBefore, mark);
                    service.destroyForcibly().waitFor();
                    killed = start == 0 ? "after the schema, before any article" : "after loading one article";
                } else {
                    awaitUp(down, 600);
                    killed = "no: `/health` UP";
                }
                List<String> loaded = loadedSince(logLinesBefore);
                // A kill may land after a commit and before its log line: what the next start
                // finds decides; each start must begin where the one before stopped.
                assertTrue(
                        loaded.isEmpty()
                                || loaded.getFirst().equals(ids.get(committed))
                                || loaded.getFirst().equals(ids.get(Math.min(committed + 1, bundled - 1))),
                        "start " + start + " resumes at article " + committed + ": " + loaded);
                if (!loaded.isEmpty()) {
                    committed = ids.indexOf(loaded.getLast()) + 1;
                }
                if (!loaded.isEmpty()) {
                    assertFalse(down.isEmpty(), "/health was DOWN while start " + start + " loaded " + loaded);
                }
                report.append("| ")
                        .append(start + 1)
                        .append(" | ")
                        .append(killed)
                        .append(" | ")
                        .append(loaded)
                        .append(" | ")
                        .append(down.size())
                        .append(down.isEmpty() ? "" : " (" + down.getFirst() + ")")
                        .append(" |\n");
            }
            Map<String, Long> after = knowledge();
            assertEquals(reference, after, "the resumed first start ends as an uninterrupted one");
            report.append("\nAn uninterrupted first start: ")
                    .append(reference)
                    .append("; the interrupted one, completed: ")
                    .append(after)
                    .append(".\n");
        } finally {
            if (service != null) {
                service.destroyForcibly().waitFor();
            }
            deleteRecursively(home.toFile());
        }
        RobustnessReport.write("first-start", report.toString());
    }

    /** Polls /health (noting DOWN answers about bundled documents) until the log since a line has {@code mark}. */
    private void watchHealthUntil(List<String> down, int fromLine, String mark) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        Http http = http();
        while (true) {
            List<String> lines = Files.readAllLines(home.resolve("service.log"));
            if (lines.subList(Math.min(fromLine, lines.size()), lines.size()).stream()
                    .anyMatch(l -> l.contains(mark))) {
                return;
            }
            assertTrue(service.isAlive(), "the service exited; see " + home.resolve("service.log"));
            assertTrue(System.nanoTime() < deadline, "no '" + mark + "' within 600 s");
            try {
                Http.Answer health = http.get("/health");
                if (health.status() != 200 && health.body().contains("bundled documents")) {
                    down.add(health.json().get("error").asString());
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
    }

    private int logLines() throws IOException {
        Path log = home.resolve("service.log");
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    /** The sources a start logged as loaded, in order, from a line of service.log on. */
    private List<String> loadedSince(int fromLine) throws IOException {
        List<String> lines = Files.readAllLines(home.resolve("service.log"));
        return lines.subList(Math.min(fromLine, lines.size()), lines.size()).stream()
                .filter(l -> l.contains(": missing, loaded"))
                .map(l -> l.substring(l.indexOf(" - ") + 3, l.indexOf(": missing")))
                .toList();
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
