package parley.neo4j;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;
import org.neo4j.server.configuration.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.StartupException;

/**
 * A real Neo4j inside the service process, used when no {@code NEO4J_URI} is set.
 *
 * <p>The harness puts its home in a fresh random folder and deletes that folder on close, which
 * would lose every write. We point {@code server.directories.neo4j_home} at the data directory
 * instead, so the store lives there across restarts; the harness's random folder keeps only its
 * user log and is the only thing it deletes.
 */
@Singleton
@Requires(missingProperty = "neo4j.uri")
public final class EmbeddedNeo4j implements BoltEndpoint, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final Path home;
    private final Neo4j neo4j;
    private final String host;

    @Inject
    EmbeddedNeo4j(
            @Value("${parley.data.dir:./data}") String dataDir,
            @Value("${parley.listen.address:127.0.0.1}") String host,
            @Value("${parley.bolt.port:7687}") int boltPort,
            @Value("${parley.http.port:7474}") int httpPort,
            @Value("${parley.browser.enabled:true}") boolean browser,
            @Value("${parley.pagecache:512m}") String pageCache) {
        this(Path.of(dataDir), host, boltPort, httpPort, browser, ByteUnit.parse(pageCache));
    }

    /** Starts Neo4j with its store in {@code home}; port 0 picks a free port. */
    public EmbeddedNeo4j(Path home, String host, int boltPort, int httpPort, boolean browser, long pageCache) {
        this.home = home.toAbsolutePath().normalize();
        this.host = host;
        ensureWritable(this.home);
        ensureFree(host, boltPort, "Bolt", "PARLEY_BOLT_PORT");
        if (browser) {
            ensureFree(host, httpPort, "HTTP (Neo4j Browser)", "PARLEY_HTTP_PORT");
        }
        long started = System.nanoTime();
        Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(this.home.resolve("run"))
                .withConfig(GraphDatabaseSettings.neo4j_home, this.home)
                .withConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .withConfig(GraphDatabaseSettings.udc_enabled, false)
                // Browser may open guides from the service, reached as localhost or 127.0.0.1.
                .withConfig(
                        ServerSettings.browser_remote_content_hostname_whitelist,
                        "guides.neo4j.com,localhost,127.0.0.1")
                .withConfig(BoltConnector.listen_address, new SocketAddress(host, boltPort))
                .withConfig(HttpConnector.listen_address, new SocketAddress(host, httpPort));
        builder = EmbeddedSettings.apply(builder, host, boltPort, httpPort);
        if (!browser) {
            builder = builder.withDisabledServer();
        }
        try {
            this.neo4j = builder.build();
        } catch (RuntimeException e) {
            throw new StartupException("Embedded Neo4j in " + this.home + " did not start: " + rootMessage(e), e);
        }
        LOG.info(
                "Embedded Neo4j started in {} ms: Bolt {}, Browser {}, data in {}",
                (System.nanoTime() - started) / 1_000_000,
                uri(),
                browser ? neo4j.httpURI() + "browser/" : "off",
                this.home);
    }

    private static void ensureWritable(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new StartupException("Data directory " + dir + " cannot be created (" + e
                    + "); set PARLEY_DATA_DIR to a writable directory");
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new StartupException(
                    "Data directory " + dir + " is not writable; set PARLEY_DATA_DIR to a writable directory");
        }
        try {
            Files.deleteIfExists(Files.createTempFile(dir, ".write-check", ""));
        } catch (IOException e) {
            throw new StartupException("Data directory " + dir + " is not writable (" + e.getMessage()
                    + "); set PARLEY_DATA_DIR to a writable directory");
        }
    }

    private static void ensureFree(String host, int port, String what, String variable) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new StartupException(what + " port " + port + " on " + host
                    + " is already in use (another Neo4j or parley?); stop it or set " + variable
                    + " to a free port");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    @Override
    public URI uri() {
        return EmbeddedSettings.reachable(neo4j.boltURI(), host);
    }

    /** The HTTP address serving Neo4j Browser under {@code /browser/}. */
    public URI httpUri() {
        return neo4j.httpURI();
    }

    @Override
    public AuthToken authToken() {
        return AuthTokens.none();
    }

    @Override
    public String describe() {
        return "embedded Neo4j at " + uri() + ", data in " + home;
    }

    @Override
    @PreDestroy
    public void close() {
        LOG.info("Stopping embedded Neo4j (data stays in {})", home);
        neo4j.close();
    }
}
