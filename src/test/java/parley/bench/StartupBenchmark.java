package parley.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * Start-up of the artifact against a bare embedded Neo4j, side by side in one run, alternated: the
 * first start (empty data directory: the store the build made with the bundled documents unpacked,
 * or, with {@code parley.kb.seed-store=false}, the schema applied and the documents loaded) and a restart
 * (same directory), each from process start to ready — parley's {@code /health/ready} UP, the bare
 * Neo4j answering {@code RETURN 1} on Bolt — with and without the JDK's AOT cache, which is used
 * with the flags {@code ./run} gives it.
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * java -cp target/parley.jar:target/test-classes parley.bench.StartupBenchmark [rounds]
 * </pre>
 *
 * It first makes the AOT cache with the training run of {@code ./mvnw verify -Paot} ({@code
 * -XX:AOTCacheOutput}, {@code -Dparley.aot.training=true}: start, load, a few requests, stop),
 * unless {@code target/parley.aot} is there and newer than the jar. Prints a table and writes it to
 * {@code docs/startup.md}; the machine may be shared, so the load average is printed with it.
 */
public final class StartupBenchmark {

    private static final Path JAR = Path.of("target/parley.jar");
    private static final Path AOT = Path.of("target/parley.aot");
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("No " + JAR + ": run ./mvnw -q -DskipTests package first");
        }
        long benchStarted = System.nanoTime();
        double loadBefore = load();
        String training;
        if (!Files.isRegularFile(AOT) || Files.getLastModifiedTime(AOT).compareTo(Files.getLastModifiedTime(JAR)) < 0) {
            training = train();
        } else {
            training = "the cache was there already (" + Files.size(AOT) / (1024 * 1024) + " MiB)";
        }
        Map<String, List<Double>> first = new LinkedHashMap<>();
        Map<String, List<Double>> restart = new LinkedHashMap<>();
        Map<String, Supplier<List<String>>> variants = new LinkedHashMap<>();
        variants.put("bare embedded Neo4j", () -> List.of());
        variants.put("parley.jar", () -> List.of());
        // What a first start costs without the store the build made: the schema applied and the
        // bundled documents loaded at start, as before parley.kb.SeedStore.
        variants.put("parley.jar, seed store off", () -> List.of("-Dparley.kb.seed-store=false"));
        // As ./run uses the cache.
        variants.put("parley.jar + AOT cache", () -> List.of("-XX:AOTCache=" + AOT, "-Xlog:aot*=off,cds*=off"));
        for (int r = 0; r < rounds; r++) {
            List<String> order = new ArrayList<>(variants.keySet());
            if (r % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String variant : order) {
                Path dir = Files.createTempDirectory("parley-startup");
                boolean bare = variant.startsWith("bare");
                List<String> flags = variants.get(variant).get();
                first.computeIfAbsent(variant, k -> new ArrayList<>()).add(start(bare, flags, dir));
                restart.computeIfAbsent(variant, k -> new ArrayList<>()).add(start(bare, flags, dir));
                System.out.printf(
                        "round %d %-28s first %.1f s, restart %.1f s (load average %.1f)%n",
                        r + 1, variant, last(first.get(variant)), last(restart.get(variant)), load());
            }
        }
        double bareFirst = median(first.get("bare embedded Neo4j"));
        double bareRestart = median(restart.get("bare embedded Neo4j"));
        StringBuilder table = new StringBuilder();
        table.append("# Start-up: parley.jar against a bare embedded Neo4j\n\n");
        table.append(String.format(
                "Process start to ready (parley: `/health/ready` UP with the bundled documents in the graph; bare"
                        + " Neo4j: `RETURN 1` answered on Bolt); medians of %d rounds, alternated. Load average %.1f"
                        + " before, %.1f after, %d cores; %s, %s.%n%n",
                rounds,
                loadBefore,
                load(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version")));
        table.append("| process | first start s | ratio | restart s | ratio | first starts | restarts |\n");
        table.append("|---|---:|---:|---:|---:|---|---|\n");
        for (String variant : variants.keySet()) {
            double f = median(first.get(variant));
            double s = median(restart.get(variant));
            table.append(String.format(
                    "| %s | %.1f | %.2fx | %.1f | %.2fx | %s | %s |%n",
                    variant,
                    f,
                    f / bareFirst,
                    s,
                    s / bareRestart,
                    rounded(first.get(variant)),
                    rounded(restart.get(variant))));
        }
        table.append("\nTargets: first start <= 1.3x, restart <= 1.1x the bare embedded Neo4j (issue 13).\n");
        table.append(String.format(
                "%nAOT cache: %s. The bare Neo4j runs without a cache. The whole run took %.0f s (%s); command:%n%n"
                        + "```sh%n./mvnw -q -DskipTests package%n"
                        + "java -cp target/parley.jar:target/test-classes parley.bench.StartupBenchmark %d%n```%n",
                training,
                (System.nanoTime() - benchStarted) / 1e9,
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                rounds));
        System.out.print(table);
        Files.writeString(Path.of("docs", "startup.md"), table.toString());
    }

    /** The training run of {@code ./mvnw verify -Paot}: the JVM writes the AOT cache when it exits. */
    private static String train() throws Exception {
        Files.deleteIfExists(AOT);
        Path log = Files.createTempFile("parley-aot-training", ".log");
        System.out.println("Training run for the AOT cache (" + AOT + "), log in " + log);
        long t = System.nanoTime();
        Process p = new ProcessBuilder(
                        JAVA,
                        "--sun-misc-unsafe-memory-access=allow",
                        "-XX:AOTCacheOutput=" + AOT,
                        "-Xlog:aot=error",
                        "-Dparley.aot.training=true",
                        "-jar",
                        JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int status = p.waitFor();
        double seconds = (System.nanoTime() - t) / 1e9;
        if (status != 0 || !Files.isRegularFile(AOT)) {
            throw new IllegalStateException("The training run exited with " + status + " and wrote "
                    + (Files.isRegularFile(AOT) ? "" : "no ") + AOT + ": see " + log);
        }
        String made =
                String.format("made by the training run in %.0f s, %d MiB", seconds, Files.size(AOT) / (1024 * 1024));
        System.out.println("AOT cache " + made);
        return made;
    }

    private static double start(boolean bare, List<String> flags, Path dir) throws Exception {
        long t = System.nanoTime();
        Process p = bare ? bare(dir) : parley(flags, dir);
        try {
            awaitReady(p, bare);
            return (System.nanoTime() - t) / 1e9;
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    private static Process parley(List<String> flags, Path dir) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "--sun-misc-unsafe-memory-access=allow"));
        cmd.addAll(flags);
        cmd.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolveSibling(dir.getFileName() + ".log").toFile()));
        pb.environment().put("PARLEY_DATA_DIR", dir.toString());
        pb.environment().put("MICRONAUT_SERVER_PORT", "18091");
        pb.environment().put("PARLEY_BOLT_PORT", "17698");
        pb.environment().put("PARLEY_HTTP_PORT", "17485");
        return pb.start();
    }

    private static Process bare(Path dir) throws IOException {
        return new ProcessBuilder(
                        JAVA,
                        "--sun-misc-unsafe-memory-access=allow",
                        "-cp",
                        JAR + java.io.File.pathSeparator + "target/test-classes",
                        BareNeo4j.class.getName(),
                        dir.toString(),
                        "17699",
                        "17486")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolveSibling(dir.getFileName() + ".log").toFile()))
                .start();
    }

    private static void awaitReady(Process p, boolean bare) throws Exception {
        if (bare) {
            try (Driver d = GraphDatabase.driver("bolt://127.0.0.1:17699", AuthTokens.none())) {
                while (true) {
                    alive(p);
                    try (Session s = d.session()) {
                        s.run("RETURN 1").consume();
                        return;
                    } catch (RuntimeException notYet) {
                        Thread.sleep(50);
                    }
                }
            }
        }
        URI ready = URI.create("http://127.0.0.1:18091/health/ready");
        while (true) {
            alive(p);
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
    }

    private static void alive(Process p) {
        if (!p.isAlive()) {
            throw new IllegalStateException("the process exited with status " + p.exitValue());
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double last(List<Double> values) {
        return values.getLast();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format("%.1f", v)).toList().toString();
    }
}
