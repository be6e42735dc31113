package parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiTest implements SharedNeo4j {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void theDocumentDescribesEveryEndpointWithResolvableSchemas() {
        String json = client.toBlocking().retrieve("/openapi.json");
        Map<String, Object> doc = client.toBlocking()
                .retrieve(HttpRequest.GET("/openapi.json"), Argument.mapOf(String.class, Object.class));
        assertEquals("3.1.0", doc.get("openapi"));
        Map<?, ?> paths = (Map<?, ?>) doc.get("paths");
        for (String path : List.of(
                "/api/actors/{id}/met",
                "/api/meetings",
                "/api/timeline",
                "/api/topics/{id}/positions",
                "/api/claims",
                "/api/paths",
                "/api/search",
                "/api/queries/{name}",
                "/api/cypher",
                "/api/documents",
                "/health")) {
            assertTrue(paths.containsKey(path), path);
        }
        Map<?, ?> schemas = (Map<?, ?>) ((Map<?, ?>) doc.get("components")).get("schemas");
        List<String> dangling = new ArrayList<>();
        Matcher refs = Pattern.compile("#/components/schemas/([A-Za-z]+)").matcher(json);
        while (refs.find()) {
            if (!schemas.containsKey(refs.group(1))) {
                dangling.add(refs.group(1));
            }
        }
        assertEquals(List.of(), dangling);
        Map<?, ?> met = (Map<?, ?>) ((Map<?, ?>) paths.get("/api/actors/{id}/met")).get("get");
        assertTrue(met.get("summary").toString().startsWith("Whom the person met"));
        Map<?, ?> metSchema = (Map<?, ?>) ((Map<?, ?>) schemas.get("ActorsMet")).get("properties");
        assertTrue(metSchema
                .keySet()
                .containsAll(List.of(
                        "other", "meeting", "side", "otherSide", "place", "date", "status", "summary", "evidence")));
    }

    @Test
    void swaggerUiIsServedWithItsScripts() {
        String page = client.toBlocking().retrieve("/swagger-ui");
        assertTrue(page.contains("url: '/openapi.json'"));
        String bundle = client.toBlocking().retrieve("/webjars/swagger-ui/swagger-ui-bundle.js");
        assertTrue(bundle.length() > 100_000, "the Swagger UI bundle is served");
    }
}
