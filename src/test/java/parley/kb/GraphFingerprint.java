package parley.kb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import parley.neo4j.Graph;

/**
 * A digest of every node, relationship and property, to show that a request changed nothing.
 * Canonical: rows are sorted by content (element ids change when MET is re-derived) and each
 * relationship's evidence is paired with its source and sorted (a reloaded source's sentences
 * move to the end of the lists, which says the same thing); an empty list is no property. The
 * write-lock node is left out: it counts committed writes, and is no part of the knowledge.
 */
public final class GraphFingerprint {

    private GraphFingerprint() {}

    public static String of(Graph graph) {
        return digest(rows(graph));
    }

    /** The digest of some rows of {@link #rows}: counts and SHA-256. */
    public static String digest(List<String> rows) {
        long nodes = rows.stream().filter(row -> row.startsWith("N[")).count();
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        rows.forEach(row -> digest.update(row.getBytes(StandardCharsets.UTF_8)));
        return nodes + " nodes, " + (rows.size() - nodes) + " relationships, "
                + HexFormat.of().formatHex(digest.digest());
    }

    /** The canonical rows the digest is made of, sorted: one per node and per relationship. */
    public static List<String> rows(Graph graph) {
        List<String> rows = new ArrayList<>();
        graph.read("MATCH (n) WHERE NOT n:KbWriteLock RETURN labels(n) AS labels, properties(n) AS p", Map.of())
                .records()
                .forEach(r -> rows.add("N" + sortedLabels(r)
                        + withoutEmptyLists(new TreeMap<>(r.get("p").asMap()))));
        graph.read("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS p", Map.of())
                .records()
                .forEach(r -> rows.add("R" + r.get("a") + r.get("type") + r.get("b") + canonical(r.get("p"))));
        rows.sort(null);
        return rows;
    }

    private static List<String> sortedLabels(Record r) {
        List<String> labels = new ArrayList<>(r.get("labels").asList(Value::asString));
        labels.sort(null);
        return labels;
    }

    /**
     * An empty list counts as no property: CSV for {@code neo4j-admin database import} cannot
     * write an empty array (an empty field is no value), and Cypher reads both as nothing there.
     */
    private static Map<String, Object> withoutEmptyLists(Map<String, Object> p) {
        p.values().removeIf(v -> v instanceof List<?> l && l.isEmpty());
        return p;
    }

    private static Map<String, Object> canonical(Value properties) {
        Map<String, Object> p = withoutEmptyLists(new TreeMap<>(properties.asMap()));
        if (p.get("evidenceSources") instanceof List<?> sources && p.get("evidence") instanceof List<?> evidence) {
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                pairs.add(sources.get(i) + "\u0000" + evidence.get(i));
            }
            pairs.sort(null);
            p.put("evidence", pairs);
            p.remove("evidenceSources");
            List<String> sorted = new ArrayList<>(
                    ((List<?>) p.get("sources")).stream().map(Object::toString).toList());
            sorted.sort(null);
            p.put("sources", sorted);
        }
        return p;
    }
}
