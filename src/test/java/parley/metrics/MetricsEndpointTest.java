package parley.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;
import parley.kb.KbLoader;
import parley.kb.TestDocuments;
import parley.neo4j.Graph;

/** {@code /metrics} read the way Prometheus reads it: its text exposition format, parsed. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsEndpointTest implements SharedNeo4j {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Metrics metrics;

    @Inject
    KbLoader loader;

    @Inject
    Graph graph;

    @Test
    void requestsAreTimedPerRouteTemplateAndStatus() throws IOException {
        String met = client.toBlocking().retrieve("/api/actors/kirill-dmitriev/met");
        assertTrue(met.contains("steve-witkoff"), "Dmitriev met Witkoff");
        assertThrows(
                HttpClientResponseException.class, () -> client.toBlocking().retrieve("/api/actors/nobody-at-all/met"));

        Map<String, MetricFamily> families = scrape();
        MetricFamily requests = families.get("parley_http_server_requests_seconds");
        assertNotNull(requests, "request histogram present");
        assertEquals(MetricType.HISTOGRAM, requests.getType());
        Histogram ok = (Histogram) one(requests, Map.of("route", "/api/actors/{id}/met", "status", "200"));
        assertTrue(ok.getSampleCount() >= 1, "the 200 was counted");
        assertFalse(ok.getBuckets().isEmpty(), "with buckets");
        assertTrue(ok.getSampleSum() > 0, "and a duration");
        Histogram notFound = (Histogram) one(requests, Map.of("route", "/api/actors/{id}/met", "status", "404"));
        assertTrue(notFound.getSampleCount() >= 1, "the 404 was counted under the same route");
        assertTrue(
                requests.getMetrics().stream()
                        .noneMatch(m -> m.getLabels().get("route").contains("kirill")),
                "no raw path (with its id) as a label");
    }

    @Test
    void neo4jQueriesAreTimedByTheirFileName() throws IOException {
        client.toBlocking().retrieve("/api/meetings/witkoff-putin-moscow-2025-12-02");
        Histogram meeting =
                (Histogram) one(scrape().get("parley_neo4j_query_seconds"), Map.of("query", "queries/meeting"));
        assertTrue(meeting.getSampleCount() >= 1);
    }

    @Test
    void documentLoadsAndExtractionRunsAreCounted() throws IOException {
        String source = "test-metrics";
        try {
            loader.load(TestDocuments.over("article-004", source).bytes());
        } finally {
            graph.writeTransaction(tx -> tx.run("MATCH (s:Source {id: $id}) DETACH DELETE s", Map.of("id", source))
                    .consume());
        }
        metrics.recordExtraction("ok", Duration.ofMillis(1500));

        Map<String, MetricFamily> families = scrape();
        Counter loaded = (Counter) one(families.get("parley_documents_loaded_total"), Map.of("outcome", "new"));
        assertTrue(loaded.getValue() >= 1, "the document load was counted");
        Histogram extraction = (Histogram) one(families.get("parley_extraction_runs_seconds"), Map.of("outcome", "ok"));
        assertEquals(1, extraction.getSampleCount());
        assertEquals(1.5, extraction.getSampleSum(), 1e-9);
    }

    @Test
    void jvmAndPoolGaugesAreThere() throws IOException {
        Map<String, MetricFamily> families = scrape();
        double heap = families.get("jvm_memory_used_bytes").getMetrics().stream()
                .filter(m -> "heap".equals(m.getLabels().get("area")))
                .mapToDouble(m -> ((Gauge) m).getValue())
                .sum();
        assertTrue(heap > 0, "heap in use, summed over the heap's pools");
        assertEquals(
                MetricType.GAUGE, families.get("parley_neo4j_sessions_in_use").getType());
        Gauge max = (Gauge)
                families.get("parley_neo4j_pool_max_connections").getMetrics().getFirst();
        assertEquals(50, max.getValue());
        assertTrue(families.containsKey("jvm_threads_live_threads"));
    }

    @Test
    void theContentTypeIsPrometheusText() {
        HttpResponse<String> response = client.toBlocking().exchange("/metrics", String.class);
        assertEquals(
                "text/plain; version=0.0.4; charset=utf-8",
                response.getHeaders().get("Content-Type"));
    }

    private Map<String, MetricFamily> scrape() throws IOException {
        String text = client.toBlocking().retrieve("/metrics");
        TextPrometheusMetricDataParser parser =
                new TextPrometheusMetricDataParser(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        Map<String, MetricFamily> families = new HashMap<>();
        for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
            families.put(family.getName(), family);
        }
        return families;
    }

    /** The one metric of a family whose labels include {@code labels}. */
    private static Metric one(MetricFamily family, Map<String, String> labels) {
        assertNotNull(family, "metric family present");
        List<Metric> found = family.getMetrics().stream()
                .filter(m -> m.getLabels().entrySet().containsAll(labels.entrySet()))
                .toList();
        assertEquals(1, found.size(), family.getName() + " " + labels + " in " + family.getMetrics());
        return found.getFirst();
    }
}
