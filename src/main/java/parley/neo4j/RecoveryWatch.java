package parley.neo4j;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when Neo4j goes away and comes back, without a restart of the service: the driver
 * reconnects by itself on the next query; this watch logs the outage once and, when the database
 * answers again, re-applies the schema (idempotent), so a database that came back empty — restored,
 * replaced — again has its constraints before anything is written to it.
 *
 * <p>It has its own timer, stopped when the service shuts down. A Micronaut {@code @Scheduled}
 * method fired once more during shutdown, after the beans were destroyed, and asked the context
 * for this bean again: that created a new driver and started a second embedded Neo4j on the way
 * out.
 */
@Context
public final class RecoveryWatch {

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryWatch.class);

    private final Graph graph;
    private final SchemaInitializer schema;
    private final AtomicBoolean down = new AtomicBoolean(false);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("parley-recovery-watch").daemon().factory());

    RecoveryWatch(Graph graph, SchemaInitializer schema, @Value("${neo4j.watch-interval:2s}") Duration interval) {
        this.graph = graph;
        this.schema = schema;
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::checkSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** An exception escaping a scheduled task would cancel every later check. */
    private void checkSafely() {
        if (timer.isShutdown()) {
            return; // the service is stopping: a check interrupted now is no outage
        }
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("Neo4j check failed: {}", e.toString());
        }
    }

    void check() {
        try {
            graph.read("RETURN 1 AS ok", Map.of());
        } catch (Neo4jException | IllegalStateException e) {
            if (timer.isShutdown()) {
                return;
            }
            if (down.compareAndSet(false, true)) {
                LOG.warn("Neo4j is unavailable: {}; answering 503 until it is back", e.getMessage());
            }
            return;
        }
        if (down.get()) {
            try {
                schema.apply();
                down.set(false);
                LOG.info("Neo4j is available again; schema re-applied");
            } catch (Neo4jException | IllegalStateException e) {
                LOG.warn("Neo4j answers again but the schema could not be applied yet: {}", e.getMessage());
            }
        }
    }

    /**
     * Whether the watch saw Neo4j go away and has not yet re-applied the schema: until then
     * {@code /health} is not UP, even if the database answers again.
     */
    public boolean recovering() {
        return down.get();
    }
}
