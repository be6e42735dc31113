package parley.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.kb.GraphFingerprint;

/**
 * Suite 1c (slow): each attack of findings 3 and 4 of issue 16, sent by several attackers at once
 * for a while, with 32 readers on the read endpoints alongside. For each attack: how many requests
 * the readers completed and their latency (figures, written to {@code target/robustness/}, never
 * asserted), and that no reader got a 5xx or no answer and that they did complete requests.
 */
@Tag("slow")
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CypherAttackLoadTest extends UnchangedGraphSuite {

    static final int READERS = Integer.getInteger("parley.attack.readers", 32);
    static final int WINDOW_SECONDS = Integer.getInteger("parley.attack.seconds", 10);

    static final List<String> READS = List.of(
            "/health",
            "/api/stats",
            "/api/actors/kirill-dmitriev",
            "/api/actors/kirill-dmitriev/met",
            "/api/meetings?participant=steve-witkoff",
            "/api/timeline?actor=steve-witkoff",
            "/api/claims?contested=true",
            "/api/topics/nato-membership/positions",
            "/api/search?q=Kiev",
            "/api/paths?from=kirill-dmitriev&to=volodymyr-zelensky");

    /** An attack: its name, how many attackers send it at once, and the request. */
    record Attack(String name, int attackers, String path, Map<String, Object> body) {}

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("parley.kb.load-on-start", "true");
        return properties;
    }

    static Attack cypher(String name, int attackers, String query) {
        return new Attack(name, attackers, "/api/cypher", Map.of("query", query));
    }

    static List<Attack> attacks() {
        String plus = String.join("+", Collections.nCopies(200, "1"));
        String search = String.join(" ", Collections.nCopies(4000, "zelensky~"));
        StringBuilder longSearch = new StringBuilder();
        for (int i = 0; longSearch.length() < 990; i++) {
            longSearch.append("zelenskyy").append(i % 10).append("~ ");
        }
        return List.of(
                new Attack("none (baseline)", 0, null, null),
                cypher("RETURN 1+1+…+1 (200 terms), 60 attackers", 60, "RETURN " + plus),
                cypher("list nested 200 deep", 8, "RETURN " + "[".repeat(200) + "1" + "]".repeat(200) + " AS x"),
                cypher(
                        "CASE nested 150 deep",
                        8,
                        "RETURN " + "CASE WHEN true THEN ".repeat(150) + "1" + " ELSE 0 END".repeat(150) + " AS x"),
                cypher("300 ANDs", 8, "RETURN " + String.join(" AND ", Collections.nCopies(300, "true"))),
                cypher("RETURN range(1, 30000000)", 6, "RETURN range(1, 30000000) AS r"),
                cypher("a 2^27-character string", 6, "RETURN reduce(s = 'xxxxxxxx', i IN range(1, 24) | s + s) AS s"),
                cypher(
                        "collect of 30 million numbers",
                        6,
                        "UNWIND range(1, 30000000) AS x RETURN size(collect(x)) AS n"),
                cypher(
                        "Cartesian product to the time limit",
                        60,
                        "MATCH (a), (b), (c) WHERE a.id < b.id < c.id RETURN count(*)"),
                new Attack(
                        "40,000-character fuzzy search",
                        8,
                        "/api/queries/search",
                        Map.of("query", search, "limit", 10)),
                new Attack(
                        "990-character fuzzy search",
                        8,
                        "/api/queries/search",
                        Map.of("query", longSearch.toString(), "limit", 10)));
    }

    @Test
    void readEndpointsKeepAnsweringDuringEachAttack() throws Exception {
        StringBuilder table = new StringBuilder(
                "| attack | attackers | attack answers | reads completed | reads/s"
                        + " | read p50 ms | read p99 ms | read max ms | read 5xx or no answer |\n|---|---|---|---|---|---|---|---|---|\n");
        List<String> failures = new ArrayList<>();
        // A first window without figures, so the baseline is not the JIT's cold start.
        run(new Attack("warm-up", 0, null, null));
        for (Attack attack : attacks()) {
            Window window = run(attack);
            table.append("| ")
                    .append(attack.name())
                    .append(" | ")
                    .append(attack.attackers())
                    .append(" | ")
                    .append(window.attackAnswers)
                    .append(" | ")
                    .append(window.latencies.size())
                    .append(" | ")
                    .append(window.latencies.size() / WINDOW_SECONDS)
                    .append(" | ")
                    .append(percentile(window.latencies, 50))
                    .append(" | ")
                    .append(percentile(window.latencies, 99))
                    .append(" | ")
                    .append(percentile(window.latencies, 100))
                    .append(" | ")
                    .append(window.readFailures)
                    .append(" |\n");
            if (window.readFailures > 0) {
                failures.add(attack.name() + ": " + window.readFailures + " reads failed, e.g. " + window.example);
            }
            if (window.latencies.isEmpty()) {
                failures.add(attack.name() + ": the readers completed no request");
            }
            for (String status : window.attackAnswers.keySet()) {
                if (!status.startsWith("4") && !status.equals("503 cypher_busy") && !status.startsWith("200")) {
                    failures.add(attack.name() + ": an attack was answered " + status);
                }
            }
        }
        RobustnessReport.write(
                "cypher-attacks",
                "Readers: " + READERS + " threads over " + READS.size() + " read endpoints, " + WINDOW_SECONDS
                        + " s per attack, after a " + WINDOW_SECONDS + " s warm-up.\n\n" + table);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, GraphFingerprint.of(graph), "node and relationship counts and checksum after the attacks");
    }

    private static final class Window {
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Integer> attackAnswers = new TreeMap<>();
        volatile int readFailures;
        volatile String example = "";
    }

    private Window run(Attack attack) throws Exception {
        Window window = new Window();
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        CountDownLatch started = new CountDownLatch(READERS);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                int reader = r;
                tasks.add(pool.submit(() -> {
                    started.countDown();
                    for (int i = reader; !stop.get(); i++) {
                        String path = READS.get(i % READS.size());
                        long start = System.nanoTime();
                        int status;
                        try {
                            status = http.get(path).status();
                        } catch (RuntimeException e) {
                            status = -1;
                        }
                        if (status >= 500 || status < 0) {
                            synchronized (window) {
                                window.readFailures++;
                                window.example = path + " answered " + (status < 0 ? "nothing" : status);
                            }
                        } else if (!stop.get()) {
                            window.latencies.add((System.nanoTime() - start) / 1_000_000);
                        }
                    }
                }));
            }
            started.await();
            for (int a = 0; a < attack.attackers(); a++) {
                tasks.add(pool.submit(() -> {
                    while (!stop.get()) {
                        Http.Answer answer;
                        try {
                            answer = http.postJson(attack.path(), attack.body());
                        } catch (RuntimeException e) {
                            answers.merge("no answer", 1, Integer::sum);
                            continue;
                        }
                        String key = answer.status() + " " + (answer.status() == 200 ? "answered" : answer.error());
                        answers.merge(key, 1, Integer::sum);
                    }
                }));
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(WINDOW_SECONDS));
            stop.set(true);
            for (Future<?> task : tasks) {
                task.get(120, TimeUnit.SECONDS);
            }
        }
        window.attackAnswers.putAll(answers);
        return window;
    }

    private static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
