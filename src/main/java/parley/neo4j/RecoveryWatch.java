package parley.neo4j;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when Neo4j goes away and comes back, without a restart of the service: the driver
 * reconnects by itself on the next query; this watch logs the outage once and, when the database
 * answers again, re-applies the schema (idempotent), so a database that came back empty — restored,
 * replaced — again has its constraints before anything is written to it.
 */
@Singleton
final class RecoveryWatch {

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryWatch.class);

    private final Graph graph;
    private final SchemaInitializer schema;
    private final AtomicBoolean down = new AtomicBoolean(false);

    RecoveryWatch(Graph graph, SchemaInitializer schema) {
        this.graph = graph;
        this.schema = schema;
    }

    @Scheduled(fixedDelay = "${neo4j.watch-interval:2s}", initialDelay = "${neo4j.watch-interval:2s}")
    void check() {
        try {
            graph.read("RETURN 1 AS ok", Map.of());
        } catch (Neo4jException | IllegalStateException e) {
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

    /** Whether the last check found the database unavailable. */
    boolean isDown() {
        return down.get();
    }
}
