package parley.export;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import parley.kb.GraphFingerprint;
import parley.neo4j.EmbeddedNeo4j;
import parley.neo4j.TestGraphs;

/**
 * Imports CSV files with Neo4j's own importer ({@code neo4j-admin database import full}, run
 * in-process through its command line) into a fresh store, starts Neo4j on that store and
 * returns the canonical rows of {@link GraphFingerprint}.
 */
final class ImportRoundTrip {

    private ImportRoundTrip() {}

    static java.util.List<String> importAndRead(Path home, Path nodes, java.util.List<Path> relationships)
            throws Exception {
        Files.createDirectories(home.resolve("conf"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(log, true);
        // The database name last, after an option with a value: --relationships takes several files.
        java.util.List<String> args =
                new java.util.ArrayList<>(java.util.List.of("database", "import", "full", "--nodes=" + nodes));
        relationships.forEach(r -> args.add("--relationships=" + r));
        args.addAll(java.util.List.of("--array-delimiter=U+001F", "--multiline-fields=true", "neo4j"));
        int status = AdminTool.execute(
                new ExecutionContext(home, home.resolve("conf"), print, print, new DefaultFileSystemAbstraction()),
                args.toArray(String[]::new));
        if (status != 0) {
            throw new AssertionError("neo4j-admin database import failed (" + status + "):\n" + log);
        }
        try (EmbeddedNeo4j neo4j = new EmbeddedNeo4j(home, "127.0.0.1", 0, 0, false, ByteUnit.mebiBytes(32));
                Driver driver = GraphDatabase.driver(neo4j.uri(), AuthTokens.none())) {
            return GraphFingerprint.rows(TestGraphs.of(driver));
        }
    }
}
