package parley.kb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.summary.SummaryCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.errors.NotFoundException;
import parley.neo4j.CypherScript;
import parley.neo4j.Graph;

/**
 * Writes one validated document in one write transaction: takes back what an earlier version of
 * the same source supported, merges the source, entities, facts and relationships with batched
 * {@code UNWIND … MERGE} statements from {@code cypher/loader/}, then re-derives MET. Loading the
 * same document twice changes nothing.
 */
@Singleton
public final class KbLoader {

    private static final Logger LOG = LoggerFactory.getLogger(KbLoader.class);

    private static final String MEETINGS_OF_SOURCE = loader("meetings-of-source.cypher");
    private static final String UNLINK_MET = loader("unlink-met.cypher");
    private static final String RETRACT_RELATIONSHIPS = loader("retract-relationships.cypher");
    private static final String RETRACT_PROVENANCE = loader("retract-provenance.cypher");
    private static final String DELETE_ORPHANS = loader("delete-orphans.cypher");
    private static final String MERGE_SOURCE = loader("merge-source.cypher");
    private static final String MERGE_ENTITIES = loader("merge-entities.cypher");
    private static final String MENTION = loader("mention.cypher");
    private static final String MERGE_FACTS = loader("merge-facts.cypher");
    private static final String MERGE_RELATIONSHIPS = loader("merge-relationships.cypher");
    private static final String MEETING_STATUS = loader("meeting-status.cypher");
    private static final String DERIVE_MET = loader("derive-met.cypher");
    private static final String DELETE_SOURCE = loader("delete-source.cypher");

    private final Graph graph;
    private final DocumentParser parser;
    private final DocumentValidator validator;
    private final int batchSize;
    private final SourceVersions versions;

    KbLoader(
            Graph graph,
            DocumentParser parser,
            DocumentValidator validator,
            SourceVersions versions,
            @Value("${parley.kb.batch-size:2000}") int batchSize) {
        this.graph = graph;
        this.versions = versions;
        this.parser = parser;
        this.validator = validator;
        this.batchSize = batchSize;
    }

    private static String loader(String name) {
        return CypherScript.read("loader/" + name);
    }

    /**
     * Parses, validates and loads; throws {@link DocumentRejectedException} and writes nothing if
     * invalid. A document with no entities, facts or relationships takes its source back, as
     * {@link #delete} does, so no empty Source is ever left in the graph.
     */
    public LoadResult load(byte[] json) {
        return load(json, false);
    }

    /**
     * Everything {@link #load(byte[])} does, in the same kind of write transaction, which is then
     * rolled back: what the load would change, with nothing written.
     */
    public LoadResult dryRun(byte[] json) {
        return load(json, true);
    }

    /** Parses and checks a document's structure only (JSON Schema), without the graph. */
    public void checkFormat(byte[] json) {
        parser.parse(json);
    }

    private LoadResult load(byte[] json, boolean dryRun) {
        KbDocument doc = parser.parse(json);
        Map<String, String> labels = validator.validate(doc);
        if (doc.entities().isEmpty()
                && doc.facts().isEmpty()
                && doc.relationships().isEmpty()) {
            return takeBack(doc.source().id(), dryRun, false);
        }
        return write(doc, plan(doc, labels), json, dryRun);
    }

    /**
     * Takes back everything a source alone supported and removes it, by the same statements a
     * new version uses; throws {@link NotFoundException} for a source the graph does not hold.
     */
    public LoadResult delete(String source, boolean dryRun) {
        return takeBack(source, dryRun, true);
    }

    private LoadResult takeBack(String source, boolean dryRun, boolean mustExist) {
        long start = System.nanoTime();
        Counts counts = new Counts();
        Outcome outcome = inTransaction(dryRun, tx -> {
            counts.reset();
            if (!exists(tx, source)) {
                if (mustExist) {
                    throw new NotFoundException("no source with id '" + source + "'");
                }
                return new Outcome(false, ChangeReader.compare(EMPTY, EMPTY, Set.of()));
            }
            ChangeReader.State before = ChangeReader.read(tx, source, List.of());
            List<String> meetings = tx.run(MEETINGS_OF_SOURCE, Map.of("source", source))
                    .single()
                    .get("meetings")
                    .asList(v -> v.asString());
            counts.add(
                    tx.run(UNLINK_MET, Map.of("meetings", meetings)).consume().counters());
            retract(tx, source, counts);
            counts.add(tx.run(DELETE_SOURCE, Map.of("source", source)).consume().counters());
            counts.add(tx.run(MEETING_STATUS, Map.of("meetings", meetings))
                    .consume()
                    .counters());
            counts.add(
                    tx.run(DERIVE_MET, Map.of("meetings", meetings)).consume().counters());
            ChangeReader.State after =
                    ChangeReader.read(tx, source, before.nodes().keySet());
            return new Outcome(true, ChangeReader.compare(before, after, Set.of()));
        });
        Integer version = dryRun || !outcome.replaced() ? null : versions.record(source, null, outcome.changes());
        LoadResult result = new LoadResult(
                source,
                outcome.replaced(),
                0,
                0,
                0,
                counts.nodesCreated,
                0,
                counts.nodesDeleted,
                counts.relationshipsCreated,
                0,
                counts.relationshipsDeleted,
                (System.nanoTime() - start) / 1_000_000,
                dryRun,
                version,
                outcome.changes());
        LOG.info(
                "{} {}: {} nodes and {} relationships deleted, in {} ms",
                dryRun ? "Dry run of taking back" : "Took back",
                source,
                result.nodesDeleted(),
                result.relationshipsDeleted(),
                result.millis());
        return result;
    }

    private LoadResult write(KbDocument doc, Plan plan, byte[] json, boolean dryRun) {
        long start = System.nanoTime();
        Counts counts = new Counts();
        Set<String> named = named(doc);
        Outcome outcome = inTransaction(dryRun, tx -> {
            counts.reset();
            ChangeReader.State before = ChangeReader.read(tx, plan.source(), named);
            boolean replaced = apply(tx, plan, batchSize, counts);
            Set<String> ids = new HashSet<>(named);
            ids.addAll(before.nodes().keySet());
            ChangeReader.State after = ChangeReader.read(tx, plan.source(), ids);
            return new Outcome(replaced, ChangeReader.compare(before, after, named));
        });
        boolean replaced = outcome.replaced();
        Integer version = dryRun ? null : versions.record(plan.source(), json, outcome.changes());
        int documentNodes = 1 + doc.entities().size() + doc.facts().size();
        LoadResult result = new LoadResult(
                plan.source(),
                replaced,
                doc.entities().size(),
                doc.facts().size(),
                doc.relationships().size(),
                counts.nodesCreated,
                Math.max(0, documentNodes - counts.nodesCreated),
                counts.nodesDeleted,
                counts.relationshipsCreated,
                Math.max(0, doc.relationships().size() - counts.documentRelationshipsCreated),
                counts.relationshipsDeleted,
                (System.nanoTime() - start) / 1_000_000,
                dryRun,
                version,
                outcome.changes());
        LOG.info(
                "{} {} ({}): {} entities, {} facts, {} relationships; {} nodes and {} relationships created, "
                        + "{} nodes and {} relationships merged, in {} ms",
                dryRun ? "Dry run of" : "Loaded",
                plan.source(),
                replaced ? "replaced" : "new",
                result.entities(),
                result.facts(),
                result.relationships(),
                result.nodesCreated(),
                result.relationshipsCreated(),
                result.nodesMerged(),
                result.relationshipsMerged(),
                result.millis());
        return result;
    }

    /**
     * Runs the work in one write transaction; on a dry run the transaction is rolled back instead
     * of committed (the work ends by throwing, which the driver answers with a rollback).
     */
    private <T> T inTransaction(boolean dryRun, TransactionCallback<T> work) {
        if (!dryRun) {
            return graph.writeTransaction(work);
        }
        try {
            graph.writeTransaction(tx -> {
                throw new RolledBack(work.execute(tx));
            });
            throw new IllegalStateException("a dry run's transaction was not rolled back");
        } catch (RolledBack rolledBack) {
            @SuppressWarnings("unchecked")
            T value = (T) rolledBack.value;
            return value;
        }
    }

    private static boolean exists(TransactionContext tx, String source) {
        return tx.run("MATCH (s:Source {id: $id}) RETURN count(s) > 0 AS exists", Map.of("id", source))
                .single()
                .get("exists")
                .asBoolean();
    }

    /** Every id a document defines or references. */
    private static Set<String> named(KbDocument doc) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(doc.source().id());
        doc.entities().forEach(e -> ids.add(e.id()));
        doc.facts().forEach(f -> ids.add(f.id()));
        doc.relationships().forEach(r -> {
            ids.add(r.from());
            ids.add(r.to());
        });
        return ids;
    }

    private record Outcome(boolean replaced, GraphChange changes) {}

    private static final ChangeReader.State EMPTY = new ChangeReader.State(Map.of(), Map.of());

    /** Carries a dry run's answer out of the transaction it rolls back. */
    private static final class RolledBack extends RuntimeException {
        private final transient Object value;

        RolledBack(Object value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    /**
     * What writing one document takes: the source row, the meetings it touches, the node
     * statements with their rows (entities and facts by label, then the ids it only mentions),
     * and the relationship rows. Built before the transaction; the benchmark's raw baseline runs
     * the same plan.
     */
    record Plan(
            String source,
            Map<String, Object> sourceRow,
            List<String> meetings,
            List<Step> nodes,
            List<Map<String, Object>> relationships) {}

    /** One statement and its rows, bound to {@code $rows} (or {@code $ids} for mentions). */
    record Step(String cypher, String parameter, List<?> rows) {}

    /** The plan of a validated document; {@code labels} names the label of every id it uses. */
    static Plan plan(KbDocument doc, Map<String, String> labels) {
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
                MERGE_ENTITIES.replace("${labels}", KbSchema.isActor(label) ? label + ":Actor" : label),
                "rows",
                rows)));
        Map<String, List<Map<String, Object>>> facts = new TreeMap<>();
        for (KbDocument.Fact f : doc.facts()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", f.id());
            row.put("properties", neo4jValues(f.properties()));
            row.put("evidence", f.evidence());
            row.put("status", f.properties().get("status"));
            facts.computeIfAbsent(f.label(), k -> new ArrayList<>()).add(row);
        }
        facts.forEach((label, rows) -> nodes.add(new Step(MERGE_FACTS.replace("${label}", label), "rows", rows)));
        mentions(doc, labels)
                .forEach((label, ids) ->
                        nodes.add(new Step(MENTION.replace("${label}", label), "ids", List.copyOf(ids))));
        List<Map<String, Object>> relationships = new ArrayList<>();
        for (KbDocument.Relationship r : doc.relationships()) {
            Map<String, Object> row = new HashMap<>();
            row.put("type", r.type());
            row.put("from", r.from());
            row.put("to", r.to());
            row.put("properties", neo4jValues(r.properties()));
            row.put("evidence", r.evidence());
            relationships.add(row);
        }
        return new Plan(doc.source().id(), sourceRow(doc), List.copyOf(meetingsOf(doc, labels)), nodes, relationships);
    }

    /**
     * Writes a planned document in one transaction: takes back what an earlier version of the
     * source supported, merges, re-derives MET. Returns whether the source was there before.
     */
    static boolean apply(TransactionContext tx, Plan plan, int batchSize, Counts counts) {
        String source = plan.source();
        boolean exists = exists(tx, source);
        Set<String> meetings = new LinkedHashSet<>(plan.meetings());
        if (exists) {
            meetings.addAll(tx.run(MEETINGS_OF_SOURCE, Map.of("source", source))
                    .single()
                    .get("meetings")
                    .asList(v -> v.asString()));
        }
        counts.add(tx.run(UNLINK_MET, Map.of("meetings", List.copyOf(meetings)))
                .consume()
                .counters());
        if (exists) {
            retract(tx, source, counts);
        }
        counts.add(tx.run(MERGE_SOURCE, Map.of("source", plan.sourceRow()))
                .consume()
                .counters());
        Map<String, String> elementIds = new HashMap<>();
        for (Step step : plan.nodes()) {
            for (List<?> batch : batches(step.rows(), batchSize)) {
                var result = tx.run(step.cypher(), Map.of("source", source, step.parameter(), batch));
                result.forEachRemaining(r -> elementIds.put(
                        r.get("id").asString(), r.get("elementId").asString()));
                counts.add(result.consume().counters());
            }
        }
        for (List<Map<String, Object>> batch : batches(plan.relationships(), batchSize)) {
            List<Map<String, Object>> rows = new ArrayList<>(batch.size());
            for (Map<String, Object> row : batch) {
                Map<String, Object> withEndpoints = new HashMap<>(row);
                withEndpoints.put("from", elementId(elementIds, (String) row.get("from")));
                withEndpoints.put("to", elementId(elementIds, (String) row.get("to")));
                rows.add(withEndpoints);
            }
            SummaryCounters c = tx.run(MERGE_RELATIONSHIPS, Map.of("source", source, "rows", rows))
                    .consume()
                    .counters();
            counts.add(c);
            counts.documentRelationshipsCreated += c.relationshipsCreated();
        }
        List<String> meetingIds = List.copyOf(meetings);
        counts.add(
                tx.run(MEETING_STATUS, Map.of("meetings", meetingIds)).consume().counters());
        counts.add(tx.run(DERIVE_MET, Map.of("meetings", meetingIds)).consume().counters());
        return exists;
    }

    private static void retract(TransactionContext tx, String source, Counts counts) {
        Map<String, Object> params = Map.of("source", source);
        counts.add(tx.run(RETRACT_RELATIONSHIPS, params).consume().counters());
        var provenance = tx.run(RETRACT_PROVENANCE, params);
        List<String> touched = provenance.single().get("touched").asList(v -> v.asString());
        counts.add(provenance.consume().counters());
        counts.add(tx.run(DELETE_ORPHANS, Map.of("touched", touched)).consume().counters());
    }

    private static Map<String, Object> sourceRow(KbDocument doc) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", doc.source().id());
        row.put("title", doc.source().title());
        row.put("published", LocalDate.parse(doc.source().published()));
        row.put("file", doc.source().file());
        row.put("publisher", doc.source().publisher());
        row.put("author", doc.source().author());
        row.put("text", doc.text());
        return row;
    }

    /** Ids the document's relationships reference but do not define, by label: linked MENTIONED_IN. */
    private static Map<String, Set<String>> mentions(KbDocument doc, Map<String, String> labels) {
        Set<String> defined = new HashSet<>();
        doc.entities().forEach(e -> defined.add(e.id()));
        doc.facts().forEach(f -> defined.add(f.id()));
        Map<String, Set<String>> byLabel = new TreeMap<>();
        for (KbDocument.Relationship r : doc.relationships()) {
            for (String id : List.of(r.from(), r.to())) {
                if (!defined.contains(id)) {
                    byLabel.computeIfAbsent(labels.get(id), k -> new LinkedHashSet<>())
                            .add(id);
                }
            }
        }
        return byLabel;
    }

    /** Every endpoint was merged or mentioned just before; a gap would silently drop a relationship. */
    private static String elementId(Map<String, String> elementIds, String id) {
        String elementId = elementIds.get(id);
        if (elementId == null) {
            throw new IllegalStateException("No node for '" + id + "' in this transaction; was it deleted meanwhile?");
        }
        return elementId;
    }

    private static Set<String> meetingsOf(KbDocument doc, Map<String, String> labels) {
        Set<String> meetings = new LinkedHashSet<>();
        doc.facts().stream().filter(f -> "Meeting".equals(f.label())).forEach(f -> meetings.add(f.id()));
        doc.relationships().stream()
                .filter(r -> "Meeting".equals(labels.get(r.to())))
                .forEach(r -> meetings.add(r.to()));
        doc.relationships().stream()
                .filter(r -> "Meeting".equals(labels.get(r.from())))
                .forEach(r -> meetings.add(r.from()));
        return meetings;
    }

    /** A {@code date} property becomes a Cypher Date; everything else goes as it is. */
    private static Map<String, Object> neo4jValues(Map<String, Object> properties) {
        Map<String, Object> values = new LinkedHashMap<>(properties);
        if (values.get("date") instanceof String date) {
            values.put("date", LocalDate.parse(date));
        }
        return values;
    }

    static <T> List<List<T>> batches(List<T> rows, int batchSize) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += batchSize) {
            batches.add(rows.subList(i, Math.min(rows.size(), i + batchSize)));
        }
        return batches;
    }

    /** Counters of one transaction; reset when the driver retries it. */
    static final class Counts {
        int nodesCreated;
        int nodesDeleted;
        int relationshipsCreated;
        int relationshipsDeleted;
        int documentRelationshipsCreated;

        void reset() {
            nodesCreated =
                    nodesDeleted = relationshipsCreated = relationshipsDeleted = documentRelationshipsCreated = 0;
        }

        void add(SummaryCounters c) {
            nodesCreated += c.nodesCreated();
            nodesDeleted += c.nodesDeleted();
            relationshipsCreated += c.relationshipsCreated();
            relationshipsDeleted += c.relationshipsDeleted();
        }
    }
}
