package parley.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packed first-start store: made by the service's own loader from the bundled documents, it
 * unpacks into the same graph as loading those documents now, with their version files; it is
 * left alone where a store or version files exist, or where it was made from other documents.
 */
class SeedStoreTest {

    @TempDir
    static Path dir;

    private static Path pack;

    @BeforeAll
    static void build() throws IOException {
        pack = dir.resolve("seed-store.zip");
        assertEquals(BundledDocuments.names().size(), SeedStoreBuilder.build(dir.resolve("build"), pack));
    }

    @Test
    void unpacksIntoTheGraphThatLoadingTheBundledDocumentsGives() throws IOException {
        Path home = dir.resolve("seeded");
        Path review = dir.resolve("seeded-review");
        try (InputStream in = Files.newInputStream(pack)) {
            assertTrue(SeedStore.unpackIfFresh(in, home, review));
        }
        try (Stream<Path> files = Files.list(home)) {
            assertEquals(
                    List.of("data"), files.map(f -> f.getFileName().toString()).toList(), "no temporary folder");
        }

        Path documents = Files.createDirectories(dir.resolve("documents"));
        for (String name : BundledDocuments.names()) {
            Files.write(documents.resolve(name), BundledDocuments.read("kb/sources/" + name));
        }
        List<String> loaded = TransactionalLoad.loadAndRead(documents, dir.resolve("loaded"));
        List<String> seeded = TransactionalLoad.read(home);
        assertTrue(loaded.size() > 100, "the bundled documents make a graph: " + loaded.size() + " rows");
        assertEquals(TransactionalLoad.digest(loaded), TransactionalLoad.digest(seeded));

        for (String name : BundledDocuments.names()) {
            String id = name.replaceFirst("\\.json$", "");
            Path versions = review.resolve("versions").resolve(id + ".json");
            assertTrue(Files.isRegularFile(versions), "version file of " + id);
            assertTrue(Files.readString(versions).contains("\"action\":\"load\""), "a load recorded for " + id);
        }
    }

    @Test
    void leavesAnExistingStoreAlone() throws IOException {
        Path home = dir.resolve("existing");
        Path marker = Files.createDirectories(home.resolve("data").resolve("databases"))
                .resolve("mine");
        Files.writeString(marker, "kept");
        Path review = dir.resolve("existing-review");
        try (InputStream in = Files.newInputStream(pack)) {
            assertFalse(SeedStore.unpackIfFresh(in, home, review));
        }
        assertEquals("kept", Files.readString(marker));
        assertFalse(Files.exists(home.resolve("data").resolve("transactions")));
        assertFalse(Files.exists(review));
    }

    @Test
    void aDataFolderWithoutAStoreGetsOneAndLosesStrayTransactionLogs() throws IOException {
        Path home = dir.resolve("stray");
        Path stray = Files.createDirectories(
                        home.resolve("data").resolve("transactions").resolve("neo4j"))
                .resolve("neostore.transaction.db.7");
        Files.writeString(stray, "left by a killed start");
        try (InputStream in = Files.newInputStream(pack)) {
            assertTrue(SeedStore.unpackIfFresh(in, home, dir.resolve("stray-review")));
        }
        assertFalse(Files.exists(stray));
        assertTrue(Files.isDirectory(home.resolve("data").resolve("databases").resolve("neo4j")));
        assertTrue(
                Files.isDirectory(home.resolve("data").resolve("transactions").resolve("neo4j")));
    }

    @Test
    void leavesExistingVersionFilesAlone() throws IOException {
        Path home = dir.resolve("fresh-store");
        Path review = dir.resolve("kept-review");
        Files.createDirectories(review.resolve("versions"));
        Files.writeString(review.resolve("versions").resolve("other.json"), "[]");
        try (InputStream in = Files.newInputStream(pack)) {
            assertFalse(SeedStore.unpackIfFresh(in, home, review));
        }
        assertFalse(Files.exists(home.resolve("data")));
    }

    @Test
    void aPackMadeFromOtherDocumentsIsNotUsed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(SeedStore.RECIPE_ENTRY));
            zip.write("0000\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("neo4j/databases/neo4j/neostore"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        Path home = dir.resolve("other-recipe");
        Files.createDirectories(home);
        assertFalse(SeedStore.unpackIfFresh(
                new ByteArrayInputStream(bytes.toByteArray()), home, dir.resolve("other-recipe-review")));
        try (Stream<Path> files = Files.list(home)) {
            assertEquals(0, files.count(), "nothing unpacked, no temporary folder left");
        }
    }

    @Test
    void anEntryPointingOutsideTheStoreIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../escaped"));
            zip.write(1);
            zip.closeEntry();
        }
        Path home = Files.createDirectories(dir.resolve("escape").resolve("home"));
        UncheckedIOException refused = assertThrows(
                UncheckedIOException.class,
                () -> SeedStore.unpackIfFresh(
                        new ByteArrayInputStream(bytes.toByteArray()), home, dir.resolve("escape-review")));
        assertTrue(refused.getMessage().contains("outside"), refused.getMessage());
        assertFalse(Files.exists(home.resolveSibling("escaped")));
        assertFalse(Files.exists(home.resolve("escaped")));
    }
}
