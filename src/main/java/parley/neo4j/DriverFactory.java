package parley.neo4j;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.StartupException;

/**
 * The one driver of the service. A server named by {@code NEO4J_URI} is reached at start, so a wrong
 * address or login fails loudly and early; the embedded Neo4j is connected to beside the rest of the
 * start.
 */
@Factory
final class DriverFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DriverFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    Driver driver(
            BoltEndpoint endpoint,
            @Value("${neo4j.connection-timeout:10s}") Duration connectionTimeout,
            @Value("${neo4j.max-connection-pool-size:50}") int poolSize,
            @Value("${neo4j.max-retry-time:2s}") Duration maxRetryTime) {
        Config config = Config.builder()
                .withConnectionTimeout(connectionTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .withConnectionAcquisitionTimeout(connectionTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .withMaxConnectionPoolSize(poolSize)
                // Reads and writes are retried on transient failures for this long, then the
                // outage is answered (503) instead of being hidden behind a 30 s wait.
                .withMaxTransactionRetryTime(maxRetryTime.toMillis(), TimeUnit.MILLISECONDS)
                .withLogging(Logging.slf4j())
                .build();
        Driver driver = GraphDatabase.driver(endpoint.uri(), endpoint.authToken(), config);
        if (endpoint instanceof EmbeddedNeo4j) {
            // Neo4j runs in this process and has just bound that address with that login: nothing
            // to find out early. The first connection is opened beside the rest of the start, so the
            // first query (readiness) finds it made.
            Thread.ofPlatform().daemon().name("parley-bolt-connect").start(() -> {
                try {
                    driver.verifyConnectivity();
                    LOG.info("Connected to {}", endpoint.describe());
                } catch (RuntimeException e) {
                    LOG.warn("Cannot connect to {} yet: {}", endpoint.describe(), e.getMessage());
                }
            });
            return driver;
        }
        try {
            driver.verifyConnectivity();
        } catch (RuntimeException e) {
            driver.close();
            throw new StartupException(
                    "Cannot connect to " + endpoint.describe() + ": " + e.getMessage()
                            + " (check NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD)",
                    e);
        }
        LOG.info("Connected to {}", endpoint.describe());
        return driver;
    }
}
