package parley;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import parley.health.Readiness;

/**
 * The training run for the JDK's ahead-of-time cache (JEP 483/514/515): a first start of the
 * service on a temporary data directory and free ports (schema, the bundled documents loaded), a
 * few requests of the kinds clients send, then a clean stop. Run under {@code
 * -XX:AOTCacheOutput=target/parley.aot}, the JVM writes on its way out a cache of the classes it
 * loaded and linked and of their profiles, which later starts use with {@code
 * -XX:AOTCache=target/parley.aot} ({@code ./run} does when the cache is newer than the jar). It
 * runs from the jar with the flags of a real start, since the cache is only used with the class
 * path and options it was made with: {@code java --sun-misc-unsafe-memory-access=allow
 * -XX:AOTCacheOutput=target/parley.aot -Dparley.aot.training=true -jar target/parley.jar}, which
 * {@code ./mvnw -B verify -Paot -DskipTests} does after packaging. The cache is optional: the jar
 * starts the same without it.
 */
public final class AotTraining {

    private static final Logger LOG = LoggerFactory.getLogger(AotTraining.class);
    private static final List<String> REQUESTS = List.of(
            "/health/ready",
            "/api/stats",
            "/api/actors?q=a",
            "/api/meetings",
            "/api/timeline",
            "/api/topics",
            "/api/claims",
            "/api/search?q=talks",
            "/metrics");

    private AotTraining() {}

    public static void main(String[] args) throws Exception {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Path data = Files.createTempDirectory("parley-aot-training-");
        int[] ports = freePorts(3);
        System.setProperty("parley.data.dir", data.toString());
        System.setProperty("micronaut.server.port", String.valueOf(ports[0]));
        System.setProperty("parley.bolt.port", String.valueOf(ports[1]));
        System.setProperty("parley.http.port", String.valueOf(ports[2]));
        long started = System.nanoTime();
        int status = 0;
        try (ApplicationContext context =
                Micronaut.build(args).mainClass(Application.class).banner(false).start()) {
            Readiness readiness = context.getBean(Readiness.class);
            while (readiness.notReadyBecause().isPresent()) {
                Thread.sleep(100);
            }
            URI base = context.getBean(EmbeddedServer.class).getURI();
            HttpClient http = HttpClient.newHttpClient();
            for (String path : REQUESTS) {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .timeout(Duration.ofMinutes(1))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                    LOG.warn("AOT training: {} answered {}", path, r.statusCode());
                    status = 1;
                }
            }
            LOG.info(
                    "AOT training: started, loaded and answered {} requests in {} ms; stopping",
                    REQUESTS.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            delete(data);
        }
        System.exit(status);
    }

    private static int[] freePorts(int n) throws IOException {
        ServerSocket[] sockets = new ServerSocket[n];
        int[] ports = new int[n];
        try {
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
        return ports;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
