package parley.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import parley.kb.BulkImport;
import parley.kb.TransactionalLoad;

/** The bulk-import part of the benchmark: a synthetic corpus on disk, imported, measured. */
final class BulkBench {

    private BulkBench() {}

    record Run(long facts, BulkImport.Result result, long documentBytes, long storeBytes) {}

    record Equivalence(String imported, String loaded) {}

    /** Writes the corpus of {@code facts} to disk, imports it, and removes both afterwards. */
    static Run importCorpus(long facts) throws IOException {
        Path dir = Files.createTempDirectory("parley-bench-bulk");
        try {
            Path documents = write(facts, dir.resolve("documents"));
            long documentBytes = BulkImport.size(documents);
            Path data = dir.resolve("data");
            BulkImport.Result result = new BulkImport(System.out, "2G").run(documents, data, false);
            return new Run(facts, result, documentBytes, BulkImport.size(data));
        } finally {
            deleteTree(dir);
        }
    }

    /** Fingerprints of the same corpus imported and loaded through KbLoader. */
    static Equivalence equivalence(long facts) throws IOException {
        Path dir = Files.createTempDirectory("parley-bench-equivalence");
        try {
            Path documents = write(facts, dir.resolve("documents"));
            Path data = dir.resolve("imported");
            new BulkImport(new PrintStream(PrintStream.nullOutputStream()), "2G").run(documents, data, false);
            String imported = TransactionalLoad.digest(TransactionalLoad.read(data));
            String loaded = TransactionalLoad.digest(TransactionalLoad.loadAndRead(documents, dir.resolve("loaded")));
            return new Equivalence(imported, loaded);
        } finally {
            deleteTree(dir);
        }
    }

    private static Path write(long facts, Path documents) throws IOException {
        Files.createDirectories(documents);
        int[] n = {0};
        new CorpusGenerator(facts).generate(json -> {
            try {
                Files.write(documents.resolve(String.format("doc-%06d.json", n[0]++)), json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return documents;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
