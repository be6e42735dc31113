package parley.kb;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.io.ByteUnit;
import parley.metrics.Metrics;
import parley.neo4j.EmbeddedNeo4j;
import parley.neo4j.Graph;
import parley.neo4j.SchemaInitializer;
import parley.neo4j.TestGraphs;

/**
 * The two ways to a graph that {@code parley import} must agree on, read as {@link
 * GraphFingerprint} rows: a folder of documents loaded one by one through {@link KbLoader} (file
 * name order) into a fresh store, and an imported store opened as it is.
 */
public final class TransactionalLoad {

    private TransactionalLoad() {}

    /** Loads every {@code *.json} of {@code documents} into a new store in {@code home}. */
    public static List<String> loadAndRead(Path documents, Path home) {
        try (EmbeddedNeo4j neo4j = new EmbeddedNeo4j(home, "127.0.0.1", 0, 0, false, ByteUnit.mebiBytes(512));
                Driver driver = GraphDatabase.driver(neo4j.uri(), AuthTokens.none())) {
            try (Session s = driver.session()) {
                s.executeWrite(SchemaInitializer::create);
                s.executeWrite(SchemaInitializer::awaitIndexes);
            }
            Graph graph = TestGraphs.of(driver);
            KbLoader loader = new KbLoader(
                    graph,
                    new DocumentParser(),
                    new DocumentValidator(),
                    Metrics.unexposed(),
                    new SourceVersions(home.resolve("review").toString(), ObjectMapper.getDefault()),
                    2_000);
            for (Path f : files(documents)) {
                loader.load(Files.readAllBytes(f));
            }
            return GraphFingerprint.rows(graph);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of the store in {@code dataDir} (a service data directory). */
    public static List<String> read(Path dataDir) {
        try (EmbeddedNeo4j neo4j = new EmbeddedNeo4j(dataDir, "127.0.0.1", 0, 0, false, ByteUnit.mebiBytes(512));
                Driver driver = GraphDatabase.driver(neo4j.uri(), AuthTokens.none())) {
            return GraphFingerprint.rows(TestGraphs.of(driver));
        }
    }

    /** A digest of the rows, as {@link GraphFingerprint#of} gives it. */
    public static String digest(List<String> rows) {
        return GraphFingerprint.digest(rows);
    }

    private static List<Path> files(Path documents) throws IOException {
        try (Stream<Path> list = Files.list(documents)) {
            return list.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }
}
