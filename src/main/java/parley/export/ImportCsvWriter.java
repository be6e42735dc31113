package parley.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Value;

/**
 * CSV in the header format of {@code neo4j-admin database import}: {@code id:ID}, {@code :LABEL},
 * {@code :START_ID}, {@code :END_ID}, {@code :TYPE} and typed properties ({@code date:date},
 * {@code aliases:string[]}). Every text is quoted ({@code ""} inside); a missing property is an
 * empty unquoted field, an empty list an empty quoted one. Array elements are separated by U+001F
 * (the unit separator, which no sentence contains), so the import needs {@code
 * --array-delimiter=U+001F}, and {@code --multiline-fields=true} for the articles' text.
 */
final class ImportCsvWriter {

    /** The array delimiter, also between the labels of {@code :LABEL}. */
    static final char ARRAY_DELIMITER = '\u001F';

    private final Writer out;

    ImportCsvWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    void writeNodes(Map<String, List<String>> keyTypes, Exporter.Rows nodes) throws IOException {
        Map<String, String> columns = columns(keyTypes);
        columns.remove("id");
        List<String> header = new ArrayList<>(List.of("id:ID", ":LABEL"));
        columns.forEach((key, type) -> header.add(key + ":" + type));
        line(header);
        nodes.forEach(r -> {
            Map<String, Object> p = r.get("properties").asMap();
            StringBuilder row = new StringBuilder();
            row.append(quote(String.valueOf(p.get("id")))).append(',');
            row.append(quote(
                    String.join(String.valueOf(ARRAY_DELIMITER), r.get("labels").asList(Value::asString))));
            columns.forEach((key, type) -> row.append(',').append(field(key, type, p.get(key))));
            write(row);
        });
        out.flush();
    }

    void writeRelationships(Map<String, List<String>> keyTypes, Exporter.Rows relationships) throws IOException {
        Map<String, String> columns = columns(keyTypes);
        List<String> header = new ArrayList<>(List.of(":START_ID", ":END_ID", ":TYPE"));
        columns.forEach((key, type) -> header.add(key + ":" + type));
        line(header);
        relationships.forEach(r -> {
            Map<String, Object> p = r.get("properties").asMap();
            StringBuilder row = new StringBuilder();
            row.append(quote(r.get("start").asString())).append(',');
            row.append(quote(r.get("end").asString())).append(',');
            row.append(quote(r.get("type").asString()));
            columns.forEach((key, type) -> row.append(',').append(field(key, type, p.get(key))));
            write(row);
        });
        out.flush();
    }

    /**
     * One import type per key from the Cypher value types it takes ({@code "DATE NOT NULL"},
     * {@code "LIST<STRING NOT NULL> NOT NULL"}); an empty list says nothing about its elements.
     * A key that mixes kinds of value falls back to text.
     */
    static Map<String, String> columns(Map<String, List<String>> keyTypes) {
        Map<String, String> columns = new LinkedHashMap<>();
        keyTypes.forEach((key, types) -> {
            Set<String> scalars = new LinkedHashSet<>();
            Set<String> elements = new LinkedHashSet<>();
            boolean list = false;
            for (String t : types) {
                String type = t.replace(" NOT NULL", "").strip();
                if (type.startsWith("LIST<")) {
                    list = true;
                    String element = type.substring(5, type.length() - 1).strip();
                    if (!element.equals("NOTHING")) {
                        elements.add(importType(element));
                    }
                } else {
                    scalars.add(importType(type));
                }
            }
            String column;
            if (list && scalars.isEmpty()) {
                column = (elements.size() == 1 ? elements.iterator().next() : "string") + "[]";
            } else if (!list && scalars.size() == 1) {
                column = scalars.iterator().next();
            } else if (!list && scalars.equals(Set.of("long", "double"))) {
                column = "double";
            } else {
                column = "string";
            }
            columns.put(key, column);
        });
        return columns;
    }

    private static String importType(String cypherType) {
        return switch (cypherType) {
            case "INTEGER" -> "long";
            case "FLOAT" -> "double";
            case "BOOLEAN" -> "boolean";
            case "DATE" -> "date";
            case "LOCAL DATETIME" -> "localdatetime";
            case "ZONED DATETIME" -> "datetime";
            case "LOCAL TIME" -> "localtime";
            case "ZONED TIME" -> "time";
            case "DURATION" -> "duration";
            default -> "string";
        };
    }

    private static String field(String key, String type, Object value) {
        if (value == null) {
            return "";
        }
        if (type.endsWith("[]")) {
            if (!(value instanceof List<?> list)) {
                return quote(element(key, value));
            }
            StringBuilder joined = new StringBuilder();
            for (Object element : list) {
                if (!joined.isEmpty()) {
                    joined.append(ARRAY_DELIMITER);
                }
                joined.append(element(key, element));
            }
            return quote(joined.toString());
        }
        if (type.equals("string")) {
            return quote(value instanceof List<?> ? String.valueOf(value) : String.valueOf(value));
        }
        return quote(String.valueOf(value));
    }

    private static String element(String key, Object element) {
        String text = String.valueOf(element);
        if (text.indexOf(ARRAY_DELIMITER) >= 0) {
            throw new IllegalStateException(
                    "A value of '" + key + "' contains U+001F, the array delimiter of the CSV export");
        }
        return text;
    }

    static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private void line(List<String> fields) throws IOException {
        out.write(String.join(",", fields));
        out.write('\n');
    }

    private void write(CharSequence row) {
        try {
            out.append(row).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
