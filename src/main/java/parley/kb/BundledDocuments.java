package parley.kb;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.health.Readiness;
import parley.neo4j.Graph;
import parley.neo4j.SchemaInitializer;

/**
 * The source documents shipped with the service ({@code kb/bundled.txt} lists them, in load
 * order). Loaded at start into a database that holds no source yet, so the run command alone
 * gives the full graph; {@link #reload()} loads them again on demand.
 */
@Context
public final class BundledDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(BundledDocuments.class);
    private static final String INDEX = "kb/bundled.txt";
    private static final String READINESS_KEY = "bundled-documents";

    private final KbLoader loader;

    BundledDocuments(
            KbLoader loader,
            Graph graph,
            SchemaInitializer schema,
            Readiness readiness,
            @Value("${parley.kb.load-on-start:true}") boolean loadOnStart) {
        this.loader = loader;
        if (!loadOnStart) {
            return;
        }
        long sources = graph.read("MATCH (s:Source) RETURN count(s) AS n", Map.of())
                .records()
                .getFirst()
                .get("n")
                .asLong();
        if (sources == 0) {
            LOG.info("No source in the database yet: loading the bundled documents");
            readiness.pending(READINESS_KEY, "the bundled documents are being loaded");
            reload();
            readiness.done(READINESS_KEY);
        } else {
            LOG.info("The database holds {} source(s): bundled documents not reloaded", sources);
        }
    }

    /** Loads every bundled document (replacing earlier versions); returns what each load did. */
    public List<LoadResult> reload() {
        List<LoadResult> results = new ArrayList<>();
        for (String name : names()) {
            results.add(loader.load(read("kb/sources/" + name)));
        }
        return results;
    }

    /** File names of the bundled documents, in load order. */
    public static List<String> names() {
        return new String(read(INDEX), StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** The bytes of a classpath resource. */
    public static byte[] read(String path) {
        try (InputStream in = BundledDocuments.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
