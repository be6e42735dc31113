package parley.neo4j;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.EagerResult;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.summary.ResultSummary;
import parley.metrics.Metrics;

/**
 * Every query of the service goes through here: reads in read transactions (a cluster routes them
 * to readers), writes in write transactions, always against the configured database.
 */
@Singleton
public final class Graph {

    private static final long FIRST_RETRY_DELAY_MILLIS = 1000;

    private final Driver driver;
    private final String database;
    private final Duration maxRetryTime;
    private final SessionConfig readSession;
    private final Metrics metrics;
    private final AtomicInteger sessionsInUse = new AtomicInteger();

    Graph(
            Driver driver,
            Metrics metrics,
            @Value("${neo4j.database:neo4j}") String database,
            @Value("${neo4j.max-retry-time:2s}") Duration maxRetryTime,
            @Value("${neo4j.max-connection-pool-size:50}") int maxPoolSize) {
        this.driver = driver;
        this.metrics = metrics;
        metrics.poolGauges(sessionsInUse::get, maxPoolSize);
        this.database = database;
        this.maxRetryTime = maxRetryTime;
        this.readSession = SessionConfig.builder()
                .withDatabase(database)
                .withDefaultAccessMode(AccessMode.READ)
                .build();
    }

    /**
     * One read query, routed to a reader, its records fetched eagerly.
     *
     * <p>An auto-commit transaction: one round trip (RUN and PULL), where a managed transaction
     * ({@code executableQuery}, {@code executeRead}) adds a COMMIT round trip and, through the
     * driver's shared bookmark manager, bookmarks on every call, for ~1-2 ms per request. Reads
     * are retried on transient failures as the driver retries managed transactions: for {@code
     * neo4j.max-retry-time}, first after 1 s, then twice as long each time.
     */
    public EagerResult read(String cypher, Map<String, Object> parameters) {
        long started = System.nanoTime();
        long deadline = started + maxRetryTime.toNanos();
        for (long delay = FIRST_RETRY_DELAY_MILLIS; ; delay *= 2) {
            sessionsInUse.incrementAndGet();
            try (Session session = driver.session(readSession)) {
                Result result = session.run(cypher, parameters);
                List<Record> records = result.list();
                Eager eager = new Eager(result.keys(), records, result.consume());
                metrics.recordQuery(CypherScript.nameOf(cypher), System.nanoTime() - started);
                return eager;
            } catch (RuntimeException e) {
                if (!(e instanceof RetryableException) || System.nanoTime() + delay * 1_000_000 > deadline) {
                    throw e;
                }
                sleep(delay);
            } finally {
                sessionsInUse.decrementAndGet();
            }
        }
    }

    /** Several reads in one read transaction, retried by the driver on transient failures. */
    public <T> T readTransaction(TransactionCallback<T> work) {
        sessionsInUse.incrementAndGet();
        try (Session session = session()) {
            return session.executeRead(work);
        } finally {
            sessionsInUse.decrementAndGet();
        }
    }

    /** Several writes in one transaction: all of them commit, or none. */
    public <T> T writeTransaction(TransactionCallback<T> work) {
        sessionsInUse.incrementAndGet();
        try (Session session = session()) {
            return session.executeWrite(work);
        } finally {
            sessionsInUse.decrementAndGet();
        }
    }

    /**
     * Work in one explicit read-only transaction (access mode READ, so the server refuses any
     * write) with a server-side time limit; it is never committed, closing rolls it back. No
     * retries: a query that timed out once would time out again.
     */
    public <T> T readOnly(Duration timeout, Function<Transaction, T> work) {
        SessionConfig config = SessionConfig.builder()
                .withDatabase(database)
                .withDefaultAccessMode(AccessMode.READ)
                .build();
        sessionsInUse.incrementAndGet();
        try (Session session = driver.session(config);
                Transaction tx = session.beginTransaction(
                        TransactionConfig.builder().withTimeout(timeout).build())) {
            return work.apply(tx);
        } finally {
            sessionsInUse.decrementAndGet();
        }
    }

    /**
     * Work in one explicit read transaction without a time limit and without retries, for exports
     * that stream their records as they write them (a retry would write them twice). Closing rolls
     * it back; it never writes.
     */
    public <T> T readStreaming(Function<Transaction, T> work) {
        try (Session session = driver.session(readSession);
                Transaction tx = session.beginTransaction()) {
            return work.apply(tx);
        }
    }

    public String database() {
        return database;
    }

    private Session session() {
        return driver.session(SessionConfig.forDatabase(database));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a read", e);
        }
    }

    private record Eager(List<String> keys, List<Record> records, ResultSummary summary) implements EagerResult {}
}
