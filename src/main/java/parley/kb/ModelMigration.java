package parley.kb;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.neo4j.CypherScript;
import parley.neo4j.EmbeddedNeo4j;
import parley.neo4j.Graph;

/**
 * Upgrades, at start, a store written by an older version of the graph model, in place. Each
 * {@code Source} carries the {@code modelVersion} it was written in (none: version 1). When some
 * source is older than {@link #MODEL_VERSION}:
 *
 * <ol>
 *   <li>the bundled documents among the outdated sources are loaded again (their curation changed
 *       with the model);
 *   <li>then, in one write transaction, every ATTENDED of a Country or Institution becomes a
 *       PARTY_TO with the same sources and evidence (documents posted by users are not bundled, so
 *       they are converted rather than reloaded), every MET is deleted and derived again over all
 *       meetings under the current rule, and every source is marked with the current version,
 *       under the knowledge base's write lock like every document write.
 * </ol>
 *
 * Runs while the context starts, before the server answers; {@link BundledDocuments} then loads,
 * once the server is up, whatever bundled document is still missing or outdated, so a first start
 * finds nothing to upgrade here and loads the bundled documents in the current model. A crash half-way leaves some source
 * unmarked, so the next start does it again; every step is idempotent.
 */
@Context
public final class ModelMigration {

    private static final Logger LOG = LoggerFactory.getLogger(ModelMigration.class);

    /**
     * 1: countries and institutions ATTENDED meetings, MET joined every two attendees. 2: people
     * ATTEND with a side, states and bodies are PARTY_TO, MET only across sides.
     */
    public static final int MODEL_VERSION = 2;

    private static final String OUTDATED_SOURCES = migration("outdated-sources.cypher");
    private static final String ATTENDED_TO_PARTY_TO = migration("attended-to-party-to.cypher");
    private static final String DELETE_MET = migration("delete-met.cypher");
    private static final String ALL_MEETINGS = migration("all-meetings.cypher");
    private static final String MARK_SOURCES = migration("mark-sources.cypher");
    private static final String DERIVE_MET = CypherScript.read("loader/derive-met.cypher");

    /** What an upgrade did; all zero and empty when the store was current. */
    public record Report(
            List<String> outdatedSources,
            List<String> reloadedBundled,
            int attendedConverted,
            int metDeleted,
            int metDerived,
            int sourcesMarked) {}

    private final Graph graph;
    private final EmbeddedNeo4j embedded;
    private final KbLoader loader;
    private final DocumentParser parser;
    private final int batchSize;
    private volatile Report lastReport;

    ModelMigration(
            Graph graph,
            KbLoader loader,
            DocumentParser parser,
            BundledDocuments bundled,
            @Value("${parley.kb.batch-size:2000}") int batchSize,
            @Nullable EmbeddedNeo4j embedded) {
        this.embedded = embedded;
        this.graph = graph;
        this.loader = loader;
        this.parser = parser;
        this.batchSize = batchSize;
        migrate();
    }

    /**
     * {@code outdated-sources.cypher} answered by the embedded Neo4j's kernel in this process, so
     * that a start with nothing to upgrade plans no query and waits for no Bolt connection.
     */
    private List<String> outdatedInProcess() {
        List<String> ids = new ArrayList<>();
        try (Transaction tx = embedded.database().beginTx();
                ResourceIterator<Node> sources = tx.findNodes(Label.label("Source"))) {
            sources.forEachRemaining(s -> {
                Object version = s.getProperty("modelVersion", null);
                long v = version instanceof Number n ? n.longValue() : 1;
                if (v < MODEL_VERSION && s.getProperty("id", null) instanceof String id) {
                    ids.add(id);
                }
            });
        }
        ids.sort(null);
        return ids;
    }

    private static String migration(String name) {
        return CypherScript.read("migrations/" + name);
    }

    /** Upgrades the store if some source is older than the current model; safe to run again. */
    public Report migrate() {
        List<String> outdated = embedded != null
                ? outdatedInProcess()
                : graph.read(OUTDATED_SOURCES, Map.of("version", MODEL_VERSION)).records().stream()
                        .map(r -> r.get("id").asString())
                        .toList();
        if (outdated.isEmpty()) {
            lastReport = new Report(List.of(), List.of(), 0, 0, 0, 0);
            return lastReport;
        }
        LOG.info(
                "{} source(s) were written by an older graph model ({}): upgrading the store to model version {}",
                outdated.size(),
                abbreviate(outdated),
                MODEL_VERSION);
        List<String> reloaded = reloadBundled(Set.copyOf(outdated));
        int[] done = graph.writeTransaction(tx -> {
            KbLoader.takeWriteLock(tx);
            int converted =
                    tx.run(ATTENDED_TO_PARTY_TO).single().get("converted").asInt();
            int deleted = tx.run(DELETE_MET).single().get("deleted").asInt();
            List<String> meetings = tx.run(ALL_MEETINGS).list(r -> r.get("id").asString());
            int derived = 0;
            for (List<String> batch : KbLoader.batches(meetings, batchSize)) {
                derived += tx.run(DERIVE_MET, Map.of("meetings", batch))
                        .consume()
                        .counters()
                        .relationshipsCreated();
            }
            int marked = tx.run(MARK_SOURCES, Map.of("version", MODEL_VERSION))
                    .single()
                    .get("marked")
                    .asInt();
            return new int[] {converted, deleted, derived, marked};
        });
        Report report = new Report(outdated, reloaded, done[0], done[1], done[2], done[3]);
        lastReport = report;
        LOG.info(
                "Store upgraded to model version {}: {} bundled document(s) reloaded {}, {} ATTENDED of countries and "
                        + "institutions turned into PARTY_TO, {} MET deleted and {} derived again across sides, "
                        + "{} source(s) marked",
                MODEL_VERSION,
                reloaded.size(),
                reloaded,
                report.attendedConverted(),
                report.metDeleted(),
                report.metDerived(),
                report.sourcesMarked());
        return report;
    }

    /** What the last run of {@link #migrate()} (the one at start, unless called again) did. */
    public Report lastReport() {
        return lastReport;
    }

    /** Loads again the bundled documents whose sources the store holds in an older model. */
    private List<String> reloadBundled(Set<String> outdated) {
        List<String> reloaded = new ArrayList<>();
        for (String name : BundledDocuments.names()) {
            byte[] json = BundledDocuments.read("kb/sources/" + name);
            String source = parser.parse(json).source().id();
            if (outdated.contains(source)) {
                loader.load(json);
                reloaded.add(source);
            }
        }
        return reloaded;
    }

    private static String abbreviate(List<String> ids) {
        return ids.size() <= 10 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 10)) + ", …";
    }
}
