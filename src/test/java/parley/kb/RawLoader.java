package parley.kb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import parley.neo4j.CypherScript;

/**
 * The raw-driver baseline of the loader benchmark: the very statements of {@code cypher/loader/}
 * that {@link KbLoader} runs, in the same order, with the same batch size and in one write
 * transaction per document, but with the parameter rows built before the clock starts — no JSON
 * parsing, no validation, no service in between. The ratio real/raw is our overhead.
 */
public final class RawLoader {

    private static final String MEETINGS_OF_SOURCE = loader("meetings-of-source");
    private static final String UNLINK_MET = loader("unlink-met");
    private static final String MERGE_SOURCE = loader("merge-source");
    private static final String MERGE_ENTITIES = loader("merge-entities");
    private static final String MERGE_FACTS = loader("merge-facts");
    private static final String MERGE_RELATIONSHIPS = loader("merge-relationships");
    private static final String MEETING_STATUS = loader("meeting-status");
    private static final String DERIVE_MET = loader("derive-met");

    private RawLoader() {}

    private static String loader(String name) {
        return CypherScript.read("loader/" + name + ".cypher");
    }

    /** One statement with its rows, in loader order. */
    private record Step(String cypher, List<Map<String, Object>> rows, boolean returnsIds) {}

    /** A document turned into statements and rows. */
    public record Prepared(
            String source,
            Map<String, Object> sourceRow,
            List<String> meetings,
            List<Step> nodes,
            List<Step> relationships,
            List<Map<String, Object>> relEndpoints) {}

    /** Parses a document (the real parser, outside any timing) and builds the rows. */
    public static Prepared prepare(byte[] json) {
        KbDocument doc = new DocumentParser().parse(json);
        Map<String, String> labels = new HashMap<>();
        doc.entities().forEach(e -> labels.put(e.id(), e.label()));
        doc.facts().forEach(f -> labels.put(f.id(), f.label()));
        Set<String> meetings = new LinkedHashSet<>();
        doc.facts().stream().filter(f -> "Meeting".equals(f.label())).forEach(f -> meetings.add(f.id()));
        doc.relationships().forEach(r -> {
            if ("Meeting".equals(labels.get(r.to()))) meetings.add(r.to());
            if ("Meeting".equals(labels.get(r.from()))) meetings.add(r.from());
        });
        Map<String, Object> sourceRow = new HashMap<>();
        sourceRow.put("id", doc.source().id());
        sourceRow.put("title", doc.source().title());
        sourceRow.put("published", LocalDate.parse(doc.source().published()));
        sourceRow.put("file", doc.source().file());
        sourceRow.put("publisher", doc.source().publisher());
        sourceRow.put("author", doc.source().author());
        sourceRow.put("text", doc.text());
        List<Step> nodes = new ArrayList<>();
        Map<String, List<Map<String, Object>>> entities = new TreeMap<>();
        for (KbDocument.Entity e : doc.entities()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", e.id());
            row.put("name", e.name());
            row.put("aliases", e.aliases());
            row.put("properties", e.properties());
            row.put("evidence", e.evidence());
            entities.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(row);
        }
        entities.forEach((label, rows) -> nodes.add(new Step(
                MERGE_ENTITIES.replace("${labels}", KbSchema.isActor(label) ? label + ":Actor" : label), rows, true)));
        Map<String, List<Map<String, Object>>> facts = new TreeMap<>();
        for (KbDocument.Fact f : doc.facts()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", f.id());
            row.put("properties", values(f.properties()));
            row.put("evidence", f.evidence());
            row.put("status", f.properties().get("status"));
            facts.computeIfAbsent(f.label(), k -> new ArrayList<>()).add(row);
        }
        facts.forEach((label, rows) -> nodes.add(new Step(MERGE_FACTS.replace("${label}", label), rows, true)));
        List<Step> rels = new ArrayList<>();
        List<Map<String, Object>> endpoints = new ArrayList<>();
        Map<String, List<Map<String, Object>>> byType = new TreeMap<>();
        for (KbDocument.Relationship r : doc.relationships()) {
            Map<String, Object> row = new HashMap<>();
            row.put("from", r.from());
            row.put("to", r.to());
            row.put("properties", values(r.properties()));
            row.put("evidence", r.evidence());
            byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(row);
        }
        byType.forEach((type, rows) -> rels.add(new Step(MERGE_RELATIONSHIPS.replace("${type}", type), rows, false)));
        return new Prepared(doc.source().id(), sourceRow, List.copyOf(meetings), nodes, rels, endpoints);
    }

    private static Map<String, Object> values(Map<String, Object> properties) {
        Map<String, Object> values = new LinkedHashMap<>(properties);
        if (values.get("date") instanceof String date) {
            values.put("date", LocalDate.parse(date));
        }
        return values;
    }

    /**
     * Loads in one write transaction with the loader's statements and batch size; reports the
     * time of each statement batch to {@code batchNanos} if not null.
     */
    public static void load(Driver driver, Prepared p, int batchSize) {
        try (Session session = driver.session()) {
            session.executeWrite(tx -> {
                run(tx, p, batchSize);
                return null;
            });
        }
    }

    private static void run(TransactionContext tx, Prepared p, int batchSize) {
        String source = p.source();
        boolean exists = tx.run("MATCH (s:Source {id: $id}) RETURN count(s) > 0 AS exists", Map.of("id", source))
                .single()
                .get("exists")
                .asBoolean();
        Set<String> meetings = new LinkedHashSet<>(p.meetings());
        if (exists) {
            meetings.addAll(tx.run(MEETINGS_OF_SOURCE, Map.of("source", source))
                    .single()
                    .get("meetings")
                    .asList(v -> v.asString()));
        }
        tx.run(UNLINK_MET, Map.of("meetings", List.copyOf(meetings))).consume();
        tx.run(MERGE_SOURCE, Map.of("source", p.sourceRow())).consume();
        Map<String, String> elementIds = new HashMap<>();
        for (Step step : p.nodes()) {
            batches(step.rows(), batchSize, batch -> {
                var result = tx.run(step.cypher(), Map.of("source", source, "rows", batch));
                result.forEachRemaining(r -> elementIds.put(
                        r.get("id").asString(), r.get("elementId").asString()));
            });
        }
        for (Step step : p.relationships()) {
            batches(step.rows(), batchSize, batch -> {
                List<Map<String, Object>> rows = new ArrayList<>(batch.size());
                for (Map<String, Object> row : batch) {
                    Map<String, Object> r = new HashMap<>(row);
                    r.put("from", elementIds.get((String) row.get("from")));
                    r.put("to", elementIds.get((String) row.get("to")));
                    rows.add(r);
                }
                tx.run(step.cypher(), Map.of("source", source, "rows", rows)).consume();
            });
        }
        List<String> ids = List.copyOf(meetings);
        tx.run(MEETING_STATUS, Map.of("meetings", ids)).consume();
        tx.run(DERIVE_MET, Map.of("meetings", ids)).consume();
    }

    /**
     * The naive baseline: every fact (each entity, fact and relationship row, and the derivation
     * of each meeting's MET) in its own write transaction.
     */
    public static void loadOneTransactionPerFact(Driver driver, Prepared p) {
        String source = p.source();
        Map<String, String> elementIds = new HashMap<>();
        try (Session session = driver.session()) {
            session.executeWrite(
                    tx -> tx.run(MERGE_SOURCE, Map.of("source", p.sourceRow())).consume());
            for (Step step : p.nodes()) {
                for (Map<String, Object> row : step.rows()) {
                    session.executeWrite(tx -> {
                        tx.run(step.cypher(), Map.of("source", source, "rows", List.of(row)))
                                .forEachRemaining(r -> elementIds.put(
                                        r.get("id").asString(),
                                        r.get("elementId").asString()));
                        return null;
                    });
                }
            }
            for (Step step : p.relationships()) {
                for (Map<String, Object> row : step.rows()) {
                    Map<String, Object> r = new HashMap<>(row);
                    r.put("from", elementIds.get((String) row.get("from")));
                    r.put("to", elementIds.get((String) row.get("to")));
                    session.executeWrite(tx -> tx.run(step.cypher(), Map.of("source", source, "rows", List.of(r)))
                            .consume());
                }
            }
            for (String m : p.meetings()) {
                session.executeWrite(tx -> {
                    tx.run(UNLINK_MET, Map.of("meetings", List.of(m))).consume();
                    tx.run(MEETING_STATUS, Map.of("meetings", List.of(m))).consume();
                    return tx.run(DERIVE_MET, Map.of("meetings", List.of(m))).consume();
                });
            }
        }
    }

    private static <T> void batches(List<T> rows, int batchSize, Consumer<List<T>> each) {
        for (int i = 0; i < rows.size(); i += batchSize) {
            each.accept(rows.subList(i, Math.min(rows.size(), i + batchSize)));
        }
    }

    /** A validating parse with the real validator, for the generator's self-check. */
    public static int relationshipsOf(byte[] json) {
        return new DocumentParser().parse(json).relationships().size();
    }
}
