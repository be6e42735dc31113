package parley.contract;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The served OpenAPI document as a JSON Schema validator: an answer is checked against the schema
 * its operation declares for its status and content type, {@code $ref}s resolved in the document.
 */
final class OpenApiContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    OpenApiContract(String document) {
        this.document = JSON.readTree(document);
    }

    JsonNode document() {
        return document;
    }

    JsonNode operation(String path, String method) {
        return document.path("paths").path(path).path(method);
    }

    /** Every (path, method) of the document. */
    List<String[]> operations() {
        List<String[]> all = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Iterator<String> methods = path.getValue().propertyNames().iterator(); methods.hasNext(); ) {
                all.add(new String[] {path.getKey(), methods.next()});
            }
        }
        return all;
    }

    /**
     * What is wrong with an answer: its status undeclared, or its body not valid against the
     * declared schema; empty when the answer keeps the contract.
     */
    List<String> problems(String path, String method, int status, String contentType, String body) {
        JsonNode response = operation(path, method).path("responses").path(String.valueOf(status));
        String where = method.toUpperCase() + " " + path + " → " + status;
        if (response.isMissingNode()) {
            return List.of(where + ": status not declared in the document; body " + abbreviate(body));
        }
        String media = contentType == null ? "" : contentType.split(";")[0].strip();
        JsonNode content = response.path("content").path(media);
        for (String declared : response.path("content").propertyNames()) {
            // A declared type may carry parameters (text/plain; version=0.0.4 for /metrics).
            if (content.isMissingNode() && declared.split(";")[0].strip().equals(media)) {
                content = response.path("content").path(declared);
            }
        }
        if (content.isMissingNode()) {
            return List.of(where + ": content type '" + media + "' not declared");
        }
        if (!media.equals("application/json")) {
            return List.of();
        }
        String pointer = "#/paths/" + escape(path) + "/" + method + "/responses/" + status + "/content/" + escape(media)
                + "/schema";
        Schema schema = schemas.computeIfAbsent(pointer, this::schema);
        List<String> problems = new ArrayList<>();
        for (com.networknt.schema.Error e : schema.validate(
                JSON.readTree(body), ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)))) {
            problems.add(where + ": " + e.getInstanceLocation() + " " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            problems.add(where + " body: " + abbreviate(body));
        }
        return problems;
    }

    /** The document itself as a schema whose root refers to one response schema in it. */
    private Schema schema(String pointer) {
        ObjectNode root = (ObjectNode) document.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", pointer);
        return registry.getSchema(root);
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }

    static String abbreviate(String body) {
        return body == null ? "null" : body.length() <= 400 ? body : body.substring(0, 400) + "…";
    }
}
