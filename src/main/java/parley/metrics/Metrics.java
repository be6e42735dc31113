package parley.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * What the service records about its own work. Feature code calls these methods; the meters and
 * their names live here, so {@code /metrics} has one consistent vocabulary.
 *
 * <ul>
 *   <li>{@code parley_neo4j_query_seconds{query}}: time of each query, by the name of its file
 *       under {@code cypher/} ({@code queries/actor-met}), or {@code inline};
 *   <li>{@code parley_documents_loaded_total{outcome}} and {@code parley_document_load_seconds}:
 *       source documents loaded (bundled or posted) and their load time;
 *   <li>{@code parley_extraction_runs_seconds{outcome}}: extraction runs and their time (a timer's
 *       {@code _count} is the number of runs).
 * </ul>
 */
@Singleton
public final class Metrics {

    private static final Duration[] SLOS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30)
    };

    private final PrometheusMeterRegistry registry;

    Metrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters of their own, seen by no {@code /metrics}: for a second graph a tool or test opens. */
    public static Metrics unexposed() {
        return new Metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * Gauges of the driver's pool as the service sees it: sessions open now (each holds a pooled
     * connection while it runs) against {@code neo4j.max-connection-pool-size}. Driver 6 has no
     * pool metrics API of its own (its observation API replaced the 5.x one).
     */
    public void poolGauges(IntSupplier sessionsInUse, int maxPoolSize) {
        Gauge.builder("parley_neo4j_sessions_in_use", sessionsInUse, s -> s.getAsInt())
                .description("Neo4j sessions open now, each holding a connection of the driver's pool")
                .register(registry);
        Gauge.builder("parley_neo4j_pool_max_connections", () -> maxPoolSize)
                .description("Size limit of the driver's connection pool (neo4j.max-connection-pool-size)")
                .register(registry);
    }

    /** One Neo4j query took {@code nanos}; {@code query} names its Cypher file, or {@code inline}. */
    public void recordQuery(String query, long nanos) {
        histogram("parley_neo4j_query", "Neo4j query time by named query")
                .tag("query", query)
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    /** One source document was loaded ({@code outcome} {@code new} or {@code replaced}). */
    public void recordDocumentLoad(String outcome, long nanos) {
        Counter.builder("parley_documents_loaded")
                .description("Source documents loaded, bundled or posted")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        histogram("parley_document_load", "Time to validate and load one source document")
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    /**
     * One extraction run (an article turned into proposed items) took {@code time}; {@code outcome}
     * is a short fixed word such as {@code ok} or {@code failed}, never input text.
     */
    public void recordExtraction(String outcome, Duration time) {
        histogram("parley_extraction_runs", "Extraction runs and their time")
                .tag("outcome", outcome)
                .register(registry)
                .record(time);
    }

    /** One HTTP request, by method, route template (never the raw path) and status. */
    void recordRequest(String method, String route, int status, long nanos) {
        histogram("parley_http_server_requests", "HTTP request latency by route and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    private static Timer.Builder histogram(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(SLOS);
    }
}
