package parley.kb;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import parley.errors.ApiError.Problem;
import parley.neo4j.EmbeddedNeo4j;
import parley.neo4j.SchemaInitializer;

/**
 * Builds a new store from a folder of source documents with Neo4j's own offline importer
 * ({@code neo4j-admin database import full}, run in-process), for seeding a large corpus: the
 * graph it builds is the graph the transactional loader builds from the same documents loaded in
 * the same order (file name order).
 *
 * <ol>
 *   <li>Reads the documents in file name order and checks each with the loader's parser and
 *       validator, against the documents before it (as the loader checks against the graph): the
 *       reading, parsing and text checks run ahead on other threads, a document's ids are looked
 *       up once every document before it was taken in. Entities, facts and relationships go to
 *       hash-partitioned spill files; Source nodes and the provenance links, which no other
 *       document can repeat, straight to CSV.
 *   <li>Merges each partition as the loader's {@code MERGE} statements would (an entity keeps its
 *       first name and properties and collects aliases, a fact's properties are overwritten in
 *       document order, a relationship collects every source's evidence) and writes CSV; derives
 *       every meeting's status and MET from the merged graph as {@code meeting-status.cypher} and
 *       {@code derive-met.cypher} do, into CSV too.
 *   <li>Runs the importer into a staging directory, starts Neo4j on the new store and applies
 *       {@code cypher/schema.cypher} (its indexes populated once, over the whole store).
 *   <li>Moves the store into the data directory. Any failure before that removes the staging
 *       directory and leaves the data directory as it was.
 * </ol>
 *
 * Memory holds one label per id (for the validator), what the MET derivation needs (meetings,
 * places, ATTENDED, HELD_IN, HOLDS_ROLE, PART_OF) and one partition at a time, not the facts.
 */
public final class BulkImport {

    private static final char ARRAY_DELIMITER = '\u001F';
    private static final int PARTITIONS = 64;

    /** What the import wrote. {@code facts} counts as the benchmark does (see CorpusGenerator). */
    public record Result(
            int documents,
            int skipped,
            long facts,
            long nodes,
            long relationships,
            long met,
            long millis,
            long checkAndMergeMillis,
            long importMillis,
            long schemaMillis,
            long csvBytes) {}

    /** A document the import cannot take: the file and every problem, nothing written. */
    public static final class ImportFailed extends RuntimeException {
        ImportFailed(String message) {
            super(message);
        }

        ImportFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final DocumentParser parser = new DocumentParser();
    private final DocumentValidator validator = new DocumentValidator();
    private final PrintStream log;
    private final String maxOffHeapMemory;

    public BulkImport(PrintStream log, String maxOffHeapMemory) {
        this.log = log;
        this.maxOffHeapMemory = maxOffHeapMemory;
    }

    /** Whether {@code dataDir} already holds a store of the service. */
    public static boolean holdsStore(Path dataDir) {
        return Files.isDirectory(dataDir.resolve("data").resolve("databases"));
    }

    /**
     * Imports the {@code *.json} documents of {@code folder} into a new store in {@code dataDir}
     * (the service's {@code PARLEY_DATA_DIR}); an existing store there is replaced only with
     * {@code overwrite}. Throws {@link ImportFailed} naming the file and the problem.
     */
    public Result run(Path folder, Path dataDir, boolean overwrite) {
        long started = System.nanoTime();
        if (!Files.isDirectory(folder)) {
            throw new ImportFailed(folder + " is not a directory of source documents");
        }
        if (holdsStore(dataDir) && !overwrite) {
            throw new ImportFailed(dataDir + " already holds a store; stop the service and pass --force to replace it,"
                    + " or name another data directory");
        }
        Path parent = dataDir.toAbsolutePath().normalize().getParent();
        Path work;
        try {
            Files.createDirectories(parent);
            work = Files.createTempDirectory(parent, ".parley-import-");
        } catch (IOException e) {
            throw new ImportFailed("cannot create a staging directory next to " + dataDir + ": " + e.getMessage(), e);
        }
        try {
            Staged staged = stage(folder, work);
            long staged_ = System.nanoTime();
            long csvBytes = size(work.resolve("csv"));
            Path home = work.resolve("home");
            importCsv(staged, home);
            long imported = System.nanoTime();
            applySchema(home);
            long met = staged.met;
            long schema = System.nanoTime();
            install(home, dataDir, overwrite);
            return new Result(
                    staged.documents,
                    staged.skipped,
                    staged.facts,
                    staged.nodes,
                    staged.relationships + met,
                    met,
                    (System.nanoTime() - started) / 1_000_000,
                    (staged_ - started) / 1_000_000,
                    (imported - staged_) / 1_000_000,
                    (schema - imported) / 1_000_000,
                    csvBytes);
        } catch (IOException e) {
            throw new ImportFailed("import failed: " + e.getMessage(), e);
        } finally {
            delete(work);
        }
    }

    // ------------------------------------------------------------------ pass 1: read and check

    /** The CSV files written, and counts. */
    private static final class Staged {
        final List<Path> nodeFiles = new ArrayList<>();
        final List<Path> relationshipFiles = new ArrayList<>();
        int documents;
        int skipped;
        long facts;
        long nodes;
        long relationships;
        long met;
    }

    private Staged stage(Path folder, Path work) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        }
        if (files.isEmpty()) {
            throw new ImportFailed(folder + " holds no source documents (*.json)");
        }
        Path csv = Files.createDirectories(work.resolve("csv"));
        Path spill = Files.createDirectories(work.resolve("spill"));
        Staged staged = new Staged();
        Map<String, String> known = new HashMap<>();
        Map<String, String> sourceFiles = new HashMap<>();
        Types nodeTypes = new Types();
        Types relationshipTypes = new Types();
        Partitions nodeSpill = new Partitions(spill, "nodes");
        Partitions relationshipSpill = new Partitions(spill, "relationships");
        Meetings meetings = new Meetings(known);
        Path sources = csv.resolve("nodes-Source.csv");
        Path mentioned = csv.resolve("relationships-MENTIONED_IN.csv");
        Path reported = csv.resolve("relationships-REPORTED_IN.csv");
        try (Csv sourceCsv = new Csv(sources);
                Csv mentionedCsv = new Csv(mentioned);
                Csv reportedCsv = new Csv(reported)) {
            sourceCsv.header(
                    "id:ID",
                    ":LABEL",
                    "title",
                    "published:date",
                    "file",
                    "publisher",
                    "author",
                    "text",
                    "contentHash",
                    "modelVersion:long");
            mentionedCsv.header(":START_ID", ":END_ID", ":TYPE", "evidence:string[]");
            reportedCsv.header(":START_ID", ":END_ID", ":TYPE", "evidence", "sentences:string[]", "status");
            long read = 0;
            // Reading, parsing (JSON and JSON Schema) and checking run ahead on the other threads,
            // in order: a document's text checks in parallel with the documents before it, its
            // ids against earlier documents' once those are all in `known` (as a transactional
            // load would take them, one after another); the spill stays on this thread.
            Progress progress = new Progress();
            ExecutorService parsing = Executors.newFixedThreadPool(
                    Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                        Thread t = new Thread(r, "parley-import-parse");
                        t.setDaemon(true);
                        return t;
                    });
            Deque<Future<Parsed>> ahead = new ArrayDeque<>();
            int next = 0;
            try {
                for (int k = 0; k < files.size(); k++) {
                    Path file = files.get(k);
                    progress.done(k - 1); // every document before this one is in `known` now
                    while (next < files.size() && ahead.size() < PARSED_AHEAD) {
                        Path f = files.get(next);
                        int index = next++;
                        ahead.add(parsing.submit(() -> parse(f, index, known, progress)));
                    }
                    Parsed parsed = take(ahead.removeFirst());
                    byte[] json = parsed.json();
                    read += json.length;
                    KbDocument doc;
                    Map<String, String> labels;
                    try {
                        if (parsed.rejected() != null) {
                            throw parsed.rejected();
                        }
                        doc = parsed.document();
                        labels = parsed.labels();
                    } catch (DocumentRejectedException e) {
                        throw new ImportFailed(rejection(file, e.problems()), e);
                    }
                    String source = doc.source().id();
                    if (doc.entities().isEmpty()
                            && doc.facts().isEmpty()
                            && doc.relationships().isEmpty()) {
                        staged.skipped++; // the loader writes nothing for an empty document either
                        continue;
                    }
                    String earlier =
                            sourceFiles.putIfAbsent(source, file.getFileName().toString());
                    if (earlier != null) {
                        throw new ImportFailed(file + ": source '" + source + "' is also the source of " + earlier
                                + "; a folder holds one version of each source (load a newer version through the"
                                + " service afterwards)");
                    }
                    if (known.containsKey(source)) {
                        throw new ImportFailed(file + ": $.source.id: '" + source + "' is already a "
                                + known.get(source) + " in an earlier document and cannot also be a Source");
                    }
                    KbLoader.Plan plan = KbLoader.plan(doc, labels, parsed.sha256());
                    writeSource(sourceCsv, plan.sourceRow());
                    known.put(source, "Source");
                    for (KbDocument.Entity e : doc.entities()) {
                        known.put(e.id(), e.label());
                        Map<String, Object> properties = withoutNulls(e.properties());
                        nodeTypes.add(e.label(), file, e.id(), properties);
                        nodeSpill.write(e.id(), new Object[] {
                            e.id(), e.label(), e.name(), new ArrayList<>(e.aliases()), properties, null
                        });
                        mentionedCsv.row(e.id(), source, "MENTIONED_IN", array(e.evidence()));
                    }
                    for (KbDocument.Fact f : doc.facts()) {
                        known.put(f.id(), f.label());
                        Map<String, Object> properties = new LinkedHashMap<>(KbLoader.neo4jValues(f.properties()));
                        nodeTypes.add(f.label(), file, f.id(), withoutNulls(properties));
                        nodeSpill.write(f.id(), new Object[] {f.id(), f.label(), null, null, properties, null});
                        Object status = f.properties().get("status");
                        if ("Meeting".equals(f.label())) {
                            meetings.reported(f.id(), status);
                        }
                        reportedCsv.row(
                                f.id(),
                                source,
                                "REPORTED_IN",
                                f.evidence().isEmpty() ? null : f.evidence().getFirst(),
                                array(f.evidence()),
                                status == null ? null : String.valueOf(status));
                    }
                    long mentions = 0;
                    for (KbLoader.Step step : plan.nodes()) {
                        if ("ids".equals(step.parameter())) {
                            for (Object id : step.rows()) {
                                mentionedCsv.row((String) id, source, "MENTIONED_IN", null);
                                mentions++;
                            }
                        }
                    }
                    for (KbDocument.Relationship r : doc.relationships()) {
                        Map<String, Object> properties = new LinkedHashMap<>(KbLoader.neo4jValues(r.properties()));
                        relationshipTypes.add(
                                r.type(), file, r.from() + " " + r.type() + " " + r.to(), withoutNulls(properties));
                        relationshipSpill.write(r.from() + "|" + r.type() + "|" + r.to(), new Object[] {
                            r.type(), r.from(), r.to(), properties, new ArrayList<>(r.evidence()), source
                        });
                    }
                    staged.documents++;
                    staged.facts += 1
                            + 2L * (doc.entities().size() + doc.facts().size())
                            + mentions
                            + doc.relationships().size();
                    staged.relationships += doc.entities().size() + doc.facts().size() + mentions;
                    staged.nodes++;
                    if (staged.documents % 100 == 0) {
                        log.printf("read and checked %,d documents (%,d MB)%n", staged.documents, read >> 20);
                    }
                }
            } finally {
                parsing.shutdownNow();
            }
        } finally {
            nodeSpill.close();
            relationshipSpill.close();
        }
        staged.nodeFiles.add(sources);
        staged.relationshipFiles.add(mentioned);
        staged.relationshipFiles.add(reported);
        log.printf(
                "read and checked %,d documents (%,d empty, skipped); merging %d partitions%n",
                staged.documents, staged.skipped, PARTITIONS);
        if (!meetings.statuses.isEmpty()) {
            nodeTypes.add("Meeting", sources, "the meeting status", Map.of("status", "unknown"));
        }
        mergeNodes(nodeSpill, nodeTypes, csv, staged, meetings);
        mergeRelationships(relationshipSpill, relationshipTypes, csv, staged, meetings);
        delete(spill);
        staged.met = meetings.writeMet(csv.resolve("relationships-MET.csv"), nodeTypes.columns("Meeting"));
        if (staged.met > 0) {
            staged.relationshipFiles.add(csv.resolve("relationships-MET.csv"));
        }
        log.printf("derived %,d MET from %,d meetings%n", staged.met, meetings.meetings.size());
        return staged;
    }

    /** Documents read and parsed ahead of the one being checked (bounds the memory they take). */
    private static final int PARSED_AHEAD = 4;

    /** A document read and parsed, or the reason it was rejected. */
    private record Parsed(
            byte[] json,
            KbDocument document,
            String sha256,
            Map<String, String> labels,
            DocumentRejectedException rejected) {}

    /**
     * Reads, parses and checks the document {@code index} of the folder; its ids are looked up
     * in {@code known} only once every document before it is there.
     */
    private Parsed parse(Path file, int index, Map<String, String> known, Progress progress) throws IOException {
        byte[] json = Files.readAllBytes(file);
        try {
            KbDocument doc = parser.parse(json);
            Map<String, String> labels = validator.validate(doc, ids -> {
                progress.await(index - 1);
                Map<String, String> found = new HashMap<>();
                ids.forEach(id -> {
                    String label = known.get(id);
                    if (label != null) {
                        found.put(id, label);
                    }
                });
                return found;
            });
            return new Parsed(json, doc, ParsedDocument.sha256(json), labels, null);
        } catch (DocumentRejectedException e) {
            return new Parsed(json, null, null, null, e);
        }
    }

    /**
     * How far the checking thread got: the index of the last document whose ids are in {@code
     * known}. Its monitor orders those writes before the reads of a document checked after them.
     */
    private static final class Progress {
        private int done = -1;

        synchronized void done(int index) {
            done = index;
            notifyAll();
        }

        synchronized void await(int index) {
            while (done < index) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ImportFailed("interrupted while checking the documents", e);
                }
            }
        }
    }

    private static Parsed take(Future<Parsed> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailed("interrupted while reading the documents", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ImportFailed("cannot read a document: " + e.getCause(), e.getCause());
        }
    }

    private static String rejection(Path file, List<Problem> problems) {
        StringBuilder message = new StringBuilder(file.toString())
                .append(": ")
                .append(problems.size())
                .append(" problem(s); nothing was imported");
        problems.forEach(
                p -> message.append("\n  ").append(p.path()).append(": ").append(p.reason()));
        return message.toString();
    }

    private static void writeSource(Csv csv, Map<String, Object> row) throws IOException {
        csv.row(
                (String) row.get("id"),
                "Source",
                (String) row.get("title"),
                String.valueOf(row.get("published")),
                (String) row.get("file"),
                (String) row.get("publisher"),
                (String) row.get("author"),
                (String) row.get("text"),
                (String) row.get("contentHash"),
                String.valueOf(row.get("modelVersion")));
    }

    /** {@code SET n += {k: null}} on a new node or relationship sets nothing. */
    private static Map<String, Object> withoutNulls(Map<String, Object> properties) {
        Map<String, Object> copy = new LinkedHashMap<>(properties);
        copy.values().removeIf(v -> v == null);
        return copy;
    }

    // ------------------------------------------------------------------ pass 2: merge

    private void mergeNodes(Partitions spill, Types types, Path csv, Staged staged, Meetings meetings)
            throws IOException {
        Map<String, Csv> files = new TreeMap<>();
        try {
            for (int p = 0; p < PARTITIONS; p++) {
                Map<String, MergedNode> nodes = new LinkedHashMap<>();
                spill.read(p, row -> {
                    String id = (String) row[0];
                    MergedNode n = nodes.get(id);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> properties = (Map<String, Object>) row[4];
                    if (row[2] != null) { // an entity: merge-entities.cypher
                        if (n == null) {
                            n = new MergedNode((String) row[1], (String) row[2], withoutNulls(properties));
                            n.aliases = new ArrayList<>();
                            nodes.put(id, n);
                        }
                        @SuppressWarnings("unchecked")
                        List<String> aliases = (List<String>) row[3];
                        for (String a : aliases) {
                            if (!n.aliases.contains(a) && !a.equals(n.name)) {
                                n.aliases.add(a);
                            }
                        }
                    } else { // a fact: merge-facts.cypher, SET n += row.properties
                        if (n == null) {
                            n = new MergedNode((String) row[1], null, new LinkedHashMap<>());
                            nodes.put(id, n);
                        }
                        for (var e : properties.entrySet()) {
                            if (e.getValue() == null) {
                                n.properties.remove(e.getKey());
                            } else {
                                n.properties.put(e.getKey(), e.getValue());
                            }
                        }
                    }
                });
                for (var e : nodes.entrySet()) {
                    MergedNode n = e.getValue();
                    meetings.node(e.getKey(), n);
                    Csv file = files.get(n.label);
                    if (file == null) {
                        file = new Csv(csv.resolve("nodes-" + n.label + ".csv"));
                        List<String> header = new ArrayList<>(List.of("id:ID", ":LABEL"));
                        if (types.isEntity(n.label)) {
                            header.add("name");
                            header.add("aliases:string[]");
                        }
                        types.columns(n.label).forEach((key, type) -> header.add(key + type.suffix));
                        file.header(header.toArray(String[]::new));
                        files.put(n.label, file);
                    }
                    List<String> row = new ArrayList<>();
                    row.add(e.getKey());
                    row.add(KbSchema.isActor(n.label) ? n.label + ARRAY_DELIMITER + "Actor" : n.label);
                    if (types.isEntity(n.label)) {
                        row.add(n.name);
                        row.add(array(n.aliases));
                    }
                    for (var column : types.columns(n.label).entrySet()) {
                        row.add(column.getValue().field(n.properties.get(column.getKey())));
                    }
                    file.row(row.toArray(String[]::new));
                    staged.nodes++;
                }
            }
        } finally {
            for (Csv f : files.values()) {
                f.close();
            }
        }
        files.keySet().forEach(label -> staged.nodeFiles.add(csv.resolve("nodes-" + label + ".csv")));
    }

    private void mergeRelationships(Partitions spill, Types types, Path csv, Staged staged, Meetings meetings)
            throws IOException {
        Map<String, Csv> files = new TreeMap<>();
        try {
            for (int p = 0; p < PARTITIONS; p++) {
                Map<String, MergedRelationship> relationships = new LinkedHashMap<>();
                spill.read(p, row -> {
                    String key = row[1] + "|" + row[0] + "|" + row[2];
                    @SuppressWarnings("unchecked")
                    Map<String, Object> properties = (Map<String, Object>) row[3];
                    @SuppressWarnings("unchecked")
                    List<String> evidence = (List<String>) row[4];
                    String source = (String) row[5];
                    // merge-relationships.cypher: SET r += properties, append evidence and source
                    MergedRelationship r = relationships.computeIfAbsent(
                            key, k -> new MergedRelationship((String) row[0], (String) row[1], (String) row[2]));
                    for (var e : properties.entrySet()) {
                        if (e.getValue() == null) {
                            r.properties.remove(e.getKey());
                        } else {
                            r.properties.put(e.getKey(), e.getValue());
                        }
                    }
                    r.evidence.addAll(evidence);
                    evidence.forEach(x -> r.evidenceSources.add(source));
                    r.sources.add(source);
                });
                for (MergedRelationship r : relationships.values()) {
                    meetings.relationship(r);
                    Csv file = files.get(r.type);
                    if (file == null) {
                        file = new Csv(csv.resolve("relationships-" + r.type + ".csv"));
                        List<String> header = new ArrayList<>(List.of(":START_ID", ":END_ID", ":TYPE"));
                        types.columns(r.type).forEach((key, type) -> header.add(key + type.suffix));
                        header.addAll(List.of("evidence:string[]", "evidenceSources:string[]", "sources:string[]"));
                        file.header(header.toArray(String[]::new));
                        files.put(r.type, file);
                    }
                    List<String> row = new ArrayList<>(List.of(r.from, r.to, r.type));
                    for (var column : types.columns(r.type).entrySet()) {
                        row.add(column.getValue().field(r.properties.get(column.getKey())));
                    }
                    row.add(array(r.evidence));
                    row.add(array(r.evidenceSources));
                    row.add(array(new ArrayList<>(r.sources)));
                    file.row(row.toArray(String[]::new));
                    staged.relationships++;
                }
            }
        } finally {
            for (Csv f : files.values()) {
                f.close();
            }
        }
        files.keySet().forEach(type -> staged.relationshipFiles.add(csv.resolve("relationships-" + type + ".csv")));
    }

    /**
     * Meeting status and MET, derived as {@code cypher/loader/meeting-status.cypher} and {@code
     * derive-met.cypher} derive them over every meeting of a new store, from what the merge sees:
     * the REPORTED_IN statuses, the merged meetings and places, and the merged ATTENDED, HELD_IN,
     * HOLDS_ROLE and PART_OF. Holds those (not the other facts) in memory.
     */
    private static final class Meetings {
        private static final int HELD = 1;
        private static final int CANCELLED = 2;
        private static final int PLANNED = 4;

        private final Map<String, String> labels;
        /** Meeting id: the statuses its sources report (bits). */
        final Map<String, Integer> statuses = new HashMap<>();
        /** Meeting id: date, datePrecision, status, as merged. */
        final Map<String, Object[]> meetings = new HashMap<>();
        /** Place id: name, kind. */
        private final Map<String, String[]> places = new HashMap<>();
        /** Meeting id: [person, side or null] of each ATTENDED. */
        private final Map<String, List<String[]>> attended = new HashMap<>();

        private final Map<String, List<String>> heldIn = new HashMap<>();
        private final Map<String, List<String>> holdsRole = new HashMap<>();
        private final Map<String, List<String>> partOf = new HashMap<>();

        Meetings(Map<String, String> labels) {
            this.labels = labels;
        }

        void reported(String meeting, Object status) {
            int bit =
                    switch (status == null ? "" : String.valueOf(status)) {
                        case "held" -> HELD;
                        case "cancelled" -> CANCELLED;
                        case "planned" -> PLANNED;
                        default -> 0;
                    };
            statuses.merge(meeting, bit, (a, b) -> a | b);
        }

        /** A merged node about to be written: a meeting gets its status (meeting-status.cypher). */
        void node(String id, MergedNode n) {
            if ("Meeting".equals(n.label)) {
                int bits = statuses.getOrDefault(id, 0);
                String status = (bits & HELD) != 0
                        ? "held"
                        : (bits & CANCELLED) != 0 ? "cancelled" : (bits & PLANNED) != 0 ? "planned" : "unknown";
                n.properties.put("status", status);
                meetings.put(id, new Object[] {n.properties.get("date"), n.properties.get("datePrecision"), status});
            } else if ("Place".equals(n.label)) {
                Object kind = n.properties.get("kind");
                places.put(id, new String[] {n.name, kind == null ? null : String.valueOf(kind)});
            }
        }

        void relationship(MergedRelationship r) {
            switch (r.type) {
                case "ATTENDED" -> {
                    Object side = r.properties.get("side");
                    attended.computeIfAbsent(r.to, k -> new ArrayList<>())
                            .add(new String[] {r.from, side == null ? null : String.valueOf(side)});
                }
                case "HELD_IN" ->
                    heldIn.computeIfAbsent(r.from, k -> new ArrayList<>()).add(r.to);
                case "HOLDS_ROLE" ->
                    holdsRole.computeIfAbsent(r.from, k -> new ArrayList<>()).add(r.to);
                case "PART_OF" ->
                    partOf.computeIfAbsent(r.from, k -> new ArrayList<>()).add(r.to);
                default -> {}
            }
        }

        /** The one Country a person's roles lead to (HOLDS_ROLE, then PART_OF 0 to 3 times), or null. */
        private String roleSide(String person, Map<String, String> memo) {
            if (memo.containsKey(person)) {
                return memo.get(person);
            }
            Set<String> countries = new LinkedHashSet<>();
            for (String target : holdsRole.getOrDefault(person, List.of())) {
                // every node within 3 PART_OF hops (a shortest walk is a trail, so the same set)
                Set<String> seen = new LinkedHashSet<>(List.of(target));
                List<String> frontier = List.of(target);
                for (int hop = 0; hop < 3 && !frontier.isEmpty(); hop++) {
                    List<String> next = new ArrayList<>();
                    for (String n : frontier) {
                        for (String up : partOf.getOrDefault(n, List.of())) {
                            if (seen.add(up)) {
                                next.add(up);
                            }
                        }
                    }
                    frontier = next;
                }
                seen.stream().filter(n -> "Country".equals(labels.get(n))).forEach(countries::add);
            }
            String side = countries.size() == 1 ? countries.iterator().next() : null;
            memo.put(person, side);
            return side;
        }

        /** Writes every MET (derive-met.cypher) in the importer's format; returns how many. */
        long writeMet(Path file, Map<String, Type> meetingTypes) throws IOException {
            Type dateType = meetingTypes.getOrDefault("date", Type.STRING);
            Type precisionType = meetingTypes.getOrDefault("datePrecision", Type.STRING);
            Map<String, String> memo = new HashMap<>();
            long written = 0;
            try (Csv csv = new Csv(file)) {
                csv.header(
                        ":START_ID",
                        ":END_ID",
                        ":TYPE",
                        "meeting",
                        "place",
                        "date" + dateType.suffix,
                        "datePrecision" + precisionType.suffix,
                        "status");
                for (var m : new TreeMap<>(meetings).entrySet()) {
                    String meeting = m.getKey();
                    List<String[]> attendees = new ArrayList<>();
                    for (String[] a : attended.getOrDefault(meeting, List.of())) {
                        if (!"Person".equals(labels.get(a[0]))) {
                            continue;
                        }
                        String side = a[1] != null ? a[1] : roleSide(a[0], memo);
                        if (side != null) {
                            attendees.add(new String[] {a[0], side});
                        }
                    }
                    if (attendees.size() < 2) {
                        continue;
                    }
                    String place = heldIn.getOrDefault(meeting, List.of()).stream()
                            .filter(p -> "Place".equals(labels.get(p)) && places.containsKey(p))
                            .map(places::get)
                            .min(Comparator.<String[]>comparingInt(
                                            p -> "city".equals(p[1]) || "town".equals(p[1]) ? 0 : 1)
                                    .thenComparing(p -> p[0], Comparator.nullsLast(Comparator.naturalOrder())))
                            .map(p -> p[0])
                            .orElse(null);
                    Object[] v = m.getValue();
                    String date = dateType.field(v[0]);
                    String precision = precisionType.field(v[1]);
                    for (String[] x : attendees) {
                        for (String[] y : attendees) {
                            if (x[0].compareTo(y[0]) < 0 && !x[1].equals(y[1])) {
                                csv.row(x[0], y[0], "MET", meeting, place, date, precision, (String) v[2]);
                                written++;
                            }
                        }
                    }
                }
            }
            return written;
        }
    }

    private static final class MergedNode {
        final String label;
        final String name;
        final Map<String, Object> properties;
        List<String> aliases;

        MergedNode(String label, String name, Map<String, Object> properties) {
            this.label = label;
            this.name = name;
            this.properties = properties;
        }
    }

    private static final class MergedRelationship {
        final String type;
        final String from;
        final String to;
        final Map<String, Object> properties = new LinkedHashMap<>();
        final List<String> evidence = new ArrayList<>();
        final List<String> evidenceSources = new ArrayList<>();
        final Set<String> sources = new LinkedHashSet<>();

        MergedRelationship(String type, String from, String to) {
            this.type = type;
            this.from = from;
            this.to = to;
        }
    }

    // ------------------------------------------------------------------ pass 3: import, derive, install

    private void importCsv(Staged staged, Path home) throws IOException {
        Files.createDirectories(home.resolve("conf"));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("database", "import", "full"));
        staged.nodeFiles.forEach(f -> args.add("--nodes=" + f));
        staged.relationshipFiles.forEach(f -> args.add("--relationships=" + f));
        args.addAll(List.of(
                "--array-delimiter=U+001F",
                "--multiline-fields=true",
                "--max-off-heap-memory=" + maxOffHeapMemory,
                "--report-file=" + home.resolve("import.report"),
                "neo4j"));
        log.printf(
                "importing %,d nodes and %,d relationships with neo4j-admin database import%n",
                staged.nodes, staged.relationships);
        int status = AdminTool.execute(
                new ExecutionContext(home, home.resolve("conf"), print, print, new DefaultFileSystemAbstraction()),
                args.toArray(String[]::new));
        if (status != 0) {
            throw new ImportFailed("neo4j-admin database import failed (exit status " + status + "):\n" + output);
        }
    }

    /**
     * Starts Neo4j on the new store and applies the schema; its indexes are populated once, over
     * the whole store (the meeting status and MET are already in the import's input).
     */
    private void applySchema(Path home) {
        log.println("applying cypher/schema.cypher");
        try (EmbeddedNeo4j neo4j = new EmbeddedNeo4j(home, "127.0.0.1", 0, 0, false, ByteUnit.mebiBytes(512));
                Driver driver = GraphDatabase.driver(neo4j.uri(), AuthTokens.none());
                Session session = driver.session()) {
            session.executeWrite(SchemaInitializer::create);
            session.executeWrite(SchemaInitializer::awaitIndexes);
        }
    }

    /** Moves the new store into the data directory, replacing the old one's data only when told. */
    private static void install(Path home, Path dataDir, boolean overwrite) throws IOException {
        Files.createDirectories(dataDir);
        Path target = dataDir.resolve("data");
        if (Files.exists(target)) {
            if (!overwrite) {
                throw new ImportFailed(dataDir + " already holds a store; pass --force to replace it");
            }
            Path old = Files.createTempDirectory(dataDir.toAbsolutePath().getParent(), ".parley-replaced-");
            Files.move(target, old.resolve("data"), StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(home.resolve("data"), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(old.resolve("data"), target, StandardCopyOption.ATOMIC_MOVE);
                throw e;
            }
            delete(old);
        } else {
            Files.move(home.resolve("data"), target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Bytes of the files under a directory. */
    public static long size(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }

    // ------------------------------------------------------------------ CSV and spill files

    /** The import type of each property key, per label or relationship type. */
    private static final class Types {
        private final Map<String, Map<String, Type>> byName = new HashMap<>();

        void add(String name, Path file, String what, Map<String, Object> properties) {
            Map<String, Type> types = byName.computeIfAbsent(name, k -> new TreeMap<>());
            properties.forEach((key, value) -> {
                Type type = Type.of(value);
                Type before = types.putIfAbsent(key, type);
                if (before != null && before != type) {
                    throw new ImportFailed(file + ": property '" + key + "' of " + what + " is a " + type.name
                            + ", but earlier documents gave it to a " + name + " as a " + before.name
                            + "; the import writes one type per property and label; load such documents through"
                            + " the service");
                }
            });
        }

        boolean isEntity(String label) {
            return List.of("Person", "Institution", "Country", "Place", "Topic").contains(label);
        }

        Map<String, Type> columns(String name) {
            return byName.getOrDefault(name, Map.of());
        }
    }

    private enum Type {
        STRING("text", ""),
        LONG("integer", ":long"),
        DOUBLE("float", ":double"),
        BOOLEAN("boolean", ":boolean"),
        DATE("date", ":date"),
        STRINGS("list", ":string[]");

        final String name;
        final String suffix;

        Type(String name, String suffix) {
            this.name = name;
            this.suffix = suffix;
        }

        static Type of(Object value) {
            return switch (value) {
                case Long l -> LONG;
                case Integer i -> LONG;
                case Double d -> DOUBLE;
                case Boolean b -> BOOLEAN;
                case LocalDate d -> DATE;
                case List<?> l -> STRINGS;
                default -> STRING;
            };
        }

        String field(Object value) {
            if (value == null) {
                return null;
            }
            if (this == STRINGS) {
                List<String> elements = new ArrayList<>();
                ((List<?>) value).forEach(e -> elements.add(String.valueOf(e)));
                return array(elements);
            }
            return String.valueOf(value);
        }
    }

    /** Array elements joined by U+001F; null (no property) for an empty list, as the loader's [] reads. */
    private static String array(List<String> elements) {
        if (elements == null || elements.isEmpty()) {
            return null;
        }
        for (String e : elements) {
            if (e.indexOf(ARRAY_DELIMITER) >= 0) {
                throw new ImportFailed("a value contains U+001F, the array delimiter of the import: '" + e + "'");
            }
        }
        return String.join(String.valueOf(ARRAY_DELIMITER), elements);
    }

    /** A CSV file in the importer's format: every value quoted, a missing one an empty field. */
    private static final class Csv implements AutoCloseable {
        private final Writer out;

        Csv(Path file) throws IOException {
            this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        }

        void header(String... columns) throws IOException {
            out.write(String.join(",", columns));
            out.write('\n');
        }

        void row(String... values) throws IOException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                if (values[i] != null) {
                    out.write('"');
                    out.write(values[i].replace("\"", "\"\""));
                    out.write('"');
                }
            }
            out.write('\n');
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /**
     * Rows spilled to disk by the hash of their key, so that one partition at a time is merged.
     * Written in a compact tagged format of the few value types a document's properties hold
     * (Java serialization took a fifth of the check pass's time, looking up back-references).
     */
    private static final class Partitions implements AutoCloseable {
        private final Path dir;
        private final String name;
        private final DataOutputStream[] out = new DataOutputStream[PARTITIONS];

        Partitions(Path dir, String name) {
            this.dir = dir;
            this.name = name;
        }

        private Path file(int p) {
            return dir.resolve(name + "-" + p + ".bin");
        }

        void write(String key, Object[] row) throws IOException {
            int p = Math.floorMod(key.hashCode(), PARTITIONS);
            if (out[p] == null) {
                out[p] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(p)), 1 << 16));
            }
            out[p].writeInt(row.length);
            for (Object value : row) {
                writeValue(out[p], value);
            }
        }

        interface RowConsumer {
            void accept(Object[] row);
        }

        void read(int p, RowConsumer consumer) throws IOException {
            if (!Files.exists(file(p))) {
                return;
            }
            try (DataInputStream in =
                    new DataInputStream(new BufferedInputStream(Files.newInputStream(file(p)), 1 << 16))) {
                while (true) {
                    int length;
                    try {
                        length = in.readInt();
                    } catch (EOFException end) {
                        break;
                    }
                    Object[] row = new Object[length];
                    for (int i = 0; i < length; i++) {
                        row[i] = readValue(in);
                    }
                    consumer.accept(row);
                }
            }
            Files.delete(file(p));
        }

        private static void writeValue(DataOutputStream out, Object value) throws IOException {
            switch (value) {
                case null -> out.writeByte('N');
                case String s -> {
                    out.writeByte('s');
                    writeString(out, s);
                }
                case Long l -> {
                    out.writeByte('l');
                    out.writeLong(l);
                }
                case Integer i -> {
                    out.writeByte('i');
                    out.writeInt(i);
                }
                case Double d -> {
                    out.writeByte('d');
                    out.writeDouble(d);
                }
                case Boolean b -> {
                    out.writeByte('b');
                    out.writeBoolean(b);
                }
                case LocalDate d -> {
                    out.writeByte('D');
                    out.writeLong(d.toEpochDay());
                }
                case List<?> list -> {
                    out.writeByte('L');
                    out.writeInt(list.size());
                    for (Object e : list) {
                        writeValue(out, e);
                    }
                }
                case Map<?, ?> map -> {
                    out.writeByte('M');
                    out.writeInt(map.size());
                    for (var e : map.entrySet()) {
                        writeString(out, (String) e.getKey());
                        writeValue(out, e.getValue());
                    }
                }
                default -> { // any other value the parser gives: Java serialization, one value
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
                        o.writeObject(value);
                    }
                    out.writeByte('J');
                    out.writeInt(bytes.size());
                    bytes.writeTo(out);
                }
            }
        }

        private static Object readValue(DataInputStream in) throws IOException {
            byte tag = in.readByte();
            return switch (tag) {
                case 'N' -> null;
                case 's' -> readString(in);
                case 'l' -> in.readLong();
                case 'i' -> in.readInt();
                case 'd' -> in.readDouble();
                case 'b' -> in.readBoolean();
                case 'D' -> LocalDate.ofEpochDay(in.readLong());
                case 'L' -> {
                    int size = in.readInt();
                    List<Object> list = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        list.add(readValue(in));
                    }
                    yield list;
                }
                case 'M' -> {
                    int size = in.readInt();
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < size; i++) {
                        String key = readString(in);
                        map.put(key, readValue(in));
                    }
                    yield map;
                }
                case 'J' -> {
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    try (ObjectInputStream o = new ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
                        yield o.readObject();
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                }
                default -> throw new IllegalStateException("corrupt spill file: tag " + tag);
            };
        }

        private static void writeString(DataOutputStream out, String s) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        private static String readString(DataInputStream in) throws IOException {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            for (DataOutputStream o : out) {
                if (o != null) {
                    o.close();
                }
            }
        }
    }
}
