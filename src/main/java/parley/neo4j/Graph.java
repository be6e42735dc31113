package parley.neo4j;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.EagerResult;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;

/**
 * Every query of the service goes through here: reads in read transactions (a cluster routes them
 * to readers), writes in write transactions, always against the configured database.
 */
@Singleton
public final class Graph {

    private final Driver driver;
    private final String database;
    private final QueryConfig readConfig;

    Graph(Driver driver, @Value("${neo4j.database:neo4j}") String database) {
        this.driver = driver;
        this.database = database;
        this.readConfig = QueryConfig.builder()
                .withDatabase(database)
                .withRouting(RoutingControl.READ)
                .build();
    }

    /** One read query, routed to a reader, its records fetched eagerly. */
    public EagerResult read(String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher)
                .withParameters(parameters)
                .withConfig(readConfig)
                .execute();
    }

    /** Several reads in one read transaction, retried by the driver on transient failures. */
    public <T> T readTransaction(TransactionCallback<T> work) {
        try (Session session = session()) {
            return session.executeRead(work);
        }
    }

    /** Several writes in one transaction: all of them commit, or none. */
    public <T> T writeTransaction(TransactionCallback<T> work) {
        try (Session session = session()) {
            return session.executeWrite(work);
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
        try (Session session = driver.session(config);
                Transaction tx = session.beginTransaction(
                        TransactionConfig.builder().withTimeout(timeout).build())) {
            return work.apply(tx);
        }
    }

    public String database() {
        return database;
    }

    private Session session() {
        return driver.session(SessionConfig.forDatabase(database));
    }
}
