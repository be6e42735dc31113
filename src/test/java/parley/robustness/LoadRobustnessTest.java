package parley.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import parley.TestNeo4j;
import parley.kb.TestDocuments;
import parley.neo4j.Graph;

/**
 * Suite 3: a bounded load on loopback — 32 clients for 60 s over a mix of the read endpoints, with
 * ingestion running beside them — must see no 5xx, latency percentiles per 10 s window that do not
 * grow, and a heap after a full GC that is stable. {@code -Dparley.load.seconds} and
 * {@code -Dparley.load.clients} change the run.
 */
@Tag("slow")
class LoadRobustnessTest {

    static final String TOKEN = "load-test-token-0123456789";
    static final String SOURCE = "test-load";
    static final String PESKOV =
            "Kremlin spokesman Dmitry Peskov confirmed that Witkoff will meet Putin on Tuesday afternoon.";
    static final String WHITE_HOUSE =
            "The White House says it feels very optimistic about progress toward ending the war in Ukraine.";

    static final List<String> READS = List.of(
            "/api/stats",
            "/api/actors?q=Zelenskyy",
            "/api/actors/steve-witkoff",
            "/api/actors/kirill-dmitriev/met",
            "/api/actors/kirill-dmitriev/network?depth=2",
            "/api/meetings?participant=steve-witkoff",
            "/api/meetings/witkoff-putin-moscow-2025-12-02",
            "/api/timeline?from=2025-12-01&to=2025-12-31",
            "/api/topics/nato-membership/positions",
            "/api/claims?contested=true",
            "/api/paths?from=kirill-dmitriev&to=volodymyr-zelensky",
            "/api/search?q=Kiev",
            "/api/sources/article-000",
            "POST /api/cypher");

    /** One request: when it started (ms into the run), how long it took, its status (0: no answer). */
    record Sample(long at, double millis, int status, String path) {}

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    @Test
    void readsUnderLoadWithIngestionBesideThem() throws Exception {
        int seconds = Integer.getInteger("parley.load.seconds", 60);
        int clients = Integer.getInteger("parley.load.clients", 32);
        Map<String, Object> properties = new HashMap<>(TestNeo4j.properties());
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("parley.api.token", TOKEN);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            Graph graph = server.getApplicationContext().getBean(Graph.class);
            Http http = new Http(server.getURL().toString());
            String cypher = Http.JSON.writeValueAsString(Map.of(
                    "query",
                    "MATCH (p:Person {id: $id})-[m:MET]-(o) RETURN o.name, m.place, m.date",
                    "params",
                    Map.of("id", "kirill-dmitriev")));
            // Warm up: every endpoint once, then the heap baseline.
            for (String path : READS) {
                call(http, path, cypher);
            }
            long heapBefore = heapAfterGc();

            ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Sample> writes = new ConcurrentLinkedQueue<>();
            AtomicLong failures = new AtomicLong();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    int i = client;
                    while (System.nanoTime() < end) {
                        String path = READS.get(i++ % READS.size());
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = call(http, path, cypher);
                        } catch (RuntimeException e) {
                            status = 0;
                            failures.incrementAndGet();
                        }
                        samples.add(new Sample((t0 - start) / 1_000_000, (System.nanoTime() - t0) / 1e6, status, path));
                    }
                });
            }
            pool.submit(() -> {
                Map<String, String> headers =
                        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN);
                int version = 0;
                while (System.nanoTime() < end) {
                    var doc = TestDocuments.over("article-004", SOURCE);
                    if (version++ % 2 == 0) {
                        doc.fact("test-load-claim", "Claim", Map.of("text", "Witkoff will meet Putin"), PESKOV)
                                .relationship("dmitry-peskov", "CLAIMS", "test-load-claim", Map.of(), PESKOV);
                    } else {
                        doc.fact("test-load-statement", "Statement", Map.of("text", WHITE_HOUSE), WHITE_HOUSE)
                                .relationship("white-house", "SAID", "test-load-statement", Map.of(), WHITE_HOUSE);
                    }
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = http.post("/api/documents", doc.bytes(), headers)
                                .status();
                    } catch (RuntimeException e) {
                        status = 0;
                        failures.incrementAndGet();
                    }
                    writes.add(new Sample(
                            (t0 - start) / 1_000_000, (System.nanoTime() - t0) / 1e6, status, "/api/documents"));
                }
            });
            pool.shutdown();
            assertTrue(pool.awaitTermination(seconds + 120, TimeUnit.SECONDS), "the load stopped by itself");
            long heapAfter = heapAfterGc();

            // Take the test source back the way a user would.
            http.post(
                    "/api/documents",
                    TestDocuments.over("article-004", SOURCE).bytes(),
                    Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN));
            graph.writeTransaction(tx -> tx.run("MATCH (s:Source {id: $id}) DETACH DELETE s", Map.of("id", SOURCE))
                    .consume());

            StringBuilder report = new StringBuilder();
            report.append("Reads: ")
                    .append(clients)
                    .append(" clients for ")
                    .append(seconds)
                    .append(" s over ")
                    .append(READS.size())
                    .append(" read endpoints (loopback); ingestion beside them: one client posting a document")
                    .append(" again and again (alternating two versions of one source).\n\n");
            report.append(
                    "| window | reads | reads/s | p50 ms | p95 ms | p99 ms | max ms | 5xx | no answer | writes (201) | write p50 ms |\n");
            report.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            List<Double> p95s = new ArrayList<>();
            long fiveHundreds = 0;
            for (int w = 0; w < (seconds + 9) / 10; w++) {
                long from = w * 10_000L;
                long to = from + 10_000L;
                List<Sample> in = samples.stream()
                        .filter(s -> s.at() >= from && s.at() < to)
                        .toList();
                List<Sample> writesIn = writes.stream()
                        .filter(s -> s.at() >= from && s.at() < to)
                        .toList();
                List<Double> latencies =
                        new ArrayList<>(in.stream().map(Sample::millis).toList());
                latencies.sort(null);
                List<Double> writeLatencies =
                        new ArrayList<>(writesIn.stream().map(Sample::millis).toList());
                writeLatencies.sort(null);
                long errors = in.stream().filter(s -> s.status() >= 500).count()
                        + writesIn.stream().filter(s -> s.status() >= 500).count();
                fiveHundreds += errors;
                p95s.add(percentile(latencies, 95));
                report.append(String.format(
                        "| %d–%d s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %d | %d | %.0f |%n",
                        from / 1000,
                        to / 1000,
                        in.size(),
                        in.size() / 10.0,
                        percentile(latencies, 50),
                        percentile(latencies, 95),
                        percentile(latencies, 99),
                        latencies.isEmpty() ? 0 : latencies.getLast(),
                        errors,
                        in.stream().filter(s -> s.status() == 0).count(),
                        writesIn.stream().filter(s -> s.status() == 201).count(),
                        percentile(writeLatencies, 50)));
            }
            report.append(String.format(
                    "%nHeap used after a full GC (service and its test Neo4j share the JVM): %.1f MB before the run,"
                            + " %.1f MB after.%n",
                    heapBefore / 1048576.0, heapAfter / 1048576.0));
            Map<Integer, Long> statuses = new java.util.TreeMap<>();
            samples.forEach(s -> statuses.merge(s.status(), 1L, Long::sum));
            writes.forEach(s -> statuses.merge(s.status(), 1L, Long::sum));
            report.append("Statuses over the run: ").append(statuses).append('\n');
            RobustnessReport.write("load", report.toString());

            assertEquals(0, fiveHundreds, "no 5xx under load");
            assertEquals(0, failures.get(), "every request was answered");
            assertTrue(writes.stream().allMatch(s -> s.status() == 201), "every ingestion succeeded");
            double first = p95s.getFirst();
            double last = p95s.getLast();
            assertTrue(last <= 3 * first + 250, "p95 grew from " + first + " ms to " + last + " ms");
            assertTrue(
                    heapAfter <= heapBefore * 1.5 + 128 * 1048576L,
                    "heap after GC grew from " + heapBefore + " to " + heapAfter);
        }
    }

    private static int call(Http http, String path, String cypher) {
        if (path.startsWith("POST ")) {
            return http.post(
                            path.substring(5),
                            cypher.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            Map.of("Content-Type", "application/json"))
                    .status();
        }
        return http.get(path).status();
    }
}
