package parley.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store of a first start, made when the artifact is built. {@link SeedStoreBuilder} starts the
 * service's own Neo4j, schema and loader on an empty directory at {@code package} time, loads the
 * bundled documents, stops cleanly and packs the store (and the documents' version files) into
 * the resource {@value #RESOURCE}. A first start of the embedded Neo4j on an empty data directory
 * unpacks it instead of applying the schema and loading the documents again: the same statements
 * on the same documents, run once at build time. The start then finds the schema and every bundled
 * document in place, as a restart does.
 *
 * <p>The pack is used only when it fits: the data directory holds no store and the review
 * directory no version files; the bundled documents are to be loaded ({@code
 * parley.kb.load-on-start}); and the pack was made from the same bundled documents, schema and
 * Neo4j version as the running code (its {@linkplain #recipe() recipe} hash). Otherwise the start
 * loads as it always did. {@code parley.kb.seed-store=false} turns it off.
 */
public final class SeedStore {

    private static final Logger LOG = LoggerFactory.getLogger(SeedStore.class);

    /** The classpath resource holding the packed store. */
    public static final String RESOURCE = "parley/seed-store.zip";

    static final String RECIPE_ENTRY = "recipe.txt";
    static final String STORE_PREFIX = "neo4j/";
    static final String VERSIONS_PREFIX = "versions/";

    private SeedStore() {}

    /**
     * What the packed store depends on: the Neo4j version, the schema, and the bundled documents
     * in load order, hashed. A pack whose recipe differs from the running code's is not used.
     */
    public static String recipe() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // The kernel's Maven metadata: Neo4j's own Version class reads the jar manifest, which the
            // shaded artifact does not keep (it says "dev" there).
            update(sha, BundledDocuments.read("META-INF/maven/org.neo4j/neo4j-kernel/pom.properties"));
            update(sha, BundledDocuments.read("cypher/schema.cypher"));
            for (String name : BundledDocuments.names()) {
                update(sha, name.getBytes(StandardCharsets.UTF_8));
                update(sha, BundledDocuments.read("kb/sources/" + name));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, byte[] bytes) {
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(bytes);
    }

    /**
     * On a first start, unpacks the packed store into {@code home} (the embedded Neo4j's home) and
     * the documents' version files into {@code reviewDir/versions}; returns whether it did. Does
     * nothing, and returns false, when there is no pack on the classpath, a store or version files
     * exist already, or the pack's recipe is not the running code's.
     */
    public static boolean unpackIfFresh(Path home, Path reviewDir) {
        try (InputStream pack = SeedStore.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (pack == null) {
                LOG.debug("No {} on the classpath: a first start loads the bundled documents", RESOURCE);
                return false;
            }
            return unpackIfFresh(pack, home, reviewDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** {@link #unpackIfFresh(Path, Path)} with the pack read from {@code pack}. */
    static boolean unpackIfFresh(InputStream pack, Path home, Path reviewDir) {
        Path data = home.resolve("data");
        Path versions = reviewDir.resolve("versions");
        if (Files.exists(data.resolve("databases")) || hasFiles(versions)) {
            return false;
        }
        long started = System.nanoTime();
        try {
            Files.createDirectories(home);
            Path tmp = Files.createTempDirectory(home, ".seed-");
            try {
                String recipe = unzip(pack, tmp);
                if (!recipe().equals(recipe)) {
                    LOG.info("The packed store was made from other bundled documents, schema or Neo4j version;"
                            + " this first start loads the documents instead");
                    return false;
                }
                // A rename within the home directory: a start killed before it leaves no store,
                // only the temporary folder, which the next start ignores and unpacks again.
                if (!Files.exists(data)) {
                    Files.move(tmp.resolve("neo4j"), data, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    // No databases here (checked above): transaction logs without a store, left by
                    // a start killed between these two renames, belong to no store.
                    BulkImport.delete(data.resolve("transactions"));
                    for (String dir : List.of("transactions", "databases")) {
                        Files.move(
                                tmp.resolve("neo4j").resolve(dir), data.resolve(dir), StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                if (Files.isDirectory(tmp.resolve("versions"))) {
                    Files.createDirectories(reviewDir);
                    Files.deleteIfExists(versions);
                    moveDirectory(tmp.resolve("versions"), versions);
                }
            } finally {
                BulkImport.delete(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the packed store into " + home + ": " + e.getMessage(), e);
        }
        LOG.info(
                "First start: unpacked the store made at build time with the {} bundled documents, in {} ms",
                BundledDocuments.names().size(),
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private static void moveDirectory(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException acrossFileSystems) {
            // The review directory may be on another file system than the data directory.
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName().toString()));
                }
            }
        }
    }

    private static boolean hasFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }

    /** Unzips {@code pack} into {@code dir}; returns the recipe entry's text. */
    private static String unzip(InputStream pack, Path dir) throws IOException {
        String recipe = "";
        try (ZipInputStream zip = new ZipInputStream(pack)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("entry " + e.getName() + " points outside the store");
                }
                if (e.getName().equals(RECIPE_ENTRY)) {
                    recipe = new String(zip.readAllBytes(), StandardCharsets.UTF_8).strip();
                } else if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        return recipe;
    }

    /**
     * Packs a cleanly stopped store ({@code home}'s {@code data/databases} and {@code
     * data/transactions}, without lock files) and the version files of {@code versions} into
     * {@code out}, with the running code's recipe.
     */
    static void pack(Path home, Path versions, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(RECIPE_ENTRY));
            zip.write((recipe() + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            Path data = home.resolve("data");
            for (String dir : List.of("databases", "transactions")) {
                add(zip, data, data.resolve(dir), STORE_PREFIX);
            }
            if (Files.isDirectory(versions)) {
                add(zip, versions, versions, VERSIONS_PREFIX);
            }
        }
    }

    private static void add(ZipOutputStream zip, Path base, Path dir, String prefix) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith("_lock"))
                    .sorted()
                    .forEach(files::add);
        }
        for (Path f : files) {
            zip.putNextEntry(new ZipEntry(prefix + base.relativize(f).toString().replace('\\', '/')));
            Files.copy(f, zip);
            zip.closeEntry();
        }
    }
}
