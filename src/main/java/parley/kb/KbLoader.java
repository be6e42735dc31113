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
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.summary.SummaryCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.errors.NotFoundException;
import parley.metrics.Metrics;
import parley.neo4j.CypherScript;
import parley.neo4j.Graph;

/**
 * Writes one document in one write transaction: takes the knowledge base's write lock, validates
 * the document against the graph inside that transaction, takes back what an earlier version of
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
    private static final String WRITE_LOCK = loader("write-lock.cypher");
    private static final String DELETE_SOURCE = loader("delete-source.cypher");

    /**
     * Failures that mean another write got in the way: a deadlock or lock timeout the driver's
     * retries did not resolve, or a uniqueness constraint another writer (one that did not take the
     * write lock, e.g. an older version of the service) violated first.
     */
    private static final Set<String> CONFLICTS = Set.of(
            "Neo.TransientError.Transaction.DeadlockDetected",
            "Neo.TransientError.Transaction.LockAcquisitionTimeout",
            "Neo.TransientError.Transaction.LockClientStopped",
            "Neo.ClientError.Schema.ConstraintValidationFailed");

    /** Rows per {@code UNWIND} statement unless {@code parley.kb.batch-size} says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 2_000;

    private final Graph graph;
    private final DocumentParser parser;
    private final DocumentValidator validator;
    private final int batchSize;
    private final Metrics metrics;
    private final SourceVersions versions;

    KbLoader(
            Graph graph,
            DocumentParser parser,
            DocumentValidator validator,
            Metrics metrics,
            SourceVersions versions,
            @Value("${parley.kb.batch-size:" + DEFAULT_BATCH_SIZE + "}") int batchSize) {
        this.graph = graph;
        this.metrics = metrics;
        this.versions = versions;
        this.parser = parser;
        this.validator = validator;
        this.batchSize = batchSize;
    }

    private static String loader(String name) {
        return CypherScript.read("loader/" + name);
    }

    /**
     * Parses, validates and loads in one write transaction; throws {@link
     * DocumentRejectedException} and writes nothing if invalid, {@link WriteConflictException} if
     * a conflicting write could not be resolved by retrying. A document with no entities, facts or
     * relationships takes its source back, as {@link #delete} does, so no empty Source is ever left
     * in the graph. The answer says what changed; the load is recorded in the source's versions.
     */
    public LoadResult load(byte[] json) {
        return load(json, false);
    }

    /**
     * Everything {@link #load(byte[])} does, in the same kind of write transaction (lock,
     * validation, writes), which is then rolled back: what the load would change, nothing written.
     */
    public LoadResult dryRun(byte[] json) {
        return load(json, true);
    }

    /** Parses and checks a document's structure only (JSON Schema), without the graph. */
    public void checkFormat(byte[] json) {
        parser.parse(json);
    }

    private LoadResult load(byte[] json, boolean dryRun) {
        long started = System.nanoTime();
        Phases phases = new Phases();
        ParsedDocument doc = parse(json);
        phases.parse = System.nanoTime() - started;
        LoadResult result = inTransaction(doc.source(), dryRun, tx -> write(tx, doc, phases.reset()));
        long recording = System.nanoTime();
        if (!dryRun && (result.replaced() || !isEmpty(doc.document()))) {
            result = result.withVersion(
                    versions.record(doc.source(), isEmpty(doc.document()) ? null : json, result.changes()));
        }
        phases.version = System.nanoTime() - recording;
        LOG.info(
                "{} {} ({}): {} entities, {} facts, {} relationships; {} nodes and {} relationships created, "
                        + "{} nodes and {} relationships merged, {} nodes deleted, in {} ms ({})",
                dryRun ? "Dry run of" : "Loaded",
                result.source(),
                result.replaced() ? "replaced" : "new",
                result.entities(),
                result.facts(),
                result.relationships(),
                result.nodesCreated(),
                result.relationshipsCreated(),
                result.nodesMerged(),
                result.relationshipsMerged(),
                result.nodesDeleted(),
                result.millis(),
                phases);
        if (!dryRun) {
            metrics.recordDocumentLoad(result.replaced() ? "replaced" : "new", System.nanoTime() - started);
        }
        return result;
    }

    /**
     * Takes back everything a source alone supported and removes it, by the same statements a
     * new version uses, under the same lock; throws {@link NotFoundException} for a source the
     * graph does not hold. With {@code dryRun} the transaction is rolled back.
     */
    public LoadResult delete(String source, boolean dryRun) {
        LoadResult result = inTransaction(source, dryRun, tx -> {
            takeWriteLock(tx);
            return takeBack(tx, source, true, System.nanoTime());
        });
        if (!dryRun) {
            result = result.withVersion(versions.record(source, null, result.changes()));
        }
        LOG.info(
                "{} {}: {} nodes and {} relationships deleted, in {} ms",
                dryRun ? "Dry run of taking back" : "Took back",
                source,
                result.nodesDeleted(),
                result.relationshipsDeleted(),
                result.millis());
        return result;
    }

    /** Parses a document (JSON Schema included); touches no database. */
    public ParsedDocument parse(byte[] json) {
        return new ParsedDocument(parser.parse(json), ParsedDocument.sha256(json));
    }

    /**
     * Writes a parsed document in an open write transaction: takes the knowledge base's write lock
     * first, then validates the document against the graph as this transaction sees it (so no
     * other write can change what it checked before it commits), then takes back what an earlier
     * version of the source supported and writes the new one, reading the graph around the
     * document before and after to say what changed. Throws {@link DocumentRejectedException} with
     * every problem, having written nothing but the lock (the caller rolls the transaction back).
     * The driver may call it again when it retries the transaction; it keeps no state between
     * calls.
     */
    public LoadResult write(TransactionContext tx, ParsedDocument parsed) {
        return write(tx, parsed, new Phases());
    }

    private LoadResult write(TransactionContext tx, ParsedDocument parsed, Phases phases) {
        long start = System.nanoTime();
        takeWriteLock(tx);
        phases.lock = System.nanoTime() - start;
        KbDocument doc = parsed.document();
        // The validator's look-up of the ids in the graph also returns their element ids: a new
        // source's reading before the write starts from them (ChangeReader.readForNewSource).
        ChangeReader.KnownNodes known = ChangeReader.KnownNodes.none();
        Map<String, String> labels = validator.validate(doc, ids -> {
            known.asked().addAll(ids);
            return DocumentValidator.labelsInGraph(ids, tx, known.elementIds());
        });
        phases.validate = System.nanoTime() - start - phases.lock;
        if (isEmpty(doc)) {
            return takeBack(tx, parsed.source(), false, start);
        }
        Set<String> named = named(doc);
        Plan plan = plan(doc, labels, parsed.contentHash());
        // A new source can change only what it names, writes and derives: read just that (see
        // ChangeReader.readForNewSource). A new version reads everything the old one touched.
        long t = System.nanoTime();
        boolean newSource = !exists(tx, parsed.source());
        ChangeReader.State before = newSource
                ? ChangeReader.readForNewSource(tx, parsed.source(), named, known, doc.relationships(), plan.meetings())
                : ChangeReader.read(tx, parsed.source(), named);
        phases.before = System.nanoTime() - t;
        t = System.nanoTime();
        Counts counts = new Counts();
        boolean replaced = apply(tx, plan, batchSize, counts);
        phases.writes = System.nanoTime() - t;
        t = System.nanoTime();
        Set<String> ids = new HashSet<>(named);
        ids.addAll(before.nodes().keySet());
        ChangeReader.State after = newSource
                ? ChangeReader.readAfterNewSource(
                        tx, parsed.source(), ids, counts.elementIds, counts.relationshipElementIds, plan.meetings())
                : ChangeReader.read(tx, parsed.source(), ids);
        phases.after = System.nanoTime() - t;
        t = System.nanoTime();
        GraphChange changes = ChangeReader.compare(before, after, named);
        phases.compare = System.nanoTime() - t;
        int documentNodes = 1 + doc.entities().size() + doc.facts().size();
        return new LoadResult(
                parsed.source(),
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
                false,
                null,
                changes);
    }

    /** Where one load's time went, for its log line (milliseconds); the last try's if the driver retried. */
    private static final class Phases {
        long parse, lock, validate, before, writes, after, compare, version;

        Phases reset() {
            lock = validate = before = writes = after = compare = 0;
            return this;
        }

        @Override
        public String toString() {
            return "parse " + parse / 1_000_000 + ", lock " + lock / 1_000_000 + ", validate " + validate / 1_000_000
                    + ", changes before " + before / 1_000_000 + ", writes " + writes / 1_000_000
                    + ", changes after " + after / 1_000_000 + ", compare " + compare / 1_000_000 + ", version "
                    + version / 1_000_000;
        }
    }

    private static boolean isEmpty(KbDocument doc) {
        return doc.entities().isEmpty()
                && doc.facts().isEmpty()
                && doc.relationships().isEmpty();
    }

    /** Takes a source back inside a transaction that holds the write lock. */
    private static LoadResult takeBack(TransactionContext tx, String source, boolean mustExist, long start) {
        Counts counts = new Counts();
        GraphChange changes;
        boolean existed = exists(tx, source);
        if (!existed) {
            if (mustExist) {
                throw new NotFoundException("no source with id '" + source + "'");
            }
            changes = ChangeReader.compare(ChangeReader.State.EMPTY, ChangeReader.State.EMPTY, Set.of());
        } else {
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
            changes = ChangeReader.compare(before, after, Set.of());
        }
        return new LoadResult(
                source,
                existed,
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
                false,
                null,
                changes);
    }

    /**
     * Runs the work in one managed write transaction, committed, or on a dry run rolled back (the
     * work ends by throwing, which the driver answers with a rollback). A conflict that retrying
     * did not resolve is a {@link WriteConflictException}.
     */
    private LoadResult inTransaction(String source, boolean dryRun, TransactionCallback<LoadResult> work) {
        try {
            if (!dryRun) {
                return graph.writeTransaction(work);
            }
            try {
                graph.writeTransaction(tx -> {
                    throw new RolledBack(work.execute(tx));
                });
                throw new IllegalStateException("a dry run's transaction was not rolled back");
            } catch (RolledBack rolledBack) {
                return rolledBack.result.asDryRun();
            }
        } catch (TransientException | ClientException e) {
            if (!CONFLICTS.contains(e.code())) {
                throw e;
            }
            LOG.warn("{}: write conflict not resolved by retrying ({}): {}", source, e.code(), e.getMessage());
            throw new WriteConflictException(
                    "Another write to the knowledge base conflicted with writing '" + source
                            + "' and retrying did not resolve it; nothing was written; send it again",
                    e);
        }
    }

    private static boolean exists(TransactionContext tx, String source) {
        return tx.run("MATCH (s:Source {id: $id}) RETURN count(s) > 0 AS exists", Map.of("id", source))
                .single()
                .get("exists")
                .asBoolean();
    }

    /**
     * Every id a document defines or references, the sides of its ATTENDED included: the load
     * links a side to the source (MENTIONED_IN) as it does a relationship's ends, so a side's
     * node is one the load changes.
     */
    static Set<String> named(KbDocument doc) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(doc.source().id());
        doc.entities().forEach(e -> ids.add(e.id()));
        doc.facts().forEach(f -> ids.add(f.id()));
        doc.relationships().forEach(r -> {
            ids.add(r.from());
            ids.add(r.to());
            String side = DocumentValidator.side(r);
            if (side != null) {
                ids.add(side);
            }
        });
        return ids;
    }

    /** Carries a dry run's answer out of the transaction it rolls back. */
    private static final class RolledBack extends RuntimeException {
        private final transient LoadResult result;

        RolledBack(LoadResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /**
     * Takes the knowledge base's write lock ({@code cypher/loader/write-lock.cypher}); held until
     * the transaction ends. Every transaction that writes documents runs this first.
     */
    public static void takeWriteLock(TransactionContext tx) {
        tx.run(WRITE_LOCK).consume();
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

    /**
     * The plan of a validated document; {@code labels} names the label of every id it uses,
     * {@code contentHash} goes on the Source node (null where there is none, as in the benchmark).
     */
    static Plan plan(KbDocument doc, Map<String, String> labels, String contentHash) {
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
        return new Plan(
                doc.source().id(),
                sourceRow(doc, contentHash),
                List.copyOf(meetingsOf(doc, labels)),
                nodes,
                relationships);
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
        Map<String, String> elementIds = counts.elementIds;
        for (Step step : plan.nodes()) {
            for (List<?> batch : batches(step.rows(), batchSize)) {
                var result = tx.run(step.cypher(), Map.of("source", source, step.parameter(), batch));
                result.forEachRemaining(r -> elementIds.put(
                        r.get("id").asString(), r.get("elementId").asString()));
                counts.add(result.consume().counters());
            }
        }
        Map<String, List<Map<String, Object>>> byType = new TreeMap<>();
        for (Map<String, Object> row : plan.relationships()) {
            byType.computeIfAbsent((String) row.get("type"), k -> new ArrayList<>())
                    .add(row);
        }
        for (var type : byType.entrySet()) {
            String statement = mergeRelationships(type.getKey());
            for (List<Map<String, Object>> batch : batches(type.getValue(), batchSize)) {
                List<Map<String, Object>> rows = new ArrayList<>(batch.size());
                for (Map<String, Object> row : batch) {
                    Map<String, Object> withEndpoints = new HashMap<>(row);
                    withEndpoints.put("from", elementId(elementIds, (String) row.get("from")));
                    withEndpoints.put("to", elementId(elementIds, (String) row.get("to")));
                    rows.add(withEndpoints);
                }
                var result = tx.run(statement, Map.of("source", source, "rows", rows));
                result.forEachRemaining(r ->
                        counts.relationshipElementIds.add(r.get("elementId").asString()));
                SummaryCounters c = result.consume().counters();
                counts.add(c);
                counts.documentRelationshipsCreated += c.relationshipsCreated();
            }
        }
        deriveMeetings(tx, List.copyOf(meetings), counts);
        return exists;
    }

    /**
     * {@code merge-relationships.cypher} for one relationship type, which must be one of the
     * schema's ({@link KbSchema#RELATIONSHIPS}): the validator checked every document's types.
     */
    static String mergeRelationships(String type) {
        if (!KbSchema.RELATIONSHIPS.containsKey(type)) {
            throw new IllegalArgumentException("not a relationship type of the schema: " + type);
        }
        return MERGE_RELATIONSHIPS.replace("${type}", type);
    }

    /**
     * Sets the status of these meetings from the sources reporting them and derives their MET
     * (after their old MET was unlinked, or in a store that has none yet): the last step of every
     * load, and what {@code parley import} runs over every meeting of a new store.
     */
    static void deriveMeetings(TransactionContext tx, List<String> meetings, Counts counts) {
        counts.add(
                tx.run(MEETING_STATUS, Map.of("meetings", meetings)).consume().counters());
        counts.add(tx.run(DERIVE_MET, Map.of("meetings", meetings)).consume().counters());
    }

    private static void retract(TransactionContext tx, String source, Counts counts) {
        Map<String, Object> params = Map.of("source", source);
        counts.add(tx.run(RETRACT_RELATIONSHIPS, params).consume().counters());
        var provenance = tx.run(RETRACT_PROVENANCE, params);
        List<String> touched = provenance.single().get("touched").asList(v -> v.asString());
        counts.add(provenance.consume().counters());
        counts.add(tx.run(DELETE_ORPHANS, Map.of("touched", touched)).consume().counters());
    }

    private static Map<String, Object> sourceRow(KbDocument doc, String contentHash) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", doc.source().id());
        row.put("title", doc.source().title());
        row.put("published", LocalDate.parse(doc.source().published()));
        row.put("file", doc.source().file());
        row.put("publisher", doc.source().publisher());
        row.put("author", doc.source().author());
        row.put("text", doc.text());
        row.put("contentHash", contentHash);
        row.put("modelVersion", ModelMigration.MODEL_VERSION);
        return row;
    }

    /** Ids the document's relationships (and ATTENDED sides) reference but do not define, by label: linked MENTIONED_IN. */
    private static Map<String, Set<String>> mentions(KbDocument doc, Map<String, String> labels) {
        Set<String> defined = new HashSet<>();
        doc.entities().forEach(e -> defined.add(e.id()));
        doc.facts().forEach(f -> defined.add(f.id()));
        Map<String, Set<String>> byLabel = new TreeMap<>();
        for (KbDocument.Relationship r : doc.relationships()) {
            List<String> ids = DocumentValidator.side(r) == null
                    ? List.of(r.from(), r.to())
                    : List.of(r.from(), r.to(), DocumentValidator.side(r));
            for (String id : ids) {
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
    static Map<String, Object> neo4jValues(Map<String, Object> properties) {
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

    /**
     * Counters of one transaction, and the element ids of the nodes (by id) and relationships
     * the document's statements merged or mentioned; a retry starts with new ones.
     */
    static final class Counts {
        final Map<String, String> elementIds = new HashMap<>();
        final List<String> relationshipElementIds = new ArrayList<>();
        int nodesCreated;
        int nodesDeleted;
        int relationshipsCreated;
        int relationshipsDeleted;
        int documentRelationshipsCreated;

        void reset() {
            elementIds.clear();
            relationshipElementIds.clear();
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
