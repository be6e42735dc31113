package parley.kb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import parley.neo4j.CypherScript;

/**
 * The raw-driver baseline of the loader benchmark: the very statements and rows that
 * {@link KbLoader} writes ({@link KbLoader#takeWriteLock}, {@link KbLoader#plan} and {@link
 * KbLoader#apply}), with the same batch size and in one write transaction per document, but with the plan built before the clock
 * starts: no JSON parsing, no validation, no service in between. The ratio real/raw is our
 * overhead.
 */
public final class RawLoader {

    private static final String UNLINK_MET = loader("unlink-met");
    private static final String MERGE_SOURCE = loader("merge-source");
    private static final String MEETING_STATUS = loader("meeting-status");
    private static final String DERIVE_MET = loader("derive-met");

    private RawLoader() {}

    private static String loader(String name) {
        return CypherScript.read("loader/" + name + ".cypher");
    }

    /** A document turned into the loader's plan. */
    public record Prepared(KbLoader.Plan plan) {}

    /**
     * Parses a document (the real parser, outside any timing) and plans it. The labels come from
     * the document alone: a synthetic document defines every id it uses.
     */
    public static Prepared prepare(byte[] json) {
        KbDocument doc = new DocumentParser().parse(json);
        Map<String, String> labels = new HashMap<>();
        doc.entities().forEach(e -> labels.put(e.id(), e.label()));
        doc.facts().forEach(f -> labels.put(f.id(), f.label()));
        return new Prepared(KbLoader.plan(doc, labels, null));
    }

    /** Loads in one write transaction with the loader's statements and batch size. */
    public static void load(Driver driver, Prepared p, int batchSize) {
        load(driver, p, batchSize, true);
    }

    /**
     * Loads in one write transaction, taking the knowledge base's write lock first or not: the
     * write-lock measurement compares the two.
     */
    public static void load(Driver driver, Prepared p, int batchSize, boolean writeLock) {
        try (Session session = driver.session()) {
            session.executeWrite(tx -> {
                if (writeLock) {
                    KbLoader.takeWriteLock(tx);
                }
                return KbLoader.apply(tx, p.plan(), batchSize, new KbLoader.Counts());
            });
        }
    }

    /**
     * The naive baseline: every fact (each entity, fact and relationship row, and the derivation
     * of each meeting's MET) in its own write transaction.
     */
    public static void loadOneTransactionPerFact(Driver driver, Prepared p) {
        KbLoader.Plan plan = p.plan();
        String source = plan.source();
        Map<String, String> elementIds = new HashMap<>();
        try (Session session = driver.session()) {
            session.executeWrite(tx ->
                    tx.run(MERGE_SOURCE, Map.of("source", plan.sourceRow())).consume());
            for (KbLoader.Step step : plan.nodes()) {
                for (Object row : step.rows()) {
                    session.executeWrite(tx -> {
                        tx.run(step.cypher(), Map.of("source", source, step.parameter(), List.of(row)))
                                .forEachRemaining(r -> elementIds.put(
                                        r.get("id").asString(),
                                        r.get("elementId").asString()));
                        return null;
                    });
                }
            }
            for (Map<String, Object> row : plan.relationships()) {
                Map<String, Object> r = new HashMap<>(row);
                r.put("from", elementIds.get((String) row.get("from")));
                r.put("to", elementIds.get((String) row.get("to")));
                session.executeWrite(tx -> tx.run(
                                KbLoader.mergeRelationships((String) r.get("type")),
                                Map.of("source", source, "rows", List.of(r)))
                        .consume());
            }
            for (String m : plan.meetings()) {
                session.executeWrite(tx -> {
                    tx.run(UNLINK_MET, Map.of("meetings", List.of(m))).consume();
                    tx.run(MEETING_STATUS, Map.of("meetings", List.of(m))).consume();
                    return tx.run(DERIVE_MET, Map.of("meetings", List.of(m))).consume();
                });
            }
        }
    }

    /** A validating parse with the real validator, for the generator's self-check. */
    public static int relationshipsOf(byte[] json) {
        return new DocumentParser().parse(json).relationships().size();
    }
}
