package parley.kb;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.health.Readiness;
import parley.neo4j.EmbeddedNeo4j;
import parley.neo4j.Graph;
import parley.neo4j.SchemaInitializer;

/**
 * The source documents shipped with the service ({@code kb/bundled.txt} lists them, in load
 * order). At every start, once the HTTP server is up, each bundled document whose source the
 * database lacks, or holds in another version (its {@code contentHash} differs from the file's),
 * is loaded; so a first start that was interrupted completes on the next one, and a store written
 * by an older version gets the new bundled documents. Until that has finished, readiness ({@code
 * /health}) says DOWN. The check compares the SHA-256 of each file with the hashes in the store
 * before parsing anything, so a restart with nothing to load parses no document. {@link #reload()} loads them all again on demand.
 */
@Context
public final class BundledDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(BundledDocuments.class);
    private static final String INDEX = "kb/bundled.txt";
    private static final String READINESS_KEY = "bundled-documents";
    private static final Label SOURCE = Label.label("Source");

    private final KbLoader loader;
    private final Graph graph;
    private final Readiness readiness;
    private final boolean loadOnStart;
    private final EmbeddedNeo4j embedded;

    BundledDocuments(
            KbLoader loader,
            Graph graph,
            SchemaInitializer schema,
            Readiness readiness,
            @Value("${parley.kb.load-on-start:true}") boolean loadOnStart,
            @Nullable EmbeddedNeo4j embedded) {
        this.embedded = embedded;
        this.loader = loader;
        this.graph = graph;
        this.readiness = readiness;
        this.loadOnStart = loadOnStart;
        if (loadOnStart) {
            readiness.pending(READINESS_KEY, "checking the bundled documents");
        }
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        if (!loadOnStart) {
            return;
        }
        try {
            complete();
            readiness.done(READINESS_KEY);
        } catch (RuntimeException e) {
            LOG.error("The bundled documents could not all be loaded; the next start tries again", e);
            readiness.pending(
                    READINESS_KEY,
                    "the bundled documents could not all be loaded (" + e.getMessage()
                            + "); the next start tries again");
        }
    }

    /**
     * Loads each bundled document that is missing from the database or differs from the version
     * there, in the order of {@code kb/bundled.txt}; returns what each load did.
     */
    List<LoadResult> complete() {
        List<String> names = names();
        List<byte[]> files = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (String name : names) {
            byte[] file = read("kb/sources/" + name);
            files.add(file);
            hashes.add(ParsedDocument.sha256(file));
        }
        // A restart finds every file's hash in the store and parses and validates no document.
        Set<String> stored = new HashSet<>();
        if (embedded != null) {
            // In this process: the kernel answers without a Bolt round trip or a planned query.
            try (Transaction tx = embedded.database().beginTx()) {
                for (String hash : hashes) {
                    try (ResourceIterator<Node> found = tx.findNodes(SOURCE, "contentHash", hash)) {
                        if (found.hasNext()) {
                            stored.add(hash);
                        }
                    }
                }
            }
        } else {
            graph.read(
                            "MATCH (s:Source) WHERE s.contentHash IN $hashes RETURN s.contentHash AS hash",
                            Map.of("hashes", hashes))
                    .records()
                    .forEach(r -> stored.add(r.get("hash").asString()));
        }
        List<LoadResult> results = new ArrayList<>();
        int upToDate = 0;
        for (int i = 0; i < names.size(); i++) {
            if (stored.contains(hashes.get(i))) {
                upToDate++;
                LOG.debug("{}: up to date", names.get(i));
                continue;
            }
            String name = names.get(i);
            readiness.pending(
                    READINESS_KEY,
                    "loading the bundled documents: " + name + " (" + (i + 1) + " of " + names.size() + ")");
            LoadResult result = loader.load(files.get(i));
            results.add(result);
            LOG.info("{}: {}", result.source(), result.replaced() ? "outdated, reloaded" : "missing, loaded");
        }
        LOG.info("Bundled documents: {} up to date, {} loaded of {}", upToDate, results.size(), names.size());
        return results;
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
