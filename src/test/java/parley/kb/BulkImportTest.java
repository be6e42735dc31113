package parley.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.bench.CorpusGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code parley import} builds the graph the transactional loader builds from the same documents
 * in the same order: equal {@link GraphFingerprint} rows (every node, relationship and property,
 * MET included). The benchmark repeats the comparison at 10^5 facts.
 */
class BulkImportTest {

    @TempDir
    Path dir;

    @Test
    void importedStoreEqualsTheLoadedOneForTheBundledArticles() throws Exception {
        Path documents = Files.createDirectories(dir.resolve("documents"));
        List<String> names = BundledDocuments.names();
        for (int i = 0; i < names.size(); i++) {
            // Import order is file-name order: the prefix keeps the bundled load order.
            Files.write(
                    documents.resolve(String.format("%02d-%s", i, names.get(i))),
                    BundledDocuments.read("kb/sources/" + names.get(i)));
        }
        assertSameGraph(documents);
    }

    @Test
    void importedStoreEqualsTheLoadedOneForASyntheticCorpusOfManySources() throws Exception {
        Path documents = Files.createDirectories(dir.resolve("documents"));
        // 2,000 facts in documents of at most 200: meetings re-reported by later sources, actors
        // mentioned by many, so the import must merge across documents as the loader does.
        int[] n = {0};
        new CorpusGenerator(2_000, 200)
                .generate(json -> write(documents.resolve(String.format("doc-%04d.json", n[0]++)), json));
        assertTrue(n[0] >= 10, "the corpus spans many documents");
        assertSameGraph(documents);
    }

    @Test
    void metOfAttendeesWithoutAStatedSideTakesTheSideTheirRolesLeadTo() throws Exception {
        // The import derives MET itself (derive-met.cypher is the definition): without the
        // ATTENDED sides, a side comes from HOLDS_ROLE and 0-3 PART_OF to a Country, the path
        // the bundled articles with their sides never take. One document, so the loader's
        // per-document derivation and the import's whole-graph one see the same graph.
        Path documents = Files.createDirectories(dir.resolve("documents"));
        JsonMapper json = JsonMapper.builder().build();
        JsonNode doc = json.readTree(
                BundledDocuments.read("kb/sources/" + BundledDocuments.names().get(1)));
        int stripped = 0;
        for (JsonNode r : doc.get("relationships")) {
            if ("ATTENDED".equals(r.get("type").asString())
                    && r.get("properties") instanceof ObjectNode properties
                    && properties.remove("side") != null) {
                stripped++;
            }
        }
        assertTrue(stripped >= 10, "the document's ATTENDED had sides: " + stripped);
        Files.write(documents.resolve("a.json"), json.writeValueAsBytes(doc));
        assertSameGraph(documents);
    }

    @Test
    void anInvalidDocumentNamesItsFileAndLeavesNoStore() throws Exception {
        Path documents = Files.createDirectories(dir.resolve("documents"));
        List<String> names = BundledDocuments.names();
        Files.write(documents.resolve("a.json"), BundledDocuments.read("kb/sources/" + names.getFirst()));
        String broken = new String(BundledDocuments.read("kb/sources/" + names.get(1)), StandardCharsets.UTF_8)
                .replaceFirst("\"evidence\"\\s*:\\s*\\[\\s*\"", "\"evidence\": [\"No such sentence. ");
        Files.writeString(documents.resolve("b.json"), broken);
        Path data = dir.resolve("data");
        var failure = assertThrows(
                BulkImport.ImportFailed.class, () -> new BulkImport(quiet(), "512M").run(documents, data, false));
        assertTrue(failure.getMessage().startsWith(documents.resolve("b.json").toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains("not verbatim in the article text"), failure.getMessage());
        assertFalse(BulkImport.holdsStore(data), "no store was left behind");
        try (var left = Files.list(dir)) {
            assertEquals(
                    List.of("documents"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging directory was left behind");
        }
    }

    @Test
    void anExistingStoreIsReplacedOnlyWhenTold() throws Exception {
        Path documents = Files.createDirectories(dir.resolve("documents"));
        Files.write(
                documents.resolve("a.json"),
                BundledDocuments.read("kb/sources/" + BundledDocuments.names().getFirst()));
        Path data = dir.resolve("data");
        new BulkImport(quiet(), "512M").run(documents, data, false);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ImportCli.run(
                new String[] {"--documents", documents.toString(), "--data-dir", data.toString()},
                Map.of(),
                quiet(),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("pass --force"), err.toString());
        int forced = ImportCli.run(
                new String[] {"--documents", documents.toString(), "--data-dir", data.toString(), "--force"},
                Map.of(),
                quiet(),
                quiet());
        assertEquals(0, forced);
        assertTrue(BulkImport.holdsStore(data));
    }

    private static void write(Path file, byte[] json) {
        try {
            Files.write(file, json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertSameGraph(Path documents) throws Exception {
        Path data = dir.resolve("imported");
        BulkImport.Result result = new BulkImport(quiet(), "512M").run(documents, data, false);
        assertTrue(result.met() > 0, "MET was derived in the imported store");
        List<String> imported = TransactionalLoad.read(data);

        List<String> loaded = TransactionalLoad.loadAndRead(documents, dir.resolve("loaded"));
        assertEquals(loaded.size(), imported.size(), "as many nodes and relationships");
        List<String> onlyLoaded = new ArrayList<>(loaded);
        onlyLoaded.removeAll(imported);
        List<String> onlyImported = new ArrayList<>(imported);
        onlyImported.removeAll(loaded);
        assertEquals(List.of(), onlyLoaded.stream().limit(5).toList(), "rows of the loaded graph missing after import");
        assertEquals(List.of(), onlyImported.stream().limit(5).toList(), "rows only the imported graph has");
        assertEquals(loaded, imported);
    }

    private static PrintStream quiet() {
        return new PrintStream(PrintStream.nullOutputStream());
    }
}
