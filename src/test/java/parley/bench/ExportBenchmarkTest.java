package parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import parley.kb.RawLoader;
import parley.neo4j.CypherScript;

/**
 * Exports at scale with a bounded heap: a generated corpus ({@code -Dparley.bench.export.facts=N};
 * without it the test is skipped, so the full benchmark's duration is unchanged) is loaded into a
 * Neo4j of its own, then each export runs through the command line in a child JVM limited to
 * {@code -Xmx128m}. It completing proves the export streams; the sizes and times are printed and
 * written to {@code docs/exports.md} (and {@code target/benchmark-export.md}):
 *
 * <pre>
 * ./mvnw -B verify -Pbenchmark -Dtest=ExportBenchmarkTest -Dparley.bench.export.facts=1000000
 * </pre>
 */
@Tag("benchmark")
class ExportBenchmarkTest {

    static final String HEAP = "-Xmx128m";

    @Test
    void exportsStreamWithABoundedHeap() throws Exception {
        assumeTrue(
                System.getProperty("parley.bench.export.facts") != null,
                "Skipped: the export benchmark runs when -Dparley.bench.export.facts=N is given");
        long benchStarted = System.nanoTime();
        long facts = Long.getLong("parley.bench.export.facts", 100_000);
        Path dir = Files.createTempDirectory("parley-export-bench-");
        List<String> report = new ArrayList<>();
        report.add("# Exports at " + facts + " facts (each in a child JVM with " + HEAP + ")\n");
        report.add(String.format(
                "Machine: %d cores, load average %.1f at the start (shared machine: times drift).%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage()));
        report.add("| export | written | bytes | MB/s | seconds (JVM start to exit) |");
        report.add("|---|---|---:|---:|---:|");
        try (Neo4j neo4j =
                        Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
                Driver driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none())) {
            try (Session s = driver.session()) {
                for (String st : CypherScript.statements(CypherScript.read("schema.cypher"))) {
                    s.run(st).consume();
                }
            }
            long t = System.nanoTime();
            new CorpusGenerator(facts).generate(json -> RawLoader.load(driver, RawLoader.prepare(json), 2000));
            long nodes;
            long relationships;
            try (Session s = driver.session()) {
                nodes = s.run("MATCH (n) RETURN count(n) AS c")
                        .single()
                        .get("c")
                        .asLong();
                relationships = s.run("MATCH ()-[r]->() RETURN count(r) AS c")
                        .single()
                        .get("c")
                        .asLong();
            }
            report.add(
                    2,
                    "Loaded " + nodes + " nodes and " + relationships + " relationships in "
                            + (System.nanoTime() - t) / 1_000_000_000 + " s.\n");
            for (String format : List.of("graphml", "jsonl", "csv")) {
                Path out = dir.resolve(format.equals("csv") ? "csv" : "export." + format);
                long started = System.nanoTime();
                Process p = new ProcessBuilder(
                                javaBin(),
                                HEAP,
                                "-cp",
                                System.getProperty("java.class.path"),
                                "parley.export.Cli",
                                format,
                                "--uri",
                                neo4j.boltURI().toString(),
                                "--out",
                                out.toString())
                        .redirectErrorStream(true)
                        .start();
                String output = new String(p.getInputStream().readAllBytes());
                int status = p.waitFor();
                double seconds = (System.nanoTime() - started) / 1e9;
                assertEquals(0, status, format + " export under " + HEAP + " failed:\n" + output);
                long bytes;
                int files = 1;
                if (Files.isDirectory(out)) {
                    try (var list = Files.list(out)) {
                        List<Path> all = list.toList();
                        files = all.size();
                        bytes = 0;
                        for (Path f : all) {
                            bytes += Files.size(f);
                        }
                    }
                } else {
                    bytes = Files.size(out);
                }
                assertTrue(bytes > 0);
                report.add(String.format(
                        "| %s | %s | %,d | %.1f | %.1f |",
                        format,
                        files == 1
                                ? out.getFileName()
                                : files + " files (nodes.csv, relationships-TYPE.csv, import.sh)",
                        bytes,
                        bytes / 1e6 / seconds,
                        seconds));
            }
        }
        report.add("\nEach export is the command line (`parley.export.Cli`) in its own JVM with " + HEAP
                + ", against that Neo4j over Bolt, the whole graph; the time includes the JVM's start."
                + " Written by `ExportBenchmarkTest` on "
                + java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + ", " + (System.nanoTime() - benchStarted) / 1_000_000_000 + " s in all; the load average was "
                + String.format(
                        "%.1f",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                .getSystemLoadAverage())
                + " at the end. Command: `./mvnw -B verify -Pbenchmark -Dtest=ExportBenchmarkTest"
                + " -Dparley.bench.export.facts=" + facts + "`.");
        String text = String.join("\n", report) + "\n";
        System.out.println(text);
        Files.writeString(Path.of("target", "benchmark-export.md"), text);
        Files.writeString(Path.of("docs", "exports.md"), text);
        // The exports take hundreds of MB at 10^6 facts: not left in the temporary directory.
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
