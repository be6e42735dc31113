package parley.kb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.summary.SummaryCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final Graph graph;
    private final DocumentParser parser;
    private final DocumentValidator validator;
    private final int batchSize;

    KbLoader(
            Graph graph,
            DocumentParser parser,
            DocumentValidator validator,
            @Value("${parley.kb.batch-size:2000}") int batchSize) {
        this.graph = graph;
        this.parser = parser;
        this.validator = validator;
        this.batchSize = batchSize;
    }

    private static String loader(String name) {
        return CypherScript.read("loader/" + name);
    }

    /** Parses, validates and loads; throws {@link DocumentRejectedException} and writes nothing if invalid. */
    public LoadResult load(byte[] json) {
        KbDocument doc = parser.parse(json);
        Map<String, String> labels = validator.validate(doc);
        return write(doc, labels);
    }

    private LoadResult write(KbDocument doc, Map<String, String> labels) {
        long start = System.nanoTime();
        String source = doc.source().id();
        Counts counts = new Counts();
        boolean replaced = graph.writeTransaction(tx -> {
            counts.reset();
            boolean exists = tx.run("MATCH (s:Source {id: $id}) RETURN count(s) > 0 AS exists", Map.of("id", source))
                    .single()
                    .get("exists")
                    .asBoolean();
            Set<String> meetings = new LinkedHashSet<>(meetingsOf(doc, labels));
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
            counts.add(tx.run(MERGE_SOURCE, Map.of("source", sourceRow(doc)))
                    .consume()
                    .counters());
            Map<String, String> elementIds = new HashMap<>();
            mergeEntities(tx, doc, counts, elementIds);
            mergeFacts(tx, doc, counts, elementIds);
            mention(tx, doc, labels, counts, elementIds);
            mergeRelationships(tx, doc, counts, elementIds);
            List<String> meetingIds = List.copyOf(meetings);
            counts.add(tx.run(MEETING_STATUS, Map.of("meetings", meetingIds))
                    .consume()
                    .counters());
            counts.add(
                    tx.run(DERIVE_MET, Map.of("meetings", meetingIds)).consume().counters());
            return exists;
        });
        int documentNodes = 1 + doc.entities().size() + doc.facts().size();
        LoadResult result = new LoadResult(
                source,
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
                (System.nanoTime() - start) / 1_000_000);
        LOG.info(
                "Loaded {} ({}): {} entities, {} facts, {} relationships; {} nodes and {} relationships created, "
                        + "{} nodes and {} relationships merged, in {} ms",
                source,
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

    private void mergeEntities(TransactionContext tx, KbDocument doc, Counts counts, Map<String, String> elementIds) {
        Map<String, List<Map<String, Object>>> byLabel = new TreeMap<>();
        for (KbDocument.Entity e : doc.entities()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", e.id());
            row.put("name", e.name());
            row.put("aliases", e.aliases());
            row.put("properties", e.properties());
            row.put("evidence", e.evidence());
            byLabel.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(row);
        }
        byLabel.forEach((label, rows) -> {
            String labels = KbSchema.isActor(label) ? label + ":Actor" : label;
            String cypher = MERGE_ENTITIES.replace("${labels}", labels);
            batches(rows)
                    .forEach(batch ->
                            run(tx, cypher, Map.of("source", doc.source().id(), "rows", batch), counts, elementIds));
        });
    }

    private void mergeFacts(TransactionContext tx, KbDocument doc, Counts counts, Map<String, String> elementIds) {
        Map<String, List<Map<String, Object>>> byLabel = new TreeMap<>();
        for (KbDocument.Fact f : doc.facts()) {
            Map<String, Object> properties = neo4jValues(f.properties());
            Map<String, Object> row = new HashMap<>();
            row.put("id", f.id());
            row.put("properties", properties);
            row.put("evidence", f.evidence());
            row.put("status", f.properties().get("status"));
            byLabel.computeIfAbsent(f.label(), k -> new ArrayList<>()).add(row);
        }
        byLabel.forEach((label, rows) -> {
            String cypher = MERGE_FACTS.replace("${label}", label);
            batches(rows)
                    .forEach(batch ->
                            run(tx, cypher, Map.of("source", doc.source().id(), "rows", batch), counts, elementIds));
        });
    }

    /** Nodes the document's relationships reference but do not define: linked MENTIONED_IN. */
    private void mention(
            TransactionContext tx,
            KbDocument doc,
            Map<String, String> labels,
            Counts counts,
            Map<String, String> elementIds) {
        Set<String> defined = new java.util.HashSet<>();
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
        byLabel.forEach((label, ids) -> run(
                tx,
                MENTION.replace("${label}", label),
                Map.of("source", doc.source().id(), "ids", List.copyOf(ids)),
                counts,
                elementIds));
    }

    private void mergeRelationships(
            TransactionContext tx, KbDocument doc, Counts counts, Map<String, String> elementIds) {
        Map<String, List<Map<String, Object>>> byType = new TreeMap<>();
        for (KbDocument.Relationship r : doc.relationships()) {
            Map<String, Object> row = new HashMap<>();
            row.put("from", elementId(elementIds, r.from()));
            row.put("to", elementId(elementIds, r.to()));
            row.put("properties", neo4jValues(r.properties()));
            row.put("evidence", r.evidence());
            byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(row);
        }
        byType.forEach((type, rows) -> {
            String cypher = MERGE_RELATIONSHIPS.replace("${type}", type);
            batches(rows).forEach(batch -> {
                SummaryCounters c = tx.run(cypher, Map.of("source", doc.source().id(), "rows", batch))
                        .consume()
                        .counters();
                counts.add(c);
                counts.documentRelationshipsCreated += c.relationshipsCreated();
            });
        });
    }

    /** Every endpoint was merged or mentioned just before; a gap would silently drop a relationship. */
    private static String elementId(Map<String, String> elementIds, String id) {
        String elementId = elementIds.get(id);
        if (elementId == null) {
            throw new IllegalStateException("No node for '" + id + "' in this transaction; was it deleted meanwhile?");
        }
        return elementId;
    }

    /** Runs a merge that returns {@code id, elementId} rows and records them. */
    private static void run(
            TransactionContext tx,
            String cypher,
            Map<String, Object> parameters,
            Counts counts,
            Map<String, String> elementIds) {
        var result = tx.run(cypher, parameters);
        result.forEachRemaining(
                r -> elementIds.put(r.get("id").asString(), r.get("elementId").asString()));
        counts.add(result.consume().counters());
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

    private <T> List<List<T>> batches(List<T> rows) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += batchSize) {
            batches.add(rows.subList(i, Math.min(rows.size(), i + batchSize)));
        }
        return batches;
    }

    /** Counters of one transaction; reset when the driver retries it. */
    private static final class Counts {
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
