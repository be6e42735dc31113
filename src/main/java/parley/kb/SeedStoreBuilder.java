package parley.kb;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Makes the {@link SeedStore} pack: {@code java -cp … parley.kb.SeedStoreBuilder
 * target/classes/parley/seed-store.zip}, which the build runs before the jar is made (phase
 * {@code prepare-package}). It starts the service's own beans (the embedded Neo4j, the schema,
 * the loader; no HTTP server) on a temporary directory, loads the bundled documents as a first
 * start would, stops cleanly (a checkpoint, so the pack needs no recovery) and packs the store.
 */
public final class SeedStoreBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(SeedStoreBuilder.class);

    private SeedStoreBuilder() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SeedStoreBuilder <output .zip>");
            System.exit(2);
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Path out = Path.of(args[0]).toAbsolutePath();
        long started = System.nanoTime();
        Path dir = Files.createTempDirectory("parley-seed-");
        try {
            int loaded = build(dir, out);
            LOG.info(
                    "Packed store: {} bundled documents loaded, {} KiB in {}, {} ms",
                    loaded,
                    Files.size(out) / 1024,
                    out,
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            BulkImport.delete(dir);
        }
        // Neo4j leaves non-daemon threads behind its shutdown; the pack is written.
        System.exit(0);
    }

    /**
     * Loads the bundled documents into a new store under {@code dir} and packs it into {@code out};
     * returns how many documents were loaded.
     */
    static int build(Path dir, Path out) throws IOException {
        Path home = dir.resolve("home");
        Path review = dir.resolve("review");
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        int loaded;
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of(
                        "parley.data.dir",
                        home.toString(),
                        "parley.review.dir",
                        review.toString(),
                        "parley.kb.seed-store",
                        false,
                        // Started by hand below, once the schema is in place.
                        "parley.kb.load-on-start",
                        false,
                        "parley.browser.enabled",
                        false,
                        "parley.bolt.port",
                        0,
                        // The pack keeps no password: a first start sets its own (kept or generated).
                        "parley.neo4j.password",
                        HexFormat.of().formatHex(random)))
                .start()) {
            List<LoadResult> results = context.getBean(BundledDocuments.class).complete();
            loaded = results.size();
        }
        Files.createDirectories(out.getParent());
        Path tmp = Files.createTempFile(out.getParent(), ".seed-store-", ".zip");
        try (OutputStream zip = Files.newOutputStream(tmp)) {
            SeedStore.pack(home, review.resolve("versions"), zip);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return loaded;
    }
}
