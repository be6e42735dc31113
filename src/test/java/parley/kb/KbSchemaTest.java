package parley.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The published JSON Schema and the validator's table describe the same contract. */
class KbSchemaTest {

    private static final JsonNode SCHEMA =
            TestDocuments.JSON.readTree(BundledDocuments.read(DocumentParser.SCHEMA_RESOURCE));

    private static Set<String> enumAt(String... path) {
        JsonNode node = SCHEMA;
        for (String step : path) {
            node = node.get(step);
        }
        Set<String> values = new TreeSet<>();
        node.forEach(v -> values.add(v.asString()));
        return values;
    }

    @Test
    void relationshipTypesAgree() {
        assertEquals(
                new TreeSet<>(KbSchema.RELATIONSHIPS.keySet()),
                enumAt("$defs", "relationship", "properties", "type", "enum"));
    }

    @Test
    void labelsAgree() {
        assertEquals(new TreeSet<>(KbSchema.ENTITY_LABELS), enumAt("$defs", "entity", "properties", "label", "enum"));
        assertEquals(new TreeSet<>(KbSchema.FACT_LABELS), enumAt("$defs", "fact", "properties", "label", "enum"));
    }

    @Test
    void everyBundledDocumentIsListedInLoadOrder() {
        assertEquals(
                List.of(
                        "article-000.json",
                        "article-001.json",
                        "article-002.json",
                        "article-003.json",
                        "article-004.json"),
                BundledDocuments.names());
    }
}
