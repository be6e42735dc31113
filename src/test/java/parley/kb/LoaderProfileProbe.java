package parley.kb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            try (Session s = driver.session()) {
                var tx = s.beginTransaction();
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

    private static String loader(String name) {
        return CypherScript.read("loader/" + name + ".cypher");
    }

    private static List<org.neo4j.driver.Record> run(
            org.neo4j.driver.Transaction tx, String name, String cypher, Map<String, Object> params) {
        long t = System.nanoTime();
        var result = tx.run("PROFILE " + cypher, params);
        var records = result.list();
        var summary = result.consume();
        System.out.printf("%n== %s: %.1f ms, %d rows in%n", name, (System.nanoTime() - t) / 1e6, rowsIn(params));
        print(summary.profile(), 0);
        return records;
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
