package parley.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;
import parley.neo4j.Graph;

/** The example the README shows is a document the validator accepts, and the README shows it whole. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleDocumentTest implements SharedNeo4j {

    private static final Path EXAMPLE = Path.of("docs/example-document.json");

    @Inject
    DocumentParser parser;

    @Inject
    DocumentValidator validator;

    @Inject
    Graph graph;

    @Test
    void theReadmeExampleIsAValidDocument() throws IOException {
        KbDocument doc = parser.parse(Files.readAllBytes(EXAMPLE));
        Map<String, String> labels = graph.readTransaction(tx -> validator.validate(doc, tx));
        assertEquals("Meeting", labels.get("witkoff-putin-moscow-2025-12-02"));
        assertEquals(3, doc.relationships().size());
    }

    @Test
    void theReadmeShowsTheExampleAsItIs() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(Files.readString(EXAMPLE).strip()), "README.md embeds docs/example-document.json");
    }
}
