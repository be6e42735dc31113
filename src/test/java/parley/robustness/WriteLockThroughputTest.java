package parley.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import parley.TestNeo4j;
import parley.kb.RawLoader;
import parley.kb.TestDocuments;
import parley.neo4j.CypherScript;

/**
 * What the knowledge base's write lock costs: documents with ids of their own (so that without the
 * lock they do not conflict either) written by several clients at once through the loader's own
 * statements, with the lock and without it, alternated, and by one client alone. Prints documents
 * per second; asserts only that every document was written.
 */
@Tag("slow")
class WriteLockThroughputTest {

    static final int DOCUMENTS = 48;
    static final int STATEMENTS = 100;
    static final int CLIENTS = 8;
    static final int ROUNDS = 3;

    private static List<RawLoader.Prepared> documents(int round) {
        String text = TestDocuments.bundled("article-000").get("text").asString();
        List<String> sentences = new ArrayList<>();
        for (String s : text.split("(?<=[.!?\"”])\\s+")) {
            if (s.strip().length() >= 20 && text.contains(s.strip())) {
                sentences.add(s.strip());
            }
        }
        List<RawLoader.Prepared> documents = new ArrayList<>();
        for (int d = 0; d < DOCUMENTS; d++) {
            String source = "test-tp-" + round + "-" + d;
            var doc = TestDocuments.over("article-000", source).entity(source + "-topic", "Topic", "Topic", Map.of());
            for (int i = 0; i < STATEMENTS; i++) {
                String sentence = sentences.get((d + i) % sentences.size());
                doc.fact(source + "-s-" + i, "Statement", Map.of("text", sentence), sentence);
                doc.relationship(source + "-s-" + i, "ABOUT", source + "-topic", Map.of(), sentence);
            }
            documents.add(RawLoader.prepare(doc.bytes()));
        }
        return documents;
    }

    private static double run(Driver driver, List<RawLoader.Prepared> documents, int clients, boolean lock)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (RawLoader.Prepared doc : documents) {
                done.add(pool.submit(() -> RawLoader.load(driver, doc, 2000, lock)));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return documents.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long written(Driver driver) {
        try (Session s = driver.session()) {
            return s.run("MATCH (n:Statement) WHERE n.id STARTS WITH 'test-tp-' RETURN count(n) AS n")
                    .single()
                    .get("n")
                    .asLong();
        }
    }

    private static void wipe(Driver driver) {
        try (Session s = driver.session()) {
            s.run("MATCH (n) WHERE n.id STARTS WITH 'test-tp-' CALL (n) { DETACH DELETE n } IN TRANSACTIONS")
                    .consume();
        }
    }

    @Test
    void theWriteLockCostIsMeasured() throws Exception {
        try (Driver driver = GraphDatabase.driver(TestNeo4j.boltUri(), AuthTokens.none())) {
            try (Session s = driver.session()) {
                for (String st : CypherScript.statements(CypherScript.read("schema.cypher"))) {
                    s.run(st).consume();
                }
            }
            List<Double> locked = new ArrayList<>();
            List<Double> unlocked = new ArrayList<>();
            List<Double> alone = new ArrayList<>();
            run(driver, documents(99), CLIENTS, true); // warm-up
            wipe(driver);
            for (int round = 0; round < ROUNDS; round++) {
                for (int variant = 0; variant < 3; variant++) {
                    List<RawLoader.Prepared> docs = documents(round * 3 + variant);
                    double rate =
                            switch (variant) {
                                case 0 -> run(driver, docs, CLIENTS, true);
                                case 1 -> run(driver, docs, CLIENTS, false);
                                default -> run(driver, docs, 1, true);
                            };
                    assertEquals((long) DOCUMENTS * STATEMENTS, written(driver));
                    (variant == 0 ? locked : variant == 1 ? unlocked : alone).add(rate);
                    wipe(driver);
                }
            }
            String report = String.format(
                    "%d documents of %d statements (and as many ABOUT relationships), %d rounds, median"
                            + " documents per second:%n%n| writers | write lock | documents/s (median) | all rounds |%n"
                            + "|---|---|---|---|%n| %d | yes | %.1f | %s |%n| %d | no | %.1f | %s |%n| 1 | yes | %.1f | %s |%n",
                    DOCUMENTS,
                    STATEMENTS,
                    ROUNDS,
                    CLIENTS,
                    median(locked),
                    rates(locked),
                    CLIENTS,
                    median(unlocked),
                    rates(unlocked),
                    median(alone),
                    rates(alone));
            RobustnessReport.write("write-lock", report);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static String rates(List<Double> values) {
        return values.stream().map(v -> String.format("%.1f", v)).toList().toString();
    }
}
