package parley.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code docs/openapi.json} is exactly what the service serves. The build generates the test
 * client from that file (before any test runs), so this keeps the client true to the service. After
 * changing an endpoint or a record, refresh the file with
 * {@code ./mvnw -B verify -Popenapi-update} and commit it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiSnapshotTest implements SharedNeo4j {

    static final Path SNAPSHOT = Path.of("docs/openapi.json");
    private static final JsonMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void theCommittedDocumentIsWhatTheServiceServes() throws Exception {
        String served = client.toBlocking().retrieve("/openapi.json");
        String canonical = SORTED.writeValueAsString(SORTED.readValue(served, Map.class)) + "\n";
        if (Boolean.getBoolean("parley.openapi.update")) {
            Files.writeString(SNAPSHOT, canonical);
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi-served.json"), canonical);
        JsonNode committed = SORTED.readTree(Files.readString(SNAPSHOT));
        assertEquals(
                committed,
                SORTED.readTree(served),
                "docs/openapi.json differs from the served document (target/openapi-served.json); refresh it with"
                        + " ./mvnw -B verify -Popenapi-update");
    }
}
