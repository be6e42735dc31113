package parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;
import parley.errors.ApiError;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamedQueriesApiTest implements SharedNeo4j {

    /** A real value for every parameter any named query takes. */
    private static final Map<String, Object> SAMPLES = Map.ofEntries(
            Map.entry("id", "steve-witkoff"),
            Map.entry("q", "Witkoff"),
            Map.entry("query", "Witkoff"),
            Map.entry("limit", 5),
            Map.entry("offset", 0),
            Map.entry("depth", 1),
            Map.entry("maxPaths", 100),
            Map.entry("from", "2025-11-01"),
            Map.entry("to", "2025-12-31"),
            Map.entry("maxHops", 3));

    @Inject
    @Client("/")
    HttpClient client;

    private List<Map<String, Object>> listed() {
        return client.toBlocking()
                .retrieve(HttpRequest.GET("/api/queries"), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    @Test
    void everyQueryFileIsListedWithItsDescriptionAndParameters() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("cypher/queries"))) {
            files = s.map(p -> p.getFileName().toString().replace(".cypher", ""))
                    .sorted()
                    .toList();
        }
        List<Map<String, Object>> listed = listed();
        assertEquals(files, listed.stream().map(q -> q.get("name")).toList());
        for (Map<String, Object> q : listed) {
            assertFalse(q.get("description").toString().isBlank(), q.get("name") + " says what it answers");
        }
        Map<String, Object> met = listed.stream()
                .filter(q -> q.get("name").equals("actor-met"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("id", "status", "offset", "limit"), met.get("parameters"));
    }

    @Test
    void everyNamedQueryRunsWithRealParameters() {
        for (Map<String, Object> q : listed()) {
            Map<String, Object> params = new HashMap<>();
            for (Object p : (List<?>) q.get("parameters")) {
                if (!SAMPLES.containsKey(p.toString())) {
                    continue;
                }
                params.put(p.toString(), SAMPLES.get(p.toString()));
            }
            if (q.get("name").equals("paths")) {
                params.put("from", "kirill-dmitriev");
                params.put("to", "volodymyr-zelensky");
            }
            if (q.get("name").equals("topic-positions")) {
                params.put("id", "nato-membership");
            }
            if (q.get("name").equals("source")) {
                params.put("id", "article-000");
            }
            if (q.get("name").equals("meeting")) {
                params.put("id", "witkoff-putin-moscow-2025-12-02");
            }
            Map<String, Object> result = client.toBlocking()
                    .retrieve(
                            HttpRequest.POST("/api/queries/" + q.get("name"), params),
                            Argument.mapOf(String.class, Object.class));
            assertFalse(((List<?>) result.get("rows")).isEmpty(), q.get("name") + " returned no row for " + params);
        }
    }

    @Test
    void anUnknownQueryIs404AndAnUnknownParameter400() {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.POST("/api/queries/nope", Map.of()), String.class));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        HttpClientResponseException bad = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class, () -> client.toBlocking()
                        .retrieve(HttpRequest.POST("/api/queries/actor", Map.of("name", "x")), String.class));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
        assertTrue(bad.getResponse()
                .getBody(ApiError.class)
                .orElseThrow()
                .message()
                .contains("takes [id, limit]"));
    }
}
