package parley.neo4j;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;
import org.neo4j.server.configuration.ServerSettings;
import org.neo4j.server.security.FormatException;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.StartupException;
import parley.kb.SeedStore;

/**
 * A real Neo4j inside the service process, used when no {@code NEO4J_URI} is set.
 *
 * <p>Bolt and Browser ask for a login: user {@code neo4j} with the password of {@code
 * parley.neo4j.password}, or else one generated at the first start and kept in {@code
 * neo4j-password} in the data directory, readable only by its owner. At every start the stored
 * password is compared with that one in this process, and set through the in-process API where it
 * differs, so changing the configured one takes effect on the next start. Authentication may be turned off only while Bolt and Browser listen on a loopback address.
 *
 * <p>Neo4j's own memory limits stop a transaction that would hold too much
 * ({@code db.memory.transaction.max}) or all transactions together past a total
 * ({@code dbms.memory.transaction.total.max}), before the JVM they share with the service runs out.
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

    /** The user the service and Browser users log in as. */
    public static final String USER = "neo4j";

    /** The file in the data directory that keeps a generated password. */
    public static final String PASSWORD_FILE = "neo4j-password";

    /** Neo4j refuses shorter passwords (dbms.security.auth_minimum_password_length). */
    private static final int MIN_PASSWORD_LENGTH = 8;

    /**
     * How the embedded Neo4j is secured and bounded: the login (off, or on with a configured or
     * generated password) and the memory one transaction and all of them may hold.
     */
    public record Limits(boolean auth, String password, long transactionMemory, long totalTransactionMemory) {

        /** No login, no memory limit of ours: a bare Neo4j for tests and benchmarks on loopback. */
        public static final Limits NONE = new Limits(false, "", 0, 0);
    }

    private final Path home;
    private final Neo4j neo4j;
    private final AuthToken authToken;
    private final String host;
    private boolean passwordSet;

    @Inject
    EmbeddedNeo4j(
            @Value("${parley.data.dir:./data}") String dataDir,
            @Value("${parley.listen.address:127.0.0.1}") String host,
            @Value("${parley.bolt.port:7687}") int boltPort,
            @Value("${parley.http.port:7474}") int httpPort,
            @Value("${parley.browser.enabled:true}") boolean browser,
            @Value("${parley.pagecache:512m}") String pageCache,
            @Value("${parley.neo4j.auth:true}") boolean auth,
            @Value("${parley.neo4j.password:}") String password,
            @Value("${parley.neo4j.transaction-memory:256m}") String transactionMemory,
            @Value("${parley.neo4j.total-transaction-memory:1g}") String totalTransactionMemory,
            @Value("${parley.review.dir}") String reviewDir,
            @Value("${parley.kb.load-on-start:true}") boolean loadOnStart,
            @Value("${parley.kb.seed-store:true}") boolean seedStore) {
        this(
                Path.of(dataDir),
                host,
                boltPort,
                httpPort,
                browser,
                ByteUnit.parse(pageCache),
                new Limits(auth, password, ByteUnit.parse(transactionMemory), ByteUnit.parse(totalTransactionMemory)),
                loadOnStart && seedStore ? Path.of(reviewDir) : null);
    }

    /** A bare Neo4j with its store in {@code home}, no login: for tests and benchmarks. */
    public EmbeddedNeo4j(Path home, String host, int boltPort, int httpPort, boolean browser, long pageCache) {
        this(home, host, boltPort, httpPort, browser, pageCache, Limits.NONE, null);
    }

    /** Starts Neo4j with its store in {@code home}; port 0 picks a free port. */
    public EmbeddedNeo4j(
            Path home, String host, int boltPort, int httpPort, boolean browser, long pageCache, Limits limits) {
        this(home, host, boltPort, httpPort, browser, pageCache, limits, null);
    }

    /**
     * Starts Neo4j with its store in {@code home}; port 0 picks a free port. With a {@code
     * seedReviewDir}, an empty {@code home} first gets the store made at build time with the
     * bundled documents ({@link SeedStore}), their version files going to that review directory.
     */
    public EmbeddedNeo4j(
            Path home,
            String host,
            int boltPort,
            int httpPort,
            boolean browser,
            long pageCache,
            Limits limits,
            Path seedReviewDir) {
        this.home = home.toAbsolutePath().normalize();
        if (!limits.auth() && !isLoopback(host)) {
            throw new StartupException("Bolt and Neo4j Browser would listen on " + host
                    + " without authentication: anyone who reaches that address could write to the graph."
                    + " Remove PARLEY_NEO4J_AUTH=false, or set PARLEY_LISTEN_ADDRESS to 127.0.0.1");
        }
        this.host = host;
        ensureWritable(this.home);
        String password = limits.auth() ? password(this.home, limits.password()) : null;
        ensureFree(host, boltPort, "Bolt", "PARLEY_BOLT_PORT");
        if (browser) {
            ensureFree(host, httpPort, "HTTP (Neo4j Browser)", "PARLEY_HTTP_PORT");
        }
        long started = System.nanoTime();
        if (seedReviewDir != null) {
            try {
                SeedStore.unpackIfFresh(
                        this.home, seedReviewDir.toAbsolutePath().normalize());
            } catch (UncheckedIOException e) {
                throw new StartupException(
                        e.getMessage() + "; set PARLEY_KB_SEED_STORE=false to load the bundled" + " documents instead",
                        e);
            }
        }
        Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(this.home.resolve("run"))
                .withConfig(GraphDatabaseSettings.neo4j_home, this.home)
                .withConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .withConfig(GraphDatabaseSettings.udc_enabled, false)
                // Browser may open guides from the service, reached as localhost or 127.0.0.1.
                .withConfig(
                        ServerSettings.browser_remote_content_hostname_whitelist,
                        "guides.neo4j.com,localhost,127.0.0.1")
                .withConfig(BoltConnector.listen_address, new SocketAddress(host, boltPort))
                .withConfig(HttpConnector.listen_address, new SocketAddress(host, httpPort))
                .withConfig(GraphDatabaseSettings.auth_enabled, limits.auth());
        builder = EmbeddedSettings.apply(builder, host, boltPort, httpPort);
        if (limits.transactionMemory() > 0) {
            builder = builder.withConfig(GraphDatabaseSettings.memory_transaction_max_size, limits.transactionMemory());
        }
        if (limits.totalTransactionMemory() > 0) {
            builder = builder.withConfig(
                    GraphDatabaseSettings.memory_transaction_global_max_size, limits.totalTransactionMemory());
        }
        if (!browser) {
            builder = builder.withDisabledServer();
        }
        try {
            this.neo4j = builder.build();
        } catch (RuntimeException e) {
            throw new StartupException("Embedded Neo4j in " + this.home + " did not start: " + rootMessage(e), e);
        }
        if (password != null) {
            if (!passwordIsSet(password)) {
                setPassword(password);
                this.passwordSet = true;
            }
            this.authToken = AuthTokens.basic(USER, password);
        } else {
            this.authToken = AuthTokens.none();
        }
        LOG.info(
                "Embedded Neo4j started in {} ms: Bolt {}, Browser {}, login {}, data in {}",
                (System.nanoTime() - started) / 1_000_000,
                uri(),
                browser ? neo4j.httpURI() + "browser/" : "off",
                password == null
                        ? "none"
                        : "user " + USER + " with "
                                + (limits.password().isEmpty()
                                        ? "the password in " + this.home.resolve(PASSWORD_FILE)
                                        : "the password of PARLEY_NEO4J_PASSWORD"),
                this.home);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The configured password, or the one kept in the data directory, generated (and kept, readable
     * only by the owner) at the first start.
     */
    private static String password(Path home, String configured) {
        if (!configured.isEmpty()) {
            if (configured.length() < MIN_PASSWORD_LENGTH) {
                throw new StartupException("PARLEY_NEO4J_PASSWORD is " + configured.length()
                        + " characters long; Neo4j needs at least " + MIN_PASSWORD_LENGTH);
            }
            return configured;
        }
        Path file = home.resolve(PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file).strip();
                if (kept.length() < MIN_PASSWORD_LENGTH) {
                    throw new StartupException(file + " holds no password of at least " + MIN_PASSWORD_LENGTH
                            + " characters; delete it to have one generated, or set PARLEY_NEO4J_PASSWORD");
                }
                ownerOnly(file);
                return kept;
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, generated + "\n");
            LOG.info("Generated the embedded Neo4j's password (user {}); it is in {}", USER, file);
            return generated;
        } catch (IOException e) {
            throw new StartupException("Cannot read or write the embedded Neo4j's password file " + file + " ("
                    + e.getMessage() + "); set PARLEY_NEO4J_PASSWORD instead");
        }
    }

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private static void ownerOnly(Path file) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                LOG.warn("{} could be read by others; making it readable by its owner only", file);
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its own access rules apply.
        }
    }

    /**
     * Whether the user already has this password and need not change it, read from the system
     * database in this process (a restart then runs no administration command). Any doubt (a
     * stored form this code does not know) says no, and the password is set.
     */
    private boolean passwordIsSet(String password) {
        try (Transaction tx = neo4j.databaseManagementService()
                .database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                .beginTx()) {
            Node user = tx.findNode(Label.label("User"), "name", USER);
            if (user == null
                    || !Boolean.FALSE.equals(user.getProperty("passwordChangeRequired", null))
                    || !(user.getProperty("credentials", null) instanceof String stored)) {
                return false;
            }
            return SystemGraphCredential.deserialize(stored, new SecureHasher())
                    .matchesPassword(password.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException | FormatException | LinkageError e) {
            LOG.debug("Cannot compare the stored password; setting it", e);
            return false;
        }
    }

    /**
     * Writes the user's credential (Neo4j's own salted hash of the password) to the system graph
     * through the in-process API, as {@code ALTER USER … SET PASSWORD … CHANGE NOT REQUIRED} does,
     * before anyone has logged in: no administration command is planned, which on a cold JVM costs
     * seconds. Returns false where the system graph is not as expected; the caller then runs the
     * command.
     */
    private boolean storePassword(String password) {
        try (Transaction tx = neo4j.databaseManagementService()
                .database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                .beginTx()) {
            Node user = tx.findNode(Label.label("User"), "name", USER);
            if (user == null || !(user.getProperty("credentials", null) instanceof String)) {
                return false;
            }
            user.setProperty(
                    "credentials",
                    SystemGraphCredential.createCredentialForPassword(
                                    password.getBytes(StandardCharsets.UTF_8), new SecureHasher())
                            .serialize());
            user.setProperty("passwordChangeRequired", false);
            tx.commit();
            return true;
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Cannot write the credential in-process; setting the password by command", e);
            return false;
        }
    }

    /**
     * Sets the user's password through the in-process API, which needs no login. Neo4j refuses to
     * set the password it already has; that refusal means it is already right.
     */
    private void setPassword(String password) {
        if (storePassword(password) && passwordIsSet(password)) {
            return;
        }
        try {
            neo4j.databaseManagementService()
                    .database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                            Map.of("password", password));
        } catch (RuntimeException e) {
            if (!String.valueOf(rootMessage(e)).contains("cannot be the same")) {
                neo4j.close();
                throw new StartupException("Cannot set the embedded Neo4j's password: " + rootMessage(e), e);
            }
        }
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

    /**
     * The default database, in this process: what a start reads through it (the schema's names,
     * the bundled documents' hashes) needs no Bolt connection and no Cypher planning.
     */
    public GraphDatabaseService database() {
        return neo4j.defaultDatabaseService();
    }

    /** Whether this start set the user's password (a first start, or another password configured). */
    boolean passwordSet() {
        return passwordSet;
    }

    /** The HTTP address serving Neo4j Browser under {@code /browser/}. */
    public URI httpUri() {
        return neo4j.httpURI();
    }

    @Override
    public AuthToken authToken() {
        return authToken;
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
