package parley.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.neo4j.driver.exceptions.Neo4jException;
import parley.kb.BundledDocuments;
import parley.neo4j.BoltEndpoint;
import parley.neo4j.Graph;
import parley.neo4j.RecoveryWatch;

/**
 * Health of the service: UP when a read query reaches Neo4j, 503 DOWN otherwise, and also 503
 * DOWN after an outage until the schema is re-applied, so a client that waits for UP finds the
 * constraints and indexes (full-text search) in place, and 503 DOWN while the start loads bundled
 * documents that the database lacks (a first start, or one that was interrupted), so a client that
 * waits for UP finds every bundled source.
 *
 * <p>Hand-written because micronaut-management has no Micronaut 5 release in the registry these
 * machines reach; what it would add here (a Neo4j indicator) is this one query.
 */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
final class HealthController {

    private final Graph graph;
    private final BoltEndpoint endpoint;
    private final RecoveryWatch watch;
    private final BundledDocuments bundled;

    HealthController(Graph graph, BoltEndpoint endpoint, RecoveryWatch watch, BundledDocuments bundled) {
        this.graph = graph;
        this.endpoint = endpoint;
        this.watch = watch;
        this.bundled = bundled;
    }

    @Operation(
            summary =
                    "UP while Neo4j answers a query, 503 DOWN otherwise, while the schema is re-applied after an outage and while the start loads missing bundled documents")
    @Get
    HttpResponse<Health> health() {
        long start = System.nanoTime();
        try {
            graph.read("RETURN 1 AS ok", Map.of());
        } catch (Neo4jException | IllegalStateException e) {
            return down(start, e.getMessage());
        }
        if (watch.recovering()) {
            return down(start, "Neo4j answers again; the schema is being re-applied");
        }
        String loading = bundled.notReady();
        if (loading != null) {
            return down(start, loading);
        }
        return HttpResponse.ok(new Health("UP", graph.database(), endpoint.uri().toString(), millisSince(start), null));
    }

    private HttpResponse<Health> down(long start, String error) {
        return HttpResponse.<Health>status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(new Health("DOWN", graph.database(), endpoint.uri().toString(), millisSince(start), error));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
