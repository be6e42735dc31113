package parley.kb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import parley.bench.CorpusGenerator;
import parley.neo4j.CypherScript;

/**
 * A probe, not a test: loads {@code -Dparley.probe.facts} (default 10^5) synthetic facts with the
 * raw loader, then writes one more document of the next corpus with every statement of {@link
 * KbLoader#apply} run under {@code PROFILE}, and prints each plan (operator, rows, db hits) and its
 * wall time. The transaction is rolled back. Run: {@code ./mvnw -B -o test -Pbenchmark
 * -Dtest=LoaderProfileProbe [-Dparley.probe.facts=100000]}.
 */
@Tag("benchmark")
class LoaderProfileProbe {

    @Test
    void profileTheLoaderStatements() throws Exception {
        long facts = Long.getLong("parley.probe.facts", 100_000);
        Path home = Files.createTempDirectory("parley-probe");
        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(home)
                .withDisabledServer()
                .withConfig(GraphDatabaseSettings.pagecache_memory, 1024L * 1024 * 1024)
                .build();
        try (Driver driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none())) {
            try (Session s = driver.session()) {
                for (String st : CypherScript.statements(CypherScript.read("schema.cypher"))) {
                    s.run(st).consume();
                }
            }
            long t = System.nanoTime();
            new CorpusGenerator(facts).generate(json -> RawLoader.load(driver, RawLoader.prepare(json), 2_000));
            System.out.printf("loaded %d facts in %.1f s%n", facts, (System.nanoTime() - t) / 1e9);
            // One more document: the first of a corpus with other ids (a larger corpus names its
            // documents and facts by its own size), so it is a new source over a full graph.
            List<byte[]> docs = new ArrayList<>();
            new CorpusGenerator(facts * 10).generate(json -> {
                if (docs.isEmpty()) docs.add(json);
            });
            KbLoader.Plan plan = RawLoader.prepare(docs.getFirst()).plan();
            KbDocument doc = new DocumentParser().parse(docs.getFirst());
            try (Session s = driver.session()) {
                var tx = s.beginTransaction();
                profiledReadsBefore(tx, doc, plan);
                profiled(tx, plan);
                tx.rollback();
            }
        } finally {
            neo4j.close();
        }
    }

    private static void profiled(org.neo4j.driver.Transaction tx, KbLoader.Plan plan) {
        String source = plan.source();
        run(tx, "write-lock", loader("write-lock"), Map.of());
        run(tx, "unlink-met", loader("unlink-met"), Map.of("meetings", plan.meetings()));
        run(tx, "merge-source", loader("merge-source"), Map.of("source", plan.sourceRow()));
        Map<String, String> elementIds = new HashMap<>();
        for (KbLoader.Step step : plan.nodes()) {
            for (List<?> batch : KbLoader.batches(step.rows(), 2_000)) {
                var records = run(
                        tx,
                        step.cypher()
                                .lines()
                                .filter(l -> l.startsWith("MERGE") || l.startsWith("MATCH (n"))
                                .findFirst()
                                .orElse("?"),
                        step.cypher(),
                        Map.of("source", source, step.parameter(), batch));
                records.forEach(r -> elementIds.put(
                        r.get("id").asString(), r.get("elementId").asString()));
            }
        }
        Map<String, List<Map<String, Object>>> byType = new java.util.TreeMap<>();
        plan.relationships().forEach(row -> byType.computeIfAbsent((String) row.get("type"), k -> new ArrayList<>())
                .add(row));
        for (var type : byType.entrySet())
            for (List<Map<String, Object>> batch : KbLoader.batches(type.getValue(), 2_000)) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Map<String, Object> row : batch) {
                    Map<String, Object> r = new HashMap<>(row);
                    r.put("from", elementIds.get((String) row.get("from")));
                    r.put("to", elementIds.get((String) row.get("to")));
                    rows.add(r);
                }
                run(
                        tx,
                        "merge-relationships " + type.getKey(),
                        KbLoader.mergeRelationships(type.getKey()),
                        Map.of("source", source, "rows", rows));
            }
        run(tx, "meeting-status", loader("meeting-status"), Map.of("meetings", plan.meetings()));
        run(tx, "derive-met", loader("derive-met"), Map.of("meetings", plan.meetings()));
    }

    /**
     * What a real load of a new source reads before it writes: the validator's look-up of every id
     * the document uses, and the reading of the nodes and written pairs that exist already. Each
     * against the statement it replaced in round 4 (OLD_*), on the same graph.
     */
    private static void profiledReadsBefore(org.neo4j.driver.Transaction tx, KbDocument doc, KbLoader.Plan plan) {
        Set<String> wanted = new java.util.LinkedHashSet<>(KbLoader.named(doc));
        wanted.remove(doc.source().id());
        Map<String, Object> ids = Map.of("ids", List.copyOf(wanted));
        System.out.printf("%n#### reads before the write: %d ids%n", wanted.size());
        run(tx, "labels-of-ids, before round 4 (UNION per id)", OLD_LABELS_OF_IDS, ids);
        var found = run(tx, "labels-of-ids", loader("labels-of-ids"), ids);
        run(tx, "nodes-by-id, before round 4 (run again on the same ids)", OLD_NODES_BY_ID, ids);
        Map<String, String> elementIdOf = new HashMap<>();
        found.forEach(
                r -> elementIdOf.put(r.get("id").asString(), r.get("elementId").asString()));
        List<Map<String, Object>> pairs = new ArrayList<>();
        Map<String, List<Map<String, Object>>> byType = new java.util.TreeMap<>();
        for (KbDocument.Relationship r : doc.relationships()) {
            String from = elementIdOf.get(r.from());
            String to = elementIdOf.get(r.to());
            if (from != null && to != null) {
                pairs.add(Map.of("from", from, "to", to, "type", r.type()));
                byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(Map.of("from", from, "to", to));
            }
        }
        run(
                tx,
                "relationships-of-new-source, before round 4 (all types)",
                OLD_RELATIONSHIPS_OF_NEW_SOURCE,
                Map.of("pairs", pairs, "meetings", plan.meetings()));
        long hits = 0;
        for (var type : byType.entrySet()) {
            hits += run(
                            tx,
                            "relationships-of-new-source " + type.getKey(),
                            ChangeReader.relationshipsOfNewSource(type.getKey()),
                            Map.of("pairs", type.getValue()),
                            false)
                    .dbHits;
        }
        hits += run(
                        tx,
                        "relationships-by-element-id (MET of the meetings)",
                        loader("relationships-by-element-id"),
                        Map.of("relationships", List.of(), "meetings", plan.meetings()),
                        false)
                .dbHits;
        System.out.printf("== relationships of a new source, per type + MET: %d db hits in all%n", hits);
        System.out.printf("%n#### the write%n");
    }

    private static final String OLD_LABELS_OF_IDS = """
            UNWIND $ids AS id
            CALL (id) {
              MATCH (n:Person {id: id}) RETURN 'Person' AS label
              UNION MATCH (n:Institution {id: id}) RETURN 'Institution' AS label
              UNION MATCH (n:Country {id: id}) RETURN 'Country' AS label
              UNION MATCH (n:Place {id: id}) RETURN 'Place' AS label
              UNION MATCH (n:Topic {id: id}) RETURN 'Topic' AS label
              UNION MATCH (n:Meeting {id: id}) RETURN 'Meeting' AS label
              UNION MATCH (n:Demand {id: id}) RETURN 'Demand' AS label
              UNION MATCH (n:Plan {id: id}) RETURN 'Plan' AS label
              UNION MATCH (n:Statement {id: id}) RETURN 'Statement' AS label
              UNION MATCH (n:Claim {id: id}) RETURN 'Claim' AS label
              UNION MATCH (n:Event {id: id}) RETURN 'Event' AS label
              UNION MATCH (n:Source {id: id}) RETURN 'Source' AS label
            }
            RETURN id, label""";

    private static final String OLD_NODES_BY_ID = """
            UNWIND $ids AS id
            CALL (id) {
              MATCH (n:Person {id: id}) RETURN n
              UNION MATCH (n:Institution {id: id}) RETURN n
              UNION MATCH (n:Country {id: id}) RETURN n
              UNION MATCH (n:Place {id: id}) RETURN n
              UNION MATCH (n:Topic {id: id}) RETURN n
              UNION MATCH (n:Meeting {id: id}) RETURN n
              UNION MATCH (n:Demand {id: id}) RETURN n
              UNION MATCH (n:Plan {id: id}) RETURN n
              UNION MATCH (n:Statement {id: id}) RETURN n
              UNION MATCH (n:Claim {id: id}) RETURN n
              UNION MATCH (n:Event {id: id}) RETURN n
              UNION MATCH (n:Source {id: id}) RETURN n
            }
            RETURN collect(DISTINCT elementId(n)) AS elementIds""";

    private static final String OLD_RELATIONSHIPS_OF_NEW_SOURCE = """
            CALL () {
              UNWIND $pairs AS pair
              MATCH (a)
              WHERE elementId(a) = pair.from
              MATCH (b)
              WHERE elementId(b) = pair.to
              MATCH (a)-[r]->(b)
              WHERE type(r) = pair.type
              RETURN a, r, b
              UNION
              UNWIND $meetings AS id
              MATCH (a)-[r:MET {meeting: id}]->(b)
              RETURN a, r, b
            }
            RETURN elementId(a) AS fromElement,
                   elementId(b) AS toElement,
                   type(r) AS type,
                   a.id AS from,
                   b.id AS to,
                   properties(r) AS properties""";

    private static String loader(String name) {
        return CypherScript.read("loader/" + name + ".cypher");
    }

    private static List<org.neo4j.driver.Record> run(
            org.neo4j.driver.Transaction tx, String name, String cypher, Map<String, Object> params) {
        return run(tx, name, cypher, params, true).records;
    }

    private record Profiled(List<org.neo4j.driver.Record> records, long dbHits) {}

    private static Profiled run(
            org.neo4j.driver.Transaction tx, String name, String cypher, Map<String, Object> params, boolean plan) {
        long t = System.nanoTime();
        var result = tx.run("PROFILE " + cypher, params);
        var records = result.list();
        var summary = result.consume();
        long hits = dbHits(summary.profile());
        System.out.printf(
                "%n== %s: %.1f ms, %d rows in, %d rows out, %d db hits%n",
                name, (System.nanoTime() - t) / 1e6, rowsIn(params), records.size(), hits);
        if (plan) {
            print(summary.profile(), 0);
        }
        return new Profiled(records, hits);
    }

    private static long dbHits(ProfiledPlan p) {
        long hits = p.dbHits();
        for (ProfiledPlan c : p.children()) {
            hits += dbHits(c);
        }
        return hits;
    }

    private static int rowsIn(Map<String, Object> params) {
        for (Object v : params.values()) {
            if (v instanceof List<?> l) return l.size();
        }
        return 1;
    }

    private static void print(ProfiledPlan p, int depth) {
        System.out.printf(
                "%s%s rows=%d dbHits=%d %s%n",
                "  ".repeat(depth),
                p.operatorType(),
                p.records(),
                p.dbHits(),
                p.arguments().getOrDefault("Details", org.neo4j.driver.Values.NULL));
        for (ProfiledPlan c : p.children()) {
            print(c, depth + 1);
        }
    }
}
