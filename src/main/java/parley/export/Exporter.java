package parley.export;

import io.micronaut.core.annotation.Nullable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;

/**
 * Writes one export from one read transaction. Records are pulled from Neo4j in the driver's
 * batches and written as they come, so memory holds a batch, never the graph.
 */
public final class Exporter {

    /** The formats, with the file name and media type each is served as. */
    public enum Format {
        GRAPHML("graph.graphml", "application/graphml+xml"),
        JSONL("facts.jsonl", "application/jsonl"),
        NODES_CSV("nodes.csv", "text/csv"),
        RELATIONSHIPS_CSV("relationships.csv", "text/csv"),
        CSV_ZIP("csv.zip", "application/zip");

        public final String fileName;
        public final String mediaType;

        Format(String fileName, String mediaType) {
            this.fileName = fileName;
            this.mediaType = mediaType;
        }
    }

    private Exporter() {}

    /**
     * The ids of the actor's network (the actor included), or an empty list when no actor has
     * that id. Resolved before the stream starts, so an unknown id can still be answered 404.
     */
    public static List<String> actorNetwork(Transaction tx, String actor, int depth) {
        Result result = tx.run(ExportQueries.ACTOR_SCOPE, Map.of("actor", actor, "depth", depth));
        return result.hasNext() ? result.next().get("ids").asList(Value::asString) : List.of();
    }

    /** Whether a source with this id exists. */
    public static boolean sourceExists(Transaction tx, String source) {
        return tx.run(ExportQueries.SOURCE_EXISTS, Map.of("source", source)).hasNext();
    }

    /**
     * Writes the export; the scope's actor must already be resolved to {@code ids}. {@code
     * relationshipType} names the one type {@link Format#RELATIONSHIPS_CSV} holds (required there:
     * one key may be a text on one type and a list on another, and a CSV column has one type).
     */
    public static void write(
            Format format, Transaction tx, ExportScope scope, @Nullable String relationshipType, OutputStream out)
            throws IOException {
        try {
            switch (format) {
                case GRAPHML -> new GraphMlWriter(out).write(nodes(tx, scope, false), relationships(tx, scope, null));
                case JSONL -> new JsonLinesWriter(out).write(nodes(tx, scope, false), relationships(tx, scope, null));
                case NODES_CSV -> writeNodesCsv(tx, scope, out);
                case RELATIONSHIPS_CSV -> {
                    Map<String, List<String>> keys =
                            relationshipKeys(tx, scope).getOrDefault(relationshipType, Map.of());
                    new ImportCsvWriter(out).writeRelationships(keys, relationships(tx, scope, relationshipType));
                }
                case CSV_ZIP -> writeCsvZip(tx, scope, out);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The CSV files of a whole import (nodes, one file per relationship type, import.sh). */
    public static void writeCsvFiles(Transaction tx, ExportScope scope, CsvFiles files) throws IOException {
        try (OutputStream out = files.open("nodes.csv")) {
            writeNodesCsv(tx, scope, out);
        }
        Map<String, Map<String, List<String>>> types = relationshipKeys(tx, scope);
        for (Map.Entry<String, Map<String, List<String>>> type : types.entrySet()) {
            try (OutputStream out = files.open(relationshipsFile(type.getKey()))) {
                new ImportCsvWriter(out).writeRelationships(type.getValue(), relationships(tx, scope, type.getKey()));
            }
        }
        try (OutputStream out = files.open("import.sh")) {
            out.write(importCommand(types.keySet()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Where the CSV files of an import go, one after the other. */
    public interface CsvFiles {
        OutputStream open(String name) throws IOException;
    }

    /** The relationship types in scope, each with its property keys and their value types. */
    public static Map<String, Map<String, List<String>>> relationshipKeys(Transaction tx, ExportScope scope) {
        Map<String, Map<String, List<String>>> types = new TreeMap<>();
        tx.run(ExportQueries.relationshipKeys(scope), scope.parameters()).forEachRemaining(r -> {
            Map<String, List<String>> keys = types.computeIfAbsent(r.get("type").asString(), t -> new TreeMap<>());
            if (!r.get("key").isNull()) {
                keys.put(r.get("key").asString(), r.get("types").asList(Value::asString));
            }
        });
        return types;
    }

    static String relationshipsFile(String type) {
        return "relationships-" + type + ".csv";
    }

    /** The neo4j-admin command that imports the files of {@link #writeCsvFiles}. */
    static String importCommand(Iterable<String> types) {
        StringBuilder s = new StringBuilder("#!/bin/sh\n"
                + "# Imports these files into a new, empty database named neo4j (stop the server first;\n"
                + "# neo4j-admin of the same Neo4j version).\n"
                + "cd \"$(dirname \"$0\")\"\n"
                + "neo4j-admin database import full \\\n"
                + "  --nodes=nodes.csv");
        for (String type : types) {
            s.append(" \\\n  --relationships=").append(relationshipsFile(type));
        }
        // The options with one value come last: --relationships would take the name as a file.
        return s.append(" \\\n  --array-delimiter=U+001F --multiline-fields=true neo4j\n")
                .toString();
    }

    private static void writeNodesCsv(Transaction tx, ExportScope scope, OutputStream out) throws IOException {
        new ImportCsvWriter(out).writeNodes(keys(tx, ExportQueries.nodeKeys(scope), scope), nodes(tx, scope, true));
    }

    private static void writeCsvZip(Transaction tx, ExportScope scope, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        writeCsvFiles(tx, scope, name -> {
            zip.putNextEntry(new ZipEntry(name));
            return new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    zip.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                    zip.closeEntry();
                }
            };
        });
        zip.finish();
        zip.flush();
    }

    /** A stream of records that is read once, as it is written. */
    interface Rows {
        void forEach(Consumer<Record> action);
    }

    private static Rows nodes(Transaction tx, ExportScope scope, boolean withText) {
        Map<String, Object> p = new HashMap<>(scope.parameters());
        p.put("withText", withText);
        return action -> stream(tx.run(ExportQueries.nodes(scope), p), action);
    }

    private static Rows relationships(Transaction tx, ExportScope scope, @Nullable String type) {
        return action -> stream(tx.run(ExportQueries.relationships(scope, type), scope.parameters()), action);
    }

    private static Map<String, List<String>> keys(Transaction tx, String query, ExportScope scope) {
        Map<String, List<String>> keys = new java.util.LinkedHashMap<>();
        tx.run(query, scope.parameters())
                .forEachRemaining(
                        r -> keys.put(r.get("key").asString(), r.get("types").asList(Value::asString)));
        return keys;
    }

    private static void stream(Result result, Consumer<Record> action) {
        while (result.hasNext()) {
            action.accept(result.next());
        }
    }
}
