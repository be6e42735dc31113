package parley.kb;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code parley import}: a new store from a folder of source documents, with Neo4j's own offline
 * importer ({@link BulkImport}); for seeding a large corpus while the service is stopped.
 *
 * <pre>
 * java -jar parley.jar import --documents folder [--data-dir dir] [--force] [--max-off-heap-memory 2G]
 * </pre>
 *
 * {@code --data-dir} defaults to {@code PARLEY_DATA_DIR}, else {@code ./data}, as for the service.
 * Exit status 0 when imported, 2 for bad arguments or an existing store without {@code --force},
 * 1 when a document was rejected or the import failed (nothing changed in the data directory).
 */
public final class ImportCli {

    static final String USAGE =
            "usage: parley import --documents folder [--data-dir dir] [--force]" + " [--max-off-heap-memory 2G]";

    private ImportCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the import; returns the exit status. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Path documents = null;
        Path dataDir = Path.of(env.getOrDefault("PARLEY_DATA_DIR", "./data"));
        boolean force = false;
        String offHeap = "2G";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--force")) {
                force = true;
                continue;
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                err.println(option + (isOption(option) ? " needs a value" : " is not an option"));
                err.println(USAGE);
                return 2;
            }
            String value = args[++i];
            switch (option) {
                case "--documents" -> documents = Path.of(value);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--max-off-heap-memory" -> offHeap = value;
                default -> {
                    err.println(option + " is not an option");
                    err.println(USAGE);
                    return 2;
                }
            }
        }
        if (documents == null) {
            err.println("--documents is required: the folder of source documents (*.json) to import");
            err.println(USAGE);
            return 2;
        }
        if (BulkImport.holdsStore(dataDir) && !force) {
            err.println(dataDir + " already holds a store; stop the service and pass --force to replace it,"
                    + " or name another --data-dir");
            return 2;
        }
        try {
            BulkImport.Result r = new BulkImport(out, offHeap).run(documents, dataDir, force);
            out.printf(
                    "imported %,d documents (%,d empty ones skipped): %,d facts, %,d nodes, %,d relationships"
                            + " (%,d derived MET) into %s in %,.1f s (%,.0f facts/s)%n",
                    r.documents(),
                    r.skipped(),
                    r.facts(),
                    r.nodes(),
                    r.relationships(),
                    r.met(),
                    dataDir,
                    r.millis() / 1000.0,
                    r.facts() / Math.max(0.001, r.millis() / 1000.0));
            out.printf(
                    "read, checked, merged and derived meeting status and MET to CSV (%,d MB) in %,.1f s;"
                            + " neo4j-admin import %,.1f s; schema %,.1f s%n",
                    r.csvBytes() >> 20,
                    r.checkAndMergeMillis() / 1000.0,
                    r.importMillis() / 1000.0,
                    r.schemaMillis() / 1000.0);
            return 0;
        } catch (BulkImport.ImportFailed e) {
            err.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("import failed: " + e);
            return 1;
        }
    }

    private static boolean isOption(String option) {
        return option.equals("--documents") || option.equals("--data-dir") || option.equals("--max-off-heap-memory");
    }
}
