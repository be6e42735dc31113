package parley.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;

/**
 * The exports from the command line, against the Neo4j a running service uses (the embedded one
 * at {@code bolt://127.0.0.1:7687} by default, or {@code NEO4J_URI}, {@code NEO4J_USERNAME},
 * {@code NEO4J_PASSWORD}, {@code NEO4J_DATABASE} as the service reads them):
 *
 * <pre>
 * parley.export.Cli graphml|jsonl|csv [--actor id [--depth 1|2]] [--from date] [--to date]
 *                   [--source id] [--uri bolt://…] --out path
 * </pre>
 *
 * {@code csv} writes {@code nodes.csv}, one {@code relationships-TYPE.csv} per relationship type
 * and {@code import.sh} (the neo4j-admin command) into the directory {@code --out}. Exit status 0 when written, 2 for bad arguments, 1 when the export failed: then nothing is
 * written (each file goes to a {@code .partial} file first and is renamed only when complete).
 */
public final class Cli {

    private static final String USAGE = "usage: parley.export.Cli graphml|jsonl|csv [--actor id [--depth 1|2]]"
            + " [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--source id] [--uri bolt://host:port] --out path";

    private Cli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs one export; returns the exit status. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String uri = a.uri != null ? a.uri : env.getOrDefault("NEO4J_URI", "bolt://127.0.0.1:7687");
        String user = env.getOrDefault("NEO4J_USERNAME", "neo4j");
        String password = env.getOrDefault("NEO4J_PASSWORD", "");
        String database = env.getOrDefault("NEO4J_DATABASE", "neo4j");
        long started = System.nanoTime();
        try (Driver driver = GraphDatabase.driver(
                        uri, password.isEmpty() ? AuthTokens.none() : AuthTokens.basic(user, password));
                Session session = driver.session(SessionConfig.builder()
                        .withDatabase(database)
                        .withDefaultAccessMode(AccessMode.READ)
                        .build());
                Transaction tx = session.beginTransaction()) {
            ExportScope scope = new ExportScope(a.actor, a.depth, a.from, a.to, a.source, null);
            if (a.source != null && !Exporter.sourceExists(tx, a.source)) {
                err.println("no source with id '" + a.source + "'");
                return 2;
            }
            if (a.actor != null) {
                List<String> ids = Exporter.actorNetwork(tx, a.actor, a.depth);
                if (ids.isEmpty()) {
                    err.println("no actor with id '" + a.actor + "'");
                    return 2;
                }
                scope = scope.withIds(ids);
            }
            Output output = new Output(a.out, a.format.equals("csv"));
            try {
                long bytes =
                        switch (a.format) {
                            case "graphml" -> write(Exporter.Format.GRAPHML, tx, scope, output);
                            case "jsonl" -> write(Exporter.Format.JSONL, tx, scope, output);
                            default -> {
                                Exporter.writeCsvFiles(tx, scope, output::open);
                                yield output.commit();
                            }
                        };
                out.printf(
                        "%s: %,d bytes written to %s in %,d ms%n",
                        a.format, bytes, a.out, (System.nanoTime() - started) / 1_000_000);
                return 0;
            } catch (IOException | RuntimeException e) {
                output.discard();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            err.println("export failed, nothing written to " + a.out + ": " + e.getMessage());
            return 1;
        }
    }

    private static long write(Exporter.Format format, Transaction tx, ExportScope scope, Output output)
            throws IOException {
        try (OutputStream out = output.open(output.target.getFileName().toString())) {
            Exporter.write(format, tx, scope, null, out);
        }
        return output.commit();
    }

    /**
     * Where an export goes: each file is written as {@code .NAME.partial} beside its final name and
     * renamed to it only when the whole export has been written, so a failed export leaves no
     * truncated file that looks complete (an earlier file of that name stays as it was). {@code
     * --out} is the file itself, or for {@code csv} the directory of the files.
     */
    private static final class Output {

        private final Path target;
        private final Path directory;
        private final boolean createdDirectory;
        private final List<Path> written = new java.util.ArrayList<>();

        Output(Path out, boolean isDirectory) throws IOException {
            this.target = out.toAbsolutePath();
            this.directory = isDirectory ? target : target.getParent();
            this.createdDirectory = !Files.isDirectory(directory);
            Files.createDirectories(directory);
        }

        OutputStream open(String name) throws IOException {
            Path partial = directory.resolve("." + name + ".partial");
            written.add(partial);
            return new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
        }

        /** Renames every partial file to its final name; returns their size in bytes. */
        long commit() throws IOException {
            long bytes = 0;
            for (Path partial : written) {
                String name = partial.getFileName().toString();
                Path done = directory.resolve(name.substring(1, name.length() - ".partial".length()));
                bytes += Files.size(partial);
                Files.move(partial, done, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            written.clear();
            return bytes;
        }

        /** Deletes the partial files (and the directory, where this export made it). */
        void discard() {
            try {
                for (Path partial : written) {
                    Files.deleteIfExists(partial);
                }
                if (createdDirectory) {
                    Files.deleteIfExists(directory);
                }
            } catch (IOException e) {
                // Best effort: the error message already says the export failed.
            }
        }
    }

    private record Arguments(
            String format, String actor, int depth, LocalDate from, LocalDate to, String source, String uri, Path out) {

        static Arguments parse(String[] args) {
            if (args.length == 0 || !List.of("graphml", "jsonl", "csv").contains(args[0])) {
                throw new IllegalArgumentException("the first argument must be graphml, jsonl or csv");
            }
            String actor = null;
            String source = null;
            String uri = null;
            String depth = "1";
            String from = null;
            String to = null;
            String out = null;
            for (int i = 1; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--actor" -> actor = v;
                    case "--depth" -> depth = v;
                    case "--from" -> from = v;
                    case "--to" -> to = v;
                    case "--source" -> source = v;
                    case "--uri" -> uri = v;
                    case "--out" -> out = v;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (out == null) {
                throw new IllegalArgumentException("--out is required");
            }
            if (!depth.equals("1") && !depth.equals("2")) {
                throw new IllegalArgumentException("--depth must be 1 or 2, was " + depth);
            }
            LocalDate f = date("--from", from);
            LocalDate t = date("--to", to);
            if (f != null && t != null && f.isAfter(t)) {
                throw new IllegalArgumentException("--from (" + f + ") is after --to (" + t + ")");
            }
            return new Arguments(args[0], actor, Integer.parseInt(depth), f, t, source, uri, Path.of(out));
        }

        private static LocalDate date(String name, String value) {
            try {
                return value == null ? null : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " must be a date as YYYY-MM-DD, was '" + value + "'");
            }
        }
    }
}
