package parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ProfiledPlan;
import parley.kb.RawLoader;
import parley.neo4j.CypherScript;

/**
 * A developer's tool, not part of any suite: keeps a synthetic store of N facts in a directory
 * (built once with the loader's statements), then times each named read query over Bolt and
 * prints its profile, reading the {@code .cypher} files from the working tree so that an edited
 * query is measured without a rebuild. {@code java -cp … parley.bench.ReadProbe DIR FACTS
 * [query…] [plan]}.
 */
public final class ReadProbe {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long facts = Long.parseLong(args[1]);
        boolean fresh = !Files.exists(dir);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 17999))
                .setConfig(GraphDatabaseSettings.pagecache_memory, 1024L * 1024 * 1024)
                .build();
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:17999", AuthTokens.none())) {
            try (Session s = driver.session()) {
                for (String st : CypherScript.statements(Files.readString(Path.of("cypher/schema.cypher")))) {
                    s.run(st).consume();
                }
                s.run("CALL db.awaitIndexes(600)").consume();
            }
            if (fresh) {
                long t = System.nanoTime();
                new CorpusGenerator(facts).generate(json -> RawLoader.load(driver, RawLoader.prepare(json), 2000));
                System.out.printf("loaded %d facts in %.1f s%n", facts, (System.nanoTime() - t) / 1e9);
            }
            String busy = driver.executableQuery("MATCH (a:Person) WHERE a.id STARTS WITH 'syn-a-' "
                            + "RETURN a.id AS id ORDER BY COUNT { (a)-[:ATTENDED]->() } DESC LIMIT 1")
                    .execute()
                    .records()
                    .getFirst()
                    .get("id")
                    .asString();
            String other = driver.executableQuery("MATCH (a:Person) WHERE a.id STARTS WITH 'syn-a-' "
                            + "RETURN a.id AS id ORDER BY COUNT { (a)-[:ATTENDED]->() } DESC SKIP 40 LIMIT 1")
                    .execute()
                    .records()
                    .getFirst()
                    .get("id")
                    .asString();
            String topic = driver.executableQuery(
                            "MATCH (t:Topic) RETURN t.id AS id ORDER BY COUNT { (t)--() } DESC LIMIT 1")
                    .execute()
                    .records()
                    .getFirst()
                    .get("id")
                    .asString();
            if (args.length > 2 && args[2].equals("-c")) {
                String a = Files.readString(Path.of(args[3]));
                String b = Files.readString(Path.of(args[4]));
                for (var e : params(busy, other, topic).entrySet()) {
                    if (!e.getKey().replaceAll("#.*", "").equals(args[5])) continue;
                    List<Map<String, Object>> ra;
                    List<Map<String, Object>> rb;
                    try (Session s = driver.session()) {
                        ra = s.run(a, e.getValue()).list(r -> r.asMap());
                        rb = s.run(b, e.getValue()).list(r -> r.asMap());
                    }
                    System.out.println(e.getKey() + ": " + (ra.equals(rb) ? "same" : "DIFFERENT") + " (" + ra.size()
                            + " vs " + rb.size() + " rows)");
                    if (!ra.equals(rb) && !ra.isEmpty() && !rb.isEmpty()) {
                        System.out.println("  " + ra.getFirst() + "\n  " + rb.getFirst());
                    }
                }
                return;
            }
            if (args.length > 2 && args[2].equals("-e")) {
                for (int i = 3; i < args.length; i++) {
                    String q = args[i].startsWith("@") ? Files.readString(Path.of(args[i].substring(1))) : args[i];
                    Map<String, Object> ps = params(busy, other, topic).get(System.getProperty("p", "timeline"));
                    List<Double> times = new ArrayList<>();
                    int rows = 0;
                    int n = Integer.getInteger("n", 30);
                    long cpu = 0;
                    for (int k = 0; k < n; k++) {
                        long t = System.nanoTime();
                        long c = processCpuNanos();
                        try (Session s = driver.session()) {
                            rows = s.run(q, ps).list().size();
                        }
                        if (k >= n / 3) {
                            times.add((System.nanoTime() - t) / 1e6);
                            cpu += processCpuNanos() - c;
                        }
                    }
                    ProfiledPlan profile;
                    try (Session s = driver.session()) {
                        profile = s.run("PROFILE " + q, ps).consume().profile();
                    }
                    // CPU time of the whole process (Neo4j, the driver, this loop) per query: less
                    // swayed by other processes on a shared machine than the wall clock.
                    System.out.printf(
                            "p50 %.2f ms cpu %.2f ms/query rows %d hits %,d%n",
                            Benchmark.median(times), cpu / 1e6 / times.size(), rows, hits(profile));
                    print(profile, "  ");
                }
                return;
            }
            System.out.println("busiest " + busy + ", other " + other + ", topic " + topic);
            Map<String, Map<String, Object>> params = params(busy, other, topic);
            List<String> wanted = new ArrayList<>();
            boolean plan = false;
            for (int i = 2; i < args.length; i++) {
                if (args[i].equals("plan")) plan = true;
                else wanted.add(args[i]);
            }
            for (var e : params.entrySet()) {
                String name = e.getKey().replaceAll("#.*", "");
                if (!wanted.isEmpty() && !wanted.contains(e.getKey()) && !wanted.contains(name)) continue;
                String cypher = Files.readString(Path.of("cypher/queries/" + name + ".cypher"));
                List<Double> times = new ArrayList<>();
                int rows = 0;
                for (int i = 0; i < 40; i++) {
                    long t = System.nanoTime();
                    try (Session s = driver.session()) {
                        rows = s.run(cypher, e.getValue()).list().size();
                    }
                    if (i >= 10) times.add((System.nanoTime() - t) / 1e6);
                }
                ProfiledPlan profile;
                try (Session s = driver.session()) {
                    profile = s.run("PROFILE " + cypher, e.getValue()).consume().profile();
                }
                System.out.printf(
                        "%-22s p50 %8.2f ms  rows %4d  dbHits %,d%n",
                        e.getKey(), Benchmark.median(times), rows, hits(profile));
                if (plan) print(profile, "  ");
            }
        } finally {
            dbms.shutdown();
        }
    }

    /** The parameters of search.cypher for "orlov" as the service sends them: its best {@code cap}, a page of 20. */
    private static Map<String, Object> search(long cap, long offset) {
        return Map.of(
                "query",
                "orlov^2 name:orlov~ aliases:orlov~ title:orlov~",
                "text",
                "orlov",
                "cap",
                cap,
                "offset",
                offset,
                "limit",
                20L);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long hits(ProfiledPlan p) {
        long h = p.dbHits();
        for (ProfiledPlan c : p.children()) h += hits(c);
        return h;
    }

    private static void print(ProfiledPlan p, String indent) {
        System.out.println(indent + p.operatorType() + " rows=" + p.records() + " hits=" + p.dbHits() + " "
                + p.arguments().getOrDefault("Details", null));
        for (Plan c : p.children()) print((ProfiledPlan) c, indent + "  ");
    }

    static Map<String, Map<String, Object>> params(String busy, String other, String topic) {
        Map<String, Map<String, Object>> params = new LinkedHashMap<>();
        params.put("actor", Map.of("id", busy, "limit", 10L));
        params.put("actor#50", Map.of("id", busy, "limit", 50L));
        params.put("actor-met", with(page(0), "id", busy, "status", null));
        params.put("actor-met#deep", with(page(2000), "id", busy, "status", null));
        params.put("actor-met#p3", with(page(100), "id", busy, "status", null));
        params.put("actor-met#held", with(page(0), "id", busy, "status", "held"));
        params.put("actor-met#quiet", with(page(0), "id", other, "status", null));
        params.put("actors", with(page(0), "q", null, "type", null));
        params.put("actors#q", with(page(0), "q", "ov", "type", "Person"));
        params.put("claims", with(page(0), "contested", null));
        params.put("claims#t", with(page(3), "contested", true));
        params.put("claims#f", with(page(3), "contested", false));
        params.put("claims#deep", with(page(1200), "contested", null));
        params.put("meetings", with(page(0), "from", null, "to", null, "place", null, "participant", null));
        params.put("meetings#participant", with(page(0), "from", null, "to", null, "place", null, "participant", busy));
        params.put("meetings#deep", with(page(30000), "from", null, "to", null, "place", null, "participant", null));
        params.put(
                "meetings#range",
                with(
                        page(10),
                        "from",
                        LocalDate.of(2021, 1, 1),
                        "to",
                        LocalDate.of(2021, 3, 1),
                        "place",
                        null,
                        "participant",
                        null));
        params.put(
                "meetings#status",
                with(page(10), "from", null, "to", null, "place", null, "participant", null, "status", "held"));
        params.put("node-counts", Map.of());
        params.put("relationship-counts", Map.of());
        params.put("paths", Map.of("from", busy, "to", other, "maxHops", 4L));
        params.put("search", search(500L, 0L));
        params.put("search#cap", search(100000L, 0L));
        params.put("search#p3", search(100000L, 40L));
        params.put("sources", page(0));
        params.put("timeline", with(page(0), "from", null, "to", null, "actor", null, "cap", 1000L));
        params.put("timeline#deep", with(page(5000), "from", null, "to", null, "actor", null, "cap", 1000L));
        params.put("timeline#actor", with(page(0), "from", null, "to", null, "actor", busy, "cap", 1000L));
        params.put(
                "timeline#range",
                with(
                        page(0),
                        "from",
                        LocalDate.of(2021, 1, 1),
                        "to",
                        LocalDate.of(2021, 3, 1),
                        "actor",
                        null,
                        "cap",
                        1000L));
        params.put("topic-positions", Map.of("id", topic));
        params.put("topics", page(0));
        return params;
    }

    private static Map<String, Object> page(long offset) {
        Map<String, Object> m = new HashMap<>();
        m.put("offset", offset);
        m.put("limit", 50L);
        return m;
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... kv) {
        Map<String, Object> m = new HashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        m.putIfAbsent("party", null);
        m.putIfAbsent("status", null);
        return m;
    }
}
