package parley.kb;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.errors.ApiError.Problem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns request bytes into a {@link KbDocument}: JSON syntax first, then the published JSON Schema
 * ({@code kb/kb-document.schema.json}, checked by networknt's validator). Reports every structural
 * problem at once with its JSON path.
 */
@Singleton
final class DocumentParser {

    static final String SCHEMA_RESOURCE = "kb/kb-document.schema.json";

    // A key given twice would let two readers of one document see different documents.
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final Schema schema;

    DocumentParser() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SCHEMA_RESOURCE + " on the classpath");
            }
            this.schema = registry.getSchema(mapper.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and checks the structure; throws {@link DocumentRejectedException} listing every problem. */
    KbDocument parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new DocumentRejectedException(
                    List.of(new Problem("$", "the body is empty; send one source document")));
        }
        checkUtf8(body);
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new DocumentRejectedException(
                    List.of(new Problem(where, "not valid JSON: " + e.getOriginalMessage())));
        }
        if (root == null || root.isMissingNode()) {
            throw new DocumentRejectedException(
                    List.of(new Problem("$", "the body is empty; send one source document")));
        }
        List<Problem> problems = new ArrayList<>();
        for (com.networknt.schema.Error error : schema.validate(root)) {
            problems.add(new Problem(jsonPath(error.getInstanceLocation().toString()), error.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new DocumentRejectedException(problems);
        }
        return toDocument(root);
    }

    /**
     * JSON is UTF-8 (RFC 8259). Checked strictly before parsing: malformed and overlong sequences,
     * stray continuation bytes and encoded surrogates are refused rather than decoded leniently.
     */
    private static void checkUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        var out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw new DocumentRejectedException(List.of(new Problem(
                        "byte " + in.position(),
                        "not valid UTF-8: " + result.length() + " malformed byte(s) at offset " + in.position()
                                + "; send the document encoded as UTF-8")));
            }
            if (result.isUnderflow()) {
                break;
            }
            out.clear();
        }
        try {
            decoder.flush(out.clear());
        } catch (RuntimeException e) {
            throw new DocumentRejectedException(List.of(new Problem("$", "not valid UTF-8")));
        }
    }

    /** {@code /facts/0/label} (a JSON Pointer, as the schema validator reports it) as {@code $.facts[0].label}. */
    static String jsonPath(String pointer) {
        StringBuilder path = new StringBuilder("$");
        for (String step : pointer.split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            String name = step.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append('.').append(name);
            }
        }
        return path.toString();
    }

    private KbDocument toDocument(JsonNode root) {
        JsonNode s = root.get("source");
        var source = new KbDocument.Source(
                s.get("id").asString(),
                s.get("title").asString(),
                s.get("published").asString(),
                s.get("file").asString(),
                optional(s, "publisher"),
                optional(s, "author"));
        List<KbDocument.Entity> entities = new ArrayList<>();
        for (JsonNode e : root.get("entities")) {
            Map<String, Object> properties = new LinkedHashMap<>();
            for (String key : List.of("description", "kind")) {
                if (e.has(key)) {
                    properties.put(key, e.get(key).asString());
                }
            }
            for (String key : KbSchema.PROPOSAL_PROPERTIES) {
                if (e.has(key)) {
                    properties.put(key, value(e.get(key)));
                }
            }
            entities.add(new KbDocument.Entity(
                    e.get("id").asString(),
                    e.get("label").asString(),
                    e.get("name").asString(),
                    strings(e.get("aliases")),
                    properties,
                    strings(e.get("evidence"))));
        }
        List<KbDocument.Fact> facts = new ArrayList<>();
        for (JsonNode f : root.get("facts")) {
            facts.add(new KbDocument.Fact(
                    f.get("id").asString(),
                    f.get("label").asString(),
                    properties(f, KbSchema.RESERVED_PROPERTIES),
                    strings(f.get("evidence"))));
        }
        List<KbDocument.Relationship> relationships = new ArrayList<>();
        for (JsonNode r : root.get("relationships")) {
            Map<String, Object> properties = r.has("properties")
                    ? properties(r.get("properties"), KbSchema.RESERVED_PROPERTIES)
                    : new LinkedHashMap<>();
            for (String key : KbSchema.PROPOSAL_PROPERTIES) {
                if (r.has(key)) {
                    properties.put(key, value(r.get(key)));
                }
            }
            relationships.add(new KbDocument.Relationship(
                    r.get("type").asString(),
                    r.get("from").asString(),
                    r.get("to").asString(),
                    properties,
                    strings(r.get("evidence"))));
        }
        return new KbDocument(source, root.get("text").asString(), entities, facts, relationships);
    }

    private static String optional(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asString() : null;
    }

    private static List<String> strings(JsonNode array) {
        if (array == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    /** Scalars and lists of strings, as the schema allows them; reserved names are left out. */
    private static Map<String, Object> properties(JsonNode object, java.util.Set<String> skip) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (skip.contains(field.getKey())) {
                continue;
            }
            properties.put(field.getKey(), value(field.getValue()));
        }
        return properties;
    }

    private static Object value(JsonNode v) {
        if (v.isArray()) {
            return strings(v);
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        return v.asString();
    }
}
