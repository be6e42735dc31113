package parley.kb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Source documents for tests that write: built on the real text of a bundled article, under a
 * source id of their own ({@code test-…}), so they never change what the bundled sources say.
 */
public final class TestDocuments {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private TestDocuments() {}

    /** The bundled document of an article, as a tree, e.g. {@code article-004}. */
    public static ObjectNode bundled(String source) {
        return (ObjectNode) JSON.readTree(BundledDocuments.read("kb/sources/" + source + ".json"));
    }

    /** An empty document (no entities, facts or relationships) over the text of a bundled article. */
    public static Builder over(String bundledSource, String testSourceId) {
        JsonNode original = bundled(bundledSource);
        return new Builder(testSourceId, original.get("text").asString());
    }

    public static final class Builder {
        private final Map<String, Object> source = new LinkedHashMap<>();
        private final String text;
        private final List<Map<String, Object>> entities = new ArrayList<>();
        private final List<Map<String, Object>> facts = new ArrayList<>();
        private final List<Map<String, Object>> relationships = new ArrayList<>();

        Builder(String id, String text) {
            this.text = text;
            source.put("id", id);
            source.put("title", "Test copy of a bundled article");
            source.put("published", "2025-12-02");
            source.put("file", id + ".txt");
        }

        public Builder published(String date) {
            source.put("published", date);
            return this;
        }

        public Builder entity(String id, String label, String name, Map<String, Object> more) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", id);
            e.put("label", label);
            e.put("name", name);
            e.put("aliases", List.of());
            e.putAll(more);
            entities.add(e);
            return this;
        }

        public Builder fact(String id, String label, Map<String, Object> properties, String... evidence) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", id);
            f.put("label", label);
            f.putAll(properties);
            f.put("evidence", List.of(evidence));
            facts.add(f);
            return this;
        }

        public Builder relationship(
                String from, String type, String to, Map<String, Object> properties, String... evidence) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("type", type);
            r.put("from", from);
            r.put("to", to);
            if (!properties.isEmpty()) {
                r.put("properties", properties);
            }
            r.put("evidence", List.of(evidence));
            relationships.add(r);
            return this;
        }

        public Map<String, Object> tree() {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("source", source);
            doc.put("text", text);
            doc.put("entities", entities);
            doc.put("facts", facts);
            doc.put("relationships", relationships);
            return doc;
        }

        public String json() {
            return JSON.writeValueAsString(tree());
        }

        public byte[] bytes() {
            return json().getBytes(StandardCharsets.UTF_8);
        }
    }
}
