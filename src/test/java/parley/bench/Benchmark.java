package parley.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import parley.kb.KbLoader;
import parley.kb.RawLoader;
import parley.neo4j.CypherScript;

/**
 * The benchmark: loader versus the raw driver running the same statements, HTTP versus Bolt for
 * the same Cypher, throughput at 4 clients, start-up versus a bare Neo4j. Every figure that
 * matters is a ratio of two runs in the same process, alternated, after warm-up, median of runs.
 * Prints a table and, if asked, writes it to {@code docs/benchmarks.md}.
 */
public final class Benchmark {

    /** What to run; {@link #full(long)} for the real thing, {@link #smoke()} for CI. */
    public record Config(
            List<Long> scales,
            int reps,
            int largestReps,
            List<Integer> sweep,
            long sweepFacts,
            int sweepReps,
            int perFactReps,
            int latencyIterations,
            int latencyIterationsLarge,
            double throughputSeconds,
            int throughputRounds,
            int startupReps,
            Path output) {}

    public static Config full(long max) {
        List<Long> scales = new ArrayList<>();
        for (long s = 1_000; s <= max; s *= 10) {
            scales.add(s);
        }
        return new Config(
                scales,
                5,
                max >= 1_000_000 ? 1 : 5,
                List.of(500, 1_000, 2_000, 5_000, 10_000, 20_000),
                20_000,
                5,
                5,
                300,
                100,
                5,
                5,
                5,
                Path.of("docs/benchmarks.md"));
    }

    public static Config smoke() {
        return new Config(
                List.of(1_000L),
                1,
                1,
                List.of(500, 2_000),
                1_000,
                1,
                1,
                10,
                10,
                0.5,
                1,
                0,
                Path.of("target/benchmarks-smoke.md"));
    }

    /**
     * {@code -Dparley.bench.only=reads}: only the read latencies and throughput (each scale loaded
     * once with the raw loader, batch size 2,000, the service's default), without the batch-size
     * sweep, the loader comparison, the per-fact comparison and start-up; writes {@code
     * target/benchmarks-reads.md}, never {@code docs/benchmarks.md} (a partial run must not replace
     * the full one).
     */
    static final boolean READS_ONLY = "reads".equals(System.getProperty("parley.bench.only"));

    /**
     * {@code -Dparley.bench.only=loader}: only the loader comparison (real against raw at each
     * scale); {@code -Dparley.bench.only=bulk}: only the bulk import of {@code -Dparley.bench.bulk}
     * and its equivalence check. Either writes {@code target/benchmarks-loader.md} or {@code
     * target/benchmarks-bulk.md}, never {@code docs/benchmarks.md}.
     */
    static final boolean LOADER_ONLY = "loader".equals(System.getProperty("parley.bench.only"));

    static final boolean BULK_ONLY = "bulk".equals(System.getProperty("parley.bench.only"));

    private static final SessionConfig READ =
            SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();

    private final Config config;
    private final StringBuilder table = new StringBuilder();
    private final Map<String, String> targets = new LinkedHashMap<>();
    private Driver driver;
    private ApplicationContext service;
    private HttpClient http;
    private URI base;
    private double loadAtStart;

    public Benchmark(Config config) {
        this.config = config;
    }

    /** Runs everything; returns the Markdown report. */
    public String run() throws Exception {
        loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path home = Files.createTempDirectory("parley-bench");
        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(home)
                .withDisabledServer()
                .withConfig(GraphDatabaseSettings.pagecache_memory, 1024L * 1024 * 1024)
                .build();
        try {
            driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
            try (Session s = driver.session()) {
                for (String st : CypherScript.statements(CypherScript.read("schema.cypher"))) {
                    s.run(st).consume();
                }
            }
            if (BULK_ONLY) {
                bulk();
                return report();
            }
            if (!READS_ONLY && !LOADER_ONLY) {
                sweep();
            }
            // The service keeps its own batch size (parley.kb.batch-size): the figures below are
            // what it loads at, and the sweep only shows how much the size matters.
            int batch = KbLoader.DEFAULT_BATCH_SIZE;
            wipe(); // the service loads the five articles at start only into a graph without sources
            service = ApplicationContext.run(
                    Map.of("neo4j.uri", neo4j.boltURI().toString(), "micronaut.server.port", -1));
            EmbeddedServer server = service.getBean(EmbeddedServer.class);
            server.start();
            base = service.getBean(EmbeddedServer.class).getURI();
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long largest = config.scales().getLast();
            if (READS_ONLY) {
                wipe();
                loadRaw(largest, batch, new ArrayList<>());
            } else {
                loader();
            }
            if (LOADER_ONLY) {
                return report();
            }
            // The graph now holds the largest corpus; query it, then each smaller corpus (latency
            // only), then the curated graph alone.
            queries("curated + " + largest + " facts", syntheticIds(), true, true);
            if (!READS_ONLY) {
                perFact();
            }
            for (long scale : config.scales().reversed()) {
                if (scale != largest) {
                    wipe();
                    loadRaw(scale, batch, new ArrayList<>());
                    queries("curated + " + scale + " facts", syntheticIds(), false, false);
                }
            }
            wipe();
            queries("curated (5 articles)", curatedIds(), false, true);
            if (!READS_ONLY) {
                startup();
                bulk();
            }
        } finally {
            if (service != null) service.close();
            if (driver != null) driver.close();
            neo4j.close();
        }
        return report();
    }

    // ---------------------------------------------------------------- loader

    private void sweep() {
        section("Batch size sweep (raw driver, " + config.sweepFacts() + " facts in documents of at most "
                + CorpusGenerator.DOCUMENT_FACTS + ")");
        row("batch size", "median ms", "facts/s");
        List<byte[]> docs = corpus(config.sweepFacts());
        List<RawLoader.Prepared> prepared =
                docs.stream().map(RawLoader::prepare).toList();
        long facts = factsOf(config.sweepFacts());
        Map<Integer, List<Double>> times = new LinkedHashMap<>();
        rawLoad(prepared, 2_000); // warm-up
        for (int r = 0; r < config.sweepReps(); r++) {
            List<Integer> order = new ArrayList<>(config.sweep());
            if (r % 2 == 1) Collections.reverse(order);
            for (int size : order) {
                times.computeIfAbsent(size, k -> new ArrayList<>()).add(rawLoad(prepared, size) / 1e6);
            }
        }
        int fastest = config.sweep().getFirst();
        for (int size : config.sweep()) {
            double ms = median(times.get(size));
            row(size, fmt(ms), fmt(facts / (ms / 1000)));
            if (ms < median(times.get(fastest))) {
                fastest = size;
            }
        }
        double slowest = config.sweep().stream()
                .mapToDouble(size -> median(times.get(size)))
                .max()
                .orElseThrow();
        note("The service loads with its configured batch size, parley.kb.batch-size = "
                + KbLoader.DEFAULT_BATCH_SIZE
                + " (the default; PARLEY_KB_BATCH_SIZE sets it), and every other loader figure"
                + " here is at that size. The sweep does not set it: in this run the fastest size was " + fastest
                + " and the slowest median was " + fmt(slowest / median(times.get(fastest)))
                + "x the fastest. A document holds at most " + CorpusGenerator.DOCUMENT_FACTS
                + " facts, and a statement takes one label's rows, so sizes above a few thousand run as one batch.");
    }

    private void perFact() {
        section("Batched versus one transaction per fact (raw driver, 1000 facts)");
        List<RawLoader.Prepared> prepared =
                corpus(1_000).stream().map(RawLoader::prepare).toList();
        int batch = service.getProperty("parley.kb.batch-size", Integer.class).orElse(KbLoader.DEFAULT_BATCH_SIZE);
        rawLoad(prepared, batch);
        wipe();
        prepared.forEach(p -> RawLoader.loadOneTransactionPerFact(driver, p));
        List<Double> batched = new ArrayList<>();
        List<Double> single = new ArrayList<>();
        for (int r = 0; r < config.perFactReps(); r++) {
            wipe();
            batched.add(rawLoad(prepared, batch) / 1e6);
            wipe();
            long t = System.nanoTime();
            prepared.forEach(p -> RawLoader.loadOneTransactionPerFact(driver, p));
            single.add((System.nanoTime() - t) / 1e6);
        }
        wipe();
        double ratio = median(single) / median(batched);
        row("mode", "median ms");
        row("batched (" + batch + ")", fmt(median(batched)));
        row("one transaction per fact", fmt(median(single)));
        row("speed-up", fmt(ratio) + "x");
        target("Loader >= 50x faster than one transaction per fact", ratio >= 50, fmt(ratio) + "x");
    }

    private void loader() {
        section("Loader: real (parse + validate + load through KbLoader) versus raw driver, same statements");
        KbLoader kb = service.getBean(KbLoader.class);
        int batch = service.getProperty("parley.kb.batch-size", Integer.class).orElse(KbLoader.DEFAULT_BATCH_SIZE);
        note("Both at batch size " + batch + " (parley.kb.batch-size, as the service runs).");
        row("facts", "documents", "runs", "real facts/s", "raw facts/s", "real/raw");
        boolean allMet = true;
        List<Double> lastRealDocs = List.of();
        for (long scale : config.scales()) {
            int reps = scale >= 1_000_000 ? config.largestReps() : config.reps();
            long facts = factsOf(scale);
            List<Double> real = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            if (scale <= 10_000) { // warm-up, not counted
                wipe();
                loadReal(kb, scale, null);
            }
            int docs = 0;
            for (int r = 0; r < reps; r++) {
                boolean realFirst = r % 2 == 0;
                for (int m = 0; m < 2; m++) {
                    wipe();
                    List<Double> perDoc = new ArrayList<>();
                    if (realFirst == (m == 0)) {
                        real.add(loadReal(kb, scale, perDoc));
                        lastRealDocs = perDoc;
                    } else {
                        raw.add(loadRaw(scale, batch, perDoc));
                    }
                    docs = perDoc.size();
                }
            }
            double realRate = facts / median(real);
            double rawRate = facts / median(raw);
            double ratio = realRate / rawRate;
            allMet &= ratio >= 0.80;
            row(scale, docs, reps, fmt(realRate), fmt(rawRate), pct(ratio));
            target("Loader (real) >= 80% of raw at " + scale + " facts", ratio >= 0.80, pct(ratio));
            if (scale == config.scales().getLast()) {
                target(
                        "Loader, raw driver, >= 40,000 facts/s at " + scale + " facts",
                        rawRate >= 40_000,
                        fmt(rawRate) + " facts/s");
            }
        }
        if (lastRealDocs.size() >= 10) {
            int tenth = Math.max(1, lastRealDocs.size() / 10);
            double first = median(lastRealDocs.subList(0, tenth));
            double last = median(lastRealDocs.subList(lastRealDocs.size() - tenth, lastRealDocs.size()));
            note("Largest scale, real loader, one transaction per document of <= " + CorpusGenerator.DOCUMENT_FACTS
                    + " facts: median of the first 10% of documents " + fmt(first * 1000) + " ms, last 10% "
                    + fmt(last * 1000) + " ms (" + fmt(last / first) + "x).");
            target("Last-10% batches <= 1.5x first-10% (largest scale)", last / first <= 1.5, fmt(last / first) + "x");
        }
    }

    /**
     * Real loader: bytes in, time per document; generation not timed. Returns seconds. The
     * versions the service keeps of the synthetic sources are removed first: every run loads the
     * same source ids into a wiped graph, and each version file would otherwise hold one more
     * earlier load per run, read and rewritten whole by the next.
     */
    private double loadReal(KbLoader kb, long scale, List<Double> perDoc) {
        forgetSyntheticVersions();
        double[] total = {0};
        new CorpusGenerator(scale).generate(json -> {
            long t = System.nanoTime();
            kb.load(json);
            double s = (System.nanoTime() - t) / 1e9;
            total[0] += s;
            if (perDoc != null) perDoc.add(s);
        });
        return total[0];
    }

    private void forgetSyntheticVersions() {
        Path versions =
                Path.of(service.getProperty("parley.review.dir", String.class).orElseThrow(), "versions");
        if (!Files.isDirectory(versions)) {
            return;
        }
        try (var files = Files.list(versions)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("syn-"))
                    .toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double loadRaw(long scale, int batch, List<Double> perDoc) {
        double[] total = {0};
        new CorpusGenerator(scale).generate(json -> {
            RawLoader.Prepared p = RawLoader.prepare(json);
            long t = System.nanoTime();
            RawLoader.load(driver, p, batch);
            double s = (System.nanoTime() - t) / 1e9;
            total[0] += s;
            perDoc.add(s);
        });
        return total[0];
    }

    private long rawLoad(List<RawLoader.Prepared> prepared, int batch) {
        wipe();
        long t = System.nanoTime();
        prepared.forEach(p -> RawLoader.load(driver, p, batch));
        return System.nanoTime() - t;
    }

    /**
     * {@code parley import} of {@code -Dparley.bench.bulk=1000000,10000000} facts (nothing when
     * unset): documents written to disk first (not timed), then the whole import timed, with the
     * disk it takes; and the proof that at min(10^5, largest loader scale) facts the imported store
     * and the transactionally loaded one have the same fingerprint.
     */
    private void bulk() throws Exception {
        String scales = System.getProperty("parley.bench.bulk", "");
        if (scales.isBlank()) {
            return;
        }
        section("Bulk import (`parley import`: parse + validate + merge + meeting status and MET to CSV, neo4j-admin"
                + " database import, schema) of documents of at most " + CorpusGenerator.DOCUMENT_FACTS + " facts");
        row(
                "facts",
                "documents",
                "total s",
                "facts/s",
                "check + merge + MET s",
                "import s",
                "schema s",
                "documents MB",
                "CSV MB",
                "store MB");
        for (String scale : scales.split(",")) {
            long facts = Long.parseLong(scale.strip());
            BulkBench.Run r = BulkBench.importCorpus(facts);
            double rate = r.result().facts() / (r.result().millis() / 1000.0);
            row(
                    r.result().facts(),
                    r.result().documents(),
                    fmt(r.result().millis() / 1000.0),
                    fmt(rate),
                    fmt(r.result().checkAndMergeMillis() / 1000.0),
                    fmt(r.result().importMillis() / 1000.0),
                    fmt(r.result().schemaMillis() / 1000.0),
                    fmt(r.documentBytes() / 1e6),
                    fmt(r.result().csvBytes() / 1e6),
                    fmt(r.storeBytes() / 1e6));
            if (facts >= 10_000_000) {
                target(
                        "Bulk import >= 200,000 facts/s at " + facts + " facts",
                        rate >= 200_000,
                        fmt(rate) + " facts/s");
            }
        }
        note("Peak disk: the documents, plus the CSV while the import runs, plus the store (the CSV is deleted"
                + " once the store is built). Writing the documents is not timed.");
        long equivalence = Math.min(100_000, config.scales().getLast());
        BulkBench.Equivalence e = BulkBench.equivalence(equivalence);
        note("Equivalence at " + equivalence + " facts: imported store " + e.imported() + "; loaded through KbLoader "
                + e.loaded() + ".");
        target(
                "Imported store = transactionally loaded store at " + equivalence + " facts (graph fingerprint)",
                e.imported().equals(e.loaded()),
                e.imported().equals(e.loaded()) ? "same fingerprint" : "differs");
    }

    private static List<byte[]> corpus(long facts) {
        List<byte[]> docs = new ArrayList<>();
        new CorpusGenerator(facts).generate(docs::add);
        return docs;
    }

    private static long factsOf(long scale) {
        return new CorpusGenerator(scale).generate(json -> {});
    }

    /** Removes every synthetic node (ids start with syn-) and its relationships; the curated graph stays. */
    private void wipe() {
        try (Session s = driver.session()) {
            s.run("MATCH (n) WHERE n.id STARTS WITH 'syn-' CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS")
                    .consume();
        }
    }

    // ---------------------------------------------------------------- queries

    private record Ids(String actor, String metActor, String from, String to, String topic, String word) {}

    private static Ids curatedIds() {
        return new Ids(
                "steve-witkoff",
                "kirill-dmitriev",
                "kirill-dmitriev",
                "volodymyr-zelensky",
                "nato-membership",
                "zelensky");
    }

    /**
     * The busiest synthetic actor (most meetings attended: in the news a few people attend a large
     * share of all meetings), a path from it to the 40th busiest, and the topic with the most
     * relationships.
     */
    private Ids syntheticIds() {
        List<String> ranked = driver
                .executableQuery("MATCH (a:Person) WHERE a.id STARTS WITH 'syn-a-' "
                        + "RETURN a.id AS id ORDER BY COUNT { (a)-[:ATTENDED]->() } DESC, a.id LIMIT 41")
                .execute()
                .records()
                .stream()
                .map(r -> r.get("id").asString())
                .toList();
        var busiest = driver.executableQuery("MATCH (a:Actor {id: $id}) RETURN a.name AS name,"
                        + " COUNT { (a)--() } AS degree, COUNT { (a)-[:MET]-() } AS met")
                .withParameters(Map.of("id", ranked.getFirst()))
                .execute()
                .records()
                .getFirst();
        String topic = driver.executableQuery("MATCH (t:Topic) WHERE t.id STARTS WITH 'syn-' "
                        + "RETURN t.id AS id ORDER BY COUNT { (t)--() } DESC, t.id LIMIT 1")
                .execute()
                .records()
                .getFirst()
                .get("id")
                .asString();
        String a = ranked.getFirst();
        String b = ranked.get(Math.min(40, ranked.size() - 1));
        String name = busiest.get("name").asString();
        String word = name.substring(name.lastIndexOf(' ') + 1).toLowerCase(java.util.Locale.ROOT);
        note("Synthetic probes: " + a + " (" + name + ", the busiest: "
                + busiest.get("degree").asLong()
                + " relationships, " + busiest.get("met").asLong() + " MET), path to " + b
                + " (attendance rank 40), topic " + topic + ", search for \"" + word + "\".");
        return new Ids(a, a, a, b, topic, word);
    }

    /** One Cypher statement the endpoint runs, with the parameters it sends. */
    private record Query(String cypher, Map<String, Object> params) {}

    /** An endpoint and the statements it runs for that request (most run one). */
    private record Probe(String name, String path, List<Query> queries, double targetMs) {}

    private static List<Probe> probes(Ids ids) {
        Map<String, Object> timeline = new HashMap<>();
        timeline.put("from", null);
        timeline.put("to", null);
        timeline.put("actor", null);
        timeline.put("offset", 0);
        timeline.put("limit", 50);
        timeline.put("cap", 1000); // TimelineController.COUNT_PAST_PAGE
        Map<String, Object> meetings = new HashMap<>();
        for (String k : List.of("from", "to", "place", "participant", "party", "status")) {
            meetings.put(k, null);
        }
        meetings.put("offset", 0);
        meetings.put("limit", 50);
        Map<String, Object> claims = new HashMap<>();
        claims.put("contested", null);
        claims.put("offset", 0);
        claims.put("limit", 50);
        // SearchController's Lucene query for one word of four letters or more, and its MAX_MATCHES.
        String lucene =
                ids.word() + "^2 name:" + ids.word() + "~ aliases:" + ids.word() + "~ title:" + ids.word() + "~";
        return List.of(
                probe(
                        "GET /api/actors/{id}",
                        "/api/actors/" + ids.actor(),
                        5,
                        "queries/actor.cypher",
                        // ActorsController.PROFILE_LIMIT, the items per list it asks for by default.
                        Map.of("id", ids.actor(), "limit", 10)),
                probe(
                        "GET /api/actors/{id}/met",
                        "/api/actors/" + ids.metActor() + "/met",
                        5,
                        "queries/actor-met.cypher",
                        metParameters(ids.metActor())),
                probe("GET /api/timeline", "/api/timeline", 5, "queries/timeline.cypher", timeline),
                new Probe("GET /api/stats", "/api/stats", List.of(new Query(parley.stats.Stats.QUERY, Map.of())), 5),
                probe(
                        "GET /api/search",
                        "/api/search?q=" + ids.word(),
                        5,
                        "queries/search.cypher",
                        Map.of("query", lucene, "text", ids.word(), "cap", 500, "offset", 0, "limit", 20)),
                probe("GET /api/meetings", "/api/meetings", 5, "queries/meetings.cypher", meetings),
                probe("GET /api/claims", "/api/claims", 5, "queries/claims.cypher", claims),
                probe(
                        "GET /api/topics/{id}/positions",
                        "/api/topics/" + ids.topic() + "/positions",
                        5,
                        "queries/topic-positions.cypher",
                        Map.of("id", ids.topic())),
                probe(
                        "GET /api/paths",
                        "/api/paths?from=" + ids.from() + "&to=" + ids.to(),
                        20,
                        "queries/paths.cypher",
                        Map.of("from", ids.from(), "to", ids.to(), "maxHops", 4)));
    }

    private static Probe probe(String name, String path, double targetMs, String file, Map<String, Object> params) {
        return new Probe(name, path, List.of(new Query(CypherScript.read(file), params)), targetMs);
    }

    /** The parameters {@code GET /api/actors/{id}/met} sends: every status (null), first page. */
    private static Map<String, Object> metParameters(String id) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("status", null);
        parameters.put("offset", 0);
        parameters.put("limit", 50);
        return parameters;
    }

    /**
     * Read latency of every endpoint over HTTP and of the same Cypher over Bolt, on the graph as it
     * is. {@code targets} says whether this graph is the one the targets are stated for (the
     * largest scale); {@code throughput} whether to measure throughput on it too.
     */
    private void queries(String graph, Ids ids, boolean targets, boolean throughput) throws Exception {
        boolean large = graph.startsWith("curated +");
        int n = large ? config.latencyIterationsLarge() : config.latencyIterations();
        // As many warm-up calls as measured ones: right after a large load the JVM is still
        // compiling the query paths, and the first minute or two of latencies fall steadily.
        section("Query latency over HTTP versus the same Cypher over Bolt: " + graph + " (" + n
                + " alternated calls each after " + n + " warm-up calls of each; load average "
                + String.format(
                        "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + ")");
        row(
                "endpoint",
                "HTTP p50 ms",
                "HTTP p95 ms",
                "HTTP p99 ms",
                "Bolt p50 ms",
                "Bolt p95 ms",
                "HTTP p50 / (1.5 Bolt p50 + 1 ms)");
        List<Probe> probes = probes(ids);
        for (Probe p : probes) {
            for (int i = 0; i < n; i++) {
                httpGet(p.path());
                bolt(p);
            }
            List<Double> h = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (i % 2 == 0) {
                    h.add(timeMs(() -> httpGet(p.path())));
                    b.add(timeMs(() -> bolt(p)));
                } else {
                    b.add(timeMs(() -> bolt(p)));
                    h.add(timeMs(() -> httpGet(p.path())));
                }
            }
            double h50 = pct(h, 50), b50 = pct(b, 50);
            double bound = 1.5 * b50 + 1;
            row(p.name(), fmt(h50), fmt(pct(h, 95)), fmt(pct(h, 99)), fmt(b50), fmt(pct(b, 95)), fmt(h50 / bound));
            if (targets) {
                target(
                        "p50 <= " + fmt(p.targetMs()) + " ms over HTTP, busiest actor, " + graph + ": " + p.name(),
                        h50 <= p.targetMs(),
                        fmt(h50) + " ms (Bolt " + fmt(b50) + " ms)");
            }
        }
        if (throughput) {
            throughput(graph, probes, targets);
        }
    }

    /**
     * Requests per second with 1, 4 and 16 clients, each calling the endpoints in turn, over HTTP
     * and with the same Cypher over Bolt; rounds alternate which goes first.
     */
    private void throughput(String graph, List<Probe> probes, boolean targets) throws Exception {
        section("Throughput: " + graph + ", the " + probes.size() + " endpoints above in turn, "
                + config.throughputSeconds() + " s x " + config.throughputRounds() + " alternated rounds, median");
        row("clients", "HTTP req/s", "Bolt req/s", "HTTP/Bolt");
        for (int clients : List.of(1, 4, 16)) {
            List<Double> h = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            for (int r = 0; r < config.throughputRounds(); r++) {
                boolean httpFirst = r % 2 == 0;
                for (int m = 0; m < 2; m++) {
                    boolean useHttp = httpFirst == (m == 0);
                    (useHttp ? h : b).add(rps(probes, useHttp, clients));
                }
            }
            double ratio = median(h) / median(b);
            row(clients, fmt(median(h)), fmt(median(b)), pct(ratio));
            if (targets && clients == 4) {
                target(
                        "HTTP throughput >= 300 req/s, 4 clients, " + graph,
                        median(h) >= 300,
                        fmt(median(h)) + " req/s");
                target("HTTP throughput >= 80% of Bolt, 4 clients, " + graph, ratio >= 0.8, pct(ratio));
            }
        }
    }

    private double rps(List<Probe> probes, boolean useHttp, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Integer>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            int offset = t;
            counts.add(pool.submit(() -> {
                int done = 0;
                while (!stop.get()) {
                    Probe p = probes.get((offset + done) % probes.size());
                    if (useHttp) httpGet(p.path());
                    else bolt(p);
                    done++;
                }
                return done;
            }));
        }
        Thread.sleep((long) (config.throughputSeconds() * 1000));
        stop.set(true);
        int total = 0;
        for (Future<Integer> f : counts) total += f.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return total / seconds;
    }

    /**
     * One GET on a kept-alive connection, read in the calling thread as curl or the driver's
     * caller would. java.net.http.HttpClient hands each exchange from the caller to its selector
     * thread and its executor and back, which cost 1.5 to 3 ms per request on 2 busy cores: more
     * than the service itself adds to the query.
     */
    private void httpGet(String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) base.resolve(path).toURL().openConnection();
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                byte[] body = in == null ? new byte[0] : in.readAllBytes();
                if (status != 200) {
                    throw new IllegalStateException(path + " answered " + status + ": " + new String(body));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same Cypher over Bolt the cheapest way the driver offers, which is also how the service
     * reads: an auto-commit query in a read session (RUN and PULL in one round trip, no COMMIT).
     */
    private void bolt(Probe p) {
        for (Query q : p.queries()) {
            try (Session s = driver.session(READ)) {
                s.run(q.cypher(), q.params()).list();
            }
        }
    }

    // ---------------------------------------------------------------- start-up

    private void startup() throws Exception {
        if (config.startupReps() == 0) {
            return;
        }
        section("Start-up from the class path: process start to /health UP with the bundled articles loaded"
                + " (empty data directory, the build's packed store not used) versus a bare embedded Neo4j (same"
                + " class, same settings) answering on Bolt. The artifact's own start-up, first start and"
                + " restart, is docs/startup.md (parley.bench.StartupBenchmark)");
        List<Double> parley = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int r = 0; r < config.startupReps(); r++) {
            for (int m = 0; m < 2; m++) {
                boolean service = (r % 2 == 0) == (m == 0);
                (service ? parley : bare).add(service ? startParley() : startBare());
            }
        }
        double ratio = median(parley) / median(bare);
        row("process", "median s", "runs");
        row("parley (KB loaded, /health UP)", fmt(median(parley)), parley.toString());
        row("bare embedded Neo4j (Bolt answers)", fmt(median(bare)), bare.toString());
        row("ratio", fmt(ratio) + "x", "");
        target(
                "Start-up loading the bundled documents (class path, no packed store) <= 1.3x bare Neo4j",
                ratio <= 1.3,
                fmt(ratio) + "x");
    }

    private static List<String> java(String main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules=jdk.incubator.vector",
                "-cp",
                System.getProperty("java.class.path"),
                main));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private double startParley() throws Exception {
        Path dir = Files.createTempDirectory("parley-bench-start");
        ProcessBuilder pb = new ProcessBuilder(java("parley.Application"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolveSibling(dir.getFileName() + ".log").toFile());
        pb.environment().put("PARLEY_DATA_DIR", dir.toString());
        // The first start that loads the documents: target/classes holds the packed store only
        // after an earlier package, so it is turned off for the same figure every time.
        pb.environment().put("PARLEY_KB_SEED_STORE", "false");
        pb.environment().put("MICRONAUT_SERVER_PORT", "18081");
        pb.environment().put("PARLEY_BOLT_PORT", "17688");
        pb.environment().put("PARLEY_HTTP_PORT", "17475");
        long t = System.nanoTime();
        Process p = pb.start();
        try {
            URI health = URI.create("http://127.0.0.1:18081/health");
            while (true) {
                if (!p.isAlive()) throw new IllegalStateException("parley exited: see " + dir + ".log");
                try {
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(health)
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) break;
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            return (System.nanoTime() - t) / 1e9;
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    private double startBare() throws Exception {
        Path dir = Files.createTempDirectory("parley-bench-bare");
        ProcessBuilder pb = new ProcessBuilder(java(BareNeo4j.class.getName(), dir.toString(), "17689", "17476"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolveSibling(dir.getFileName() + ".log").toFile());
        long t = System.nanoTime();
        Process p = pb.start();
        try (Driver d = GraphDatabase.driver("bolt://127.0.0.1:17689", AuthTokens.none())) {
            while (true) {
                if (!p.isAlive()) throw new IllegalStateException("bare Neo4j exited: see " + dir + ".log");
                try (Session s = d.session()) {
                    s.run("RETURN 1").consume();
                    break;
                } catch (RuntimeException notYet) {
                    Thread.sleep(50);
                }
            }
            return (System.nanoTime() - t) / 1e9;
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    // ---------------------------------------------------------------- report

    private String report() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by the benchmark (`./mvnw -B verify -Pbenchmark -Dparley.bench.max=1000000`); do not edit"
                + " by hand. Every ratio compares two runs in the same JVM, alternated, after warm-up; medians.\n\n");
        md.append("- date: ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME))
                .append('\n');
        md.append("- machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(memory())
                .append(" RAM; 1-minute load average ")
                .append(String.format("%.1f", loadAtStart))
                .append(" at the start and ")
                .append(String.format(
                        "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(" at the end (the machine may be shared: absolute times drift; ratios are what to read)\n");
        md.append("- JDK: ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.runtime.version"))
                .append(", heap max ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .append(" MiB; Neo4j in-process, page cache 1 GiB\n");
        md.append("- scales: ")
                .append(config.scales())
                .append(" facts; a fact is a node or relationship the"
                        + " document writes (Source, entities, facts, their MENTIONED_IN/REPORTED_IN links, the document's"
                        + " relationships), derived MET not counted\n\n");
        if (READS_ONLY) {
            md.append("- run with `-Dparley.bench.only=reads`: read latencies and throughput only (no loader,"
                    + " batch-size, per-fact or start-up sections)\n\n");
        }
        md.append("## Targets\n\n| target | met | figure |\n|---|---|---|\n");
        targets.forEach(
                (k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append('\n').append(table);
        String text = md.toString();
        Path output = LOADER_ONLY || BULK_ONLY || READS_ONLY
                ? Path.of("target/benchmarks-" + System.getProperty("parley.bench.only") + ".md")
                : config.output();
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, text);
        System.out.println(text);
        return text;
    }

    private static String memory() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return (os.getTotalMemorySize() / (1024L * 1024 * 1024)) + " GiB";
    }

    private void section(String title) {
        table.append("\n## ").append(title).append("\n\n");
        System.out.println("== " + title);
        headerPending = true;
    }

    private boolean headerPending;

    private void row(Object... cells) {
        StringBuilder line = new StringBuilder("|");
        for (Object c : cells) line.append(' ').append(c).append(" |");
        table.append(line).append('\n');
        if (headerPending) {
            table.append("|").append("---|".repeat(cells.length)).append('\n');
            headerPending = false;
        }
        System.out.println(line);
    }

    private void note(String text) {
        table.append('\n').append(text).append('\n');
        System.out.println(text);
    }

    private void target(String name, boolean met, String figure) {
        targets.put(name, (met ? "yes" : "**no**") + " | " + figure);
        System.out.println("TARGET " + name + ": " + (met ? "met" : "MISSED") + " (" + figure + ")");
    }

    private static double timeMs(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1e6;
    }

    static double median(List<Double> values) {
        return pct(values, 50);
    }

    static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format("%,.0f", v) : String.format("%.2f", v);
    }

    private static String pct(double ratio) {
        return String.format("%.0f%%", ratio * 100);
    }

    static <T> T unused(Supplier<T> s) {
        return s.get();
    }
}
