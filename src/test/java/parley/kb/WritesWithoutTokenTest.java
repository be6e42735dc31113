package parley.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import parley.TestNeo4j;
import parley.errors.ApiError;

/** With no PARLEY_API_TOKEN configured, writes are refused, not open. */
class WritesWithoutTokenTest {

    @Test
    void everyWriteIsRefusedEvenWithSomeBearerToken() {
        Map<String, Object> properties = Map.of(
                "micronaut.server.port",
                -1,
                "neo4j.uri",
                TestNeo4j.boltUri().toString(),
                "parley.api.token",
                "",
                "parley.kb.load-on-start",
                false);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
                HttpClient client = HttpClient.create(server.getURL())) {
            for (String path : new String[] {"/api/documents", "/api/documents/reload"}) {
                HttpClientResponseException e =
                        assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                                .exchange(HttpRequest.POST(path, BundledDocuments.read("kb/sources/article-000.json"))
                                        .bearerAuth("anything")));
                assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus(), path);
                ApiError error = e.getResponse().getBody(ApiError.class).orElseThrow();
                assertTrue(error.message().contains("no PARLEY_API_TOKEN is configured"), error.message());
            }
        }
    }
}
