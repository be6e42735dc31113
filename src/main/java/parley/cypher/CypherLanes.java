package parley.cypher;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.neo4j.BoltEndpoint;

/**
 * The connection budget of client Cypher ({@code POST /api/cypher}, {@code /api/queries/{name}}),
 * kept apart from the service's own driver so that client queries can never take the connections
 * the read endpoints need.
 *
 * <p>There are {@code parley.cypher.max-concurrent} lanes, each a driver of its own with one
 * connection. A query waits at most {@code parley.cypher.queue-wait} for a free lane, then is
 * answered {@code 503 cypher_busy}. It runs on its lane under two deadlines: the server's
 * transaction timeout, and the service's own, {@code parley.cypher.deadline}, for a server that
 * cannot answer (a stack overflow it cannot report, a value it is still sending): past it the
 * client is answered {@code 408}, and the lane's driver is closed, which cuts its connection and
 * drops whatever it had received, and is replaced. A lane comes back to the pool only when the
 * work on it has ended (a cut one a deadline later), so however the queries behave, at most that
 * many connections and threads serve them.
 */
@Singleton
final class CypherLanes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CypherLanes.class);

    private final BoltEndpoint endpoint;
    private final String database;
    private final Duration connectionTimeout;
    private final Duration queueWait;
    private final Duration deadline;
    private final int size;
    private final BlockingQueue<Lane> free;
    private final ExecutorService workers;

    CypherLanes(
            BoltEndpoint endpoint,
            @Value("${neo4j.database:neo4j}") String database,
            @Value("${neo4j.connection-timeout:10s}") Duration connectionTimeout,
            @Value("${parley.cypher.max-concurrent:4}") int size,
            @Value("${parley.cypher.queue-wait:2s}") Duration queueWait,
            @Value("${parley.cypher.deadline:8s}") Duration deadline) {
        if (size < 1) {
            throw new IllegalArgumentException("parley.cypher.max-concurrent must be at least 1, was " + size);
        }
        this.endpoint = endpoint;
        this.database = database;
        this.connectionTimeout = connectionTimeout;
        this.size = size;
        this.queueWait = queueWait;
        this.deadline = deadline;
        this.free = new ArrayBlockingQueue<>(size);
        // One platform thread per lane: a lane's work runs only while it holds the lane, so there
        // are never more tasks than threads, and the OS schedules them like the request threads.
        this.workers = Executors.newFixedThreadPool(
                size, Thread.ofPlatform().name("cypher-lane-", 0).daemon().factory());
        for (int i = 0; i < size; i++) {
            free.add(new Lane());
        }
    }

    Duration deadline() {
        return deadline;
    }

    /**
     * Runs {@code work} in a read-only transaction with the server-side {@code timeout}, on a free
     * lane, and answers within the deadline. The transaction is never committed.
     */
    <T> T run(Duration timeout, Function<Transaction, T> work) {
        Lane lane = take();
        long run = lane.start();
        Future<T> result;
        try {
            result = workers.submit(() -> {
                try {
                    return lane.run(timeout, work);
                } finally {
                    lane.release();
                }
            });
        } catch (RuntimeException e) {
            lane.release();
            throw e;
        }
        try {
            return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lane.abandon(run);
            throw new CypherRefusedException(
                    HttpStatus.REQUEST_TIMEOUT,
                    "query_timeout",
                    "the database gave no answer within " + deadline.toMillis()
                            + " ms (parley.cypher.deadline); the query was abandoned and its connection closed");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("client query failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lane.abandon(run);
            throw new IllegalStateException("interrupted while waiting for a client query", e);
        }
    }

    private Lane take() {
        try {
            Lane lane = free.poll(queueWait.toMillis(), TimeUnit.MILLISECONDS);
            if (lane == null) {
                throw new CypherRefusedException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "cypher_busy",
                        "all " + size + " connections for client queries are busy (parley.cypher.max-concurrent);"
                                + " none came free within " + queueWait.toMillis()
                                + " ms (parley.cypher.queue-wait); try again shortly");
            }
            return lane;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a connection for a client query", e);
        }
    }

    /** Lanes free right now; for tests and diagnostics. */
    int available() {
        return free.size();
    }

    @Override
    @PreDestroy
    public void close() {
        workers.shutdownNow();
        Lane lane;
        while ((lane = free.poll()) != null) {
            lane.closeDriver();
        }
    }

    /** One connection's worth of client queries: a driver with a pool of one. */
    private final class Lane {

        private Driver driver;
        private long run;
        private boolean busy;
        private boolean abandoned;

        synchronized long start() {
            busy = true;
            return ++run;
        }

        synchronized Driver driver() {
            if (driver == null) {
                Config config = Config.builder()
                        .withMaxConnectionPoolSize(1)
                        .withEventLoopThreads(1)
                        .withConnectionTimeout(connectionTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .withConnectionAcquisitionTimeout(connectionTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        // Records are pulled 100 at a time, so stopping at a cap leaves little unread.
                        .withFetchSize(100)
                        .withLogging(Logging.slf4j())
                        .build();
                driver = GraphDatabase.driver(endpoint.uri(), endpoint.authToken(), config);
            }
            return driver;
        }

        <T> T run(Duration timeout, Function<Transaction, T> work) {
            SessionConfig config = SessionConfig.builder()
                    .withDatabase(database)
                    .withDefaultAccessMode(AccessMode.READ)
                    .build();
            try (Session session = driver().session(config);
                    Transaction tx = session.beginTransaction(
                            TransactionConfig.builder().withTimeout(timeout).build())) {
                return work.apply(tx);
            }
        }

        /** The client was answered without waiting for this work: cut its connection, if still on it. */
        synchronized void abandon(long which) {
            if (busy && run == which) {
                abandoned = true;
                closeDriver();
            }
        }

        /**
         * The work on this lane has ended: back to the pool, with a new driver if it was cut. A cut
         * lane rests for one more deadline first: Neo4j may still be working on the abandoned query
         * (a full-text search does not stop for a closed connection), and the rest keeps such
         * leftovers to one per lane at a time.
         */
        void release() {
            boolean rest;
            synchronized (this) {
                busy = false;
                rest = abandoned;
                if (abandoned) {
                    abandoned = false;
                    closeDriver();
                }
            }
            if (rest) {
                Thread.ofVirtual().name("cypher-lane-rest").start(() -> {
                    try {
                        Thread.sleep(deadline.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    free.add(this);
                });
            } else {
                free.add(this);
            }
        }

        synchronized void closeDriver() {
            if (driver != null) {
                Driver closing = driver;
                driver = null;
                LOG.info("Closing a client-query connection ({})", endpoint.describe());
                closing.closeAsync();
            }
        }
    }
}
