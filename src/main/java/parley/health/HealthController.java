package parley.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.exceptions.Neo4jException;
import parley.neo4j.BoltEndpoint;
import parley.neo4j.Graph;
import parley.neo4j.RecoveryWatch;

/**
 * Health of the service: UP when a read query reaches Neo4j, 503 DOWN otherwise, and also 503
 * DOWN after an outage until the schema is re-applied, so a client that waits for UP finds the
 * constraints and indexes (full-text search) in place, and while {@link Readiness} has anything
 * pending (the start loading bundled documents that the database lacks or holds in another
 * version, so a client that waits for UP finds every bundled source). {@code /health} and {@code /health/ready} are this readiness; {@code /health/live}
 * only says the process answers (a restart would not help a database outage).
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
    private final Readiness readiness;

    HealthController(Graph graph, BoltEndpoint endpoint, RecoveryWatch watch, Readiness readiness) {
        this.graph = graph;
        this.endpoint = endpoint;
        this.watch = watch;
        this.readiness = readiness;
    }

    @Operation(summary = "Liveness: UP while the process answers HTTP, whatever the state of Neo4j")
    @Get("/live")
    HttpResponse<Health> live() {
        return HttpResponse.ok(new Health("UP", graph.database(), endpoint.uri().toString(), 0, null));
    }

    @Operation(summary = "Readiness: the same answer as /health")
    @Get("/ready")
    HttpResponse<Health> ready() {
        return health();
    }

    @Operation(
            summary =
                    "UP while Neo4j answers a query, 503 DOWN otherwise, while the schema is re-applied after an outage and while the start loads missing bundled documents")
    @ApiResponse(
            responseCode = "503",
            description =
                    "DOWN: Neo4j does not answer, the schema is being re-applied after an outage, or the bundled documents are being loaded",
            useReturnTypeSchema = true)
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
        Optional<String> pending = readiness.notReadyBecause();
        if (pending.isPresent()) {
            return down(start, pending.get());
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
