package parley.kb;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.neo4j.Graph;
import parley.neo4j.SchemaInitializer;

/**
 * The source documents shipped with the service ({@code kb/bundled.txt} lists them, in load
 * order). At every start, once the HTTP server is up, each bundled document whose source the
 * database lacks, or holds in another version (its {@code contentHash} differs from the file's),
 * is loaded; so a first start that was interrupted completes on the next one, and a store written
 * by an older version gets the new bundled documents. Until that has finished, readiness ({@code
 * /health}) says DOWN. {@link #reload()} loads them all again on demand.
 */
@Context
public final class BundledDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(BundledDocuments.class);
    private static final String INDEX = "kb/bundled.txt";

    private final KbLoader loader;
    private final Graph graph;
    private final boolean loadOnStart;
    private volatile String notReady;

    BundledDocuments(
            KbLoader loader,
            Graph graph,
            SchemaInitializer schema,
            @Value("${parley.kb.load-on-start:true}") boolean loadOnStart) {
        this.loader = loader;
        this.graph = graph;
        this.loadOnStart = loadOnStart;
        this.notReady = loadOnStart ? "checking the bundled documents" : null;
    }

    /** Why the service is not ready yet (loading the bundled documents), or null once it is. */
    public String notReady() {
        return notReady;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        if (!loadOnStart || notReady == null) {
            return;
        }
        try {
            complete();
            notReady = null;
        } catch (RuntimeException e) {
            LOG.error("The bundled documents could not all be loaded; the next start tries again", e);
            notReady = "the bundled documents could not all be loaded (" + e.getMessage()
                    + "); the next start tries again";
        }
    }

    /**
     * Loads each bundled document that is missing from the database or differs from the version
     * there, in the order of {@code kb/bundled.txt}; returns what each load did.
     */
    List<LoadResult> complete() {
        List<String> names = names();
        List<byte[]> files = new ArrayList<>();
        List<ParsedDocument> parsed = new ArrayList<>();
        for (String name : names) {
            byte[] file = read("kb/sources/" + name);
            files.add(file);
            parsed.add(loader.parse(file));
        }
        Map<String, String> loaded = new HashMap<>();
        graph.read(
                        "MATCH (s:Source) WHERE s.id IN $ids RETURN s.id AS id, s.contentHash AS hash",
                        Map.of(
                                "ids",
                                parsed.stream().map(ParsedDocument::source).toList()))
                .records()
                .forEach(r -> loaded.put(r.get("id").asString(), r.get("hash").asString(null)));
        List<LoadResult> results = new ArrayList<>();
        int upToDate = 0;
        for (int i = 0; i < names.size(); i++) {
            ParsedDocument doc = parsed.get(i);
            String source = doc.source();
            boolean missing = !loaded.containsKey(source);
            if (!missing && doc.contentHash().equals(loaded.get(source))) {
                upToDate++;
                LOG.debug("{}: up to date", source);
                continue;
            }
            notReady = "loading the bundled documents: " + source + " (" + (i + 1) + " of " + names.size() + ")";
            results.add(loader.load(files.get(i)));
            LOG.info("{}: {}", source, missing ? "missing, loaded" : "outdated, reloaded");
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
