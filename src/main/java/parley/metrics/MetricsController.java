package parley.metrics;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;

/** {@code GET /metrics} in the Prometheus text format (version 0.0.4), for a Prometheus scrape. */
@Controller("/metrics")
final class MetricsController {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Metrics metrics;

    MetricsController(Metrics metrics) {
        this.metrics = metrics;
    }

    @Operation(summary = "Prometheus metrics: request latency, Neo4j query time, documents, extraction runs, JVM")
    @Get(produces = CONTENT_TYPE)
    HttpResponse<String> metrics() {
        return HttpResponse.ok(metrics.scrape()).contentType(CONTENT_TYPE);
    }
}
