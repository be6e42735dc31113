package parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped artifact, as an operator runs it: {@code java -jar target/parley.jar} with the flags
 * {@code ./run} gives it (without the AOT cache, which is optional), on free ports and a temporary
 * data directory; ready, one API answer, then SIGTERM: exit status 0 within 5 s and nothing left
 * listening. It runs in the {@code integration-test} phase of {@code ./mvnw verify}, after {@code
 * package} has made the jar (pom: surefire execution {@code artifact-smoke}), so a jar that cannot
 * start (a class missing from the shade) fails the build.
 */
class ArtifactSmokeTest {

    private static final Path JAR = Path.of("target", "parley.jar");
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);

    @Test
    void theJarStartsAnswersAndStopsCleanlyOnSigterm() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: this test runs after package");
        Path data = Files.createTempDirectory("parley-artifact-");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        int[] ports = freePorts(3);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The flags of ./run (its last line), less the optional AOT cache, with the heap capped as
        // PARLEY_JAVA_OPTS=-Xmx1g ./run would (the build machine is shared).
        ProcessBuilder pb = new ProcessBuilder(
                        java, "--sun-misc-unsafe-memory-access=allow", "-Xmx1g", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("PARLEY_DATA_DIR", data.toString());
        pb.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(ports[0]));
        pb.environment().put("PARLEY_BOLT_PORT", String.valueOf(ports[1]));
        pb.environment().put("PARLEY_HTTP_PORT", String.valueOf(ports[2]));
        Process service = pb.start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://127.0.0.1:" + ports[0];
        try {
            awaitReady(service, http, base, log);

            HttpResponse<String> met = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/actors/kirill-dmitriev/met"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, met.statusCode(), met.body());
            assertTrue(met.body().contains("\"steve-witkoff\""), met.body());

            List<ProcessHandle> children = service.descendants().toList();
            long t = System.nanoTime();
            service.destroy(); // SIGTERM
            boolean exited = service.waitFor(5, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - t) / 1e9;
            assertTrue(exited, "still running 5 s after SIGTERM; log: " + log);
            assertEquals(0, service.exitValue(), "exit status after SIGTERM; log: " + log);
            System.out.printf("artifact smoke test: stopped %.1f s after SIGTERM%n", seconds);
            for (ProcessHandle child : children) {
                assertFalse(child.isAlive(), "left running: " + child.info());
            }
            for (int port : ports) {
                assertFalse(listening(port), "port " + port + " still listening after the stop");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertFalse(output.contains("\tat "), "a stack trace in the output: " + log);
            assertFalse(output.contains("WARNING:"), "a JVM warning in the output: " + log);
            // A first start unpacks the store the build made (parley.kb.SeedStore) and then finds
            // every bundled document in place, as a restart does.
            assertTrue(output.contains("First start: unpacked the store made at build time"), log.toString());
            assertTrue(
                    Pattern.compile("Bundled documents: [1-9][0-9]* up to date, 0 loaded")
                            .matcher(output)
                            .find(),
                    "the bundled documents found in the unpacked store: " + log);
        } finally {
            if (service.isAlive()) {
                service.destroyForcibly().waitFor();
            }
        }
    }

    private static void awaitReady(Process service, HttpClient http, String base, Path log) throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                fail("the jar exited with status " + service.exitValue() + " before it was ready: "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        fail("not ready within " + READY_WITHIN + "; log: " + log);
    }

    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
