package parley.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;
import parley.kb.TestDocuments;
import parley.neo4j.Graph;
import tools.jackson.databind.JsonNode;

/**
 * Real answers, good and bad, of every operation the document lists, checked against the
 * document's own schemas: the request for each is built from the document (path ids from the
 * list endpoint above them, required query parameters from their examples), and every query
 * parameter with a type or bound gets a value breaking it, which must be the uniform 400
 * {@code bad_parameter} naming it. New endpoints are covered as soon as the router has them.
 */
@MicronautTest
@Property(name = "parley.api.token", value = ContractTest.TOKEN)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractTest implements SharedNeo4j {

    static final String TOKEN = "contract-token-0123456789";
    private static final String TEST_SOURCE = "test-contract";

    @Inject
    EmbeddedServer server;

    @Inject
    Graph graph;

    private final HttpClient http = HttpClient.newHttpClient();
    private OpenApiContract contract;
    private final List<String> problems = new ArrayList<>();
    private int checked;

    /** Paths whose ids are listed elsewhere: the network page's people are the actors. */
    private static final Map<String, String> LISTS = Map.of("/api/views/network", "/api/actors");

    private static final String QUOTE =
            "The White House says it feels very optimistic about progress toward ending the war in Ukraine.";

    private String draft;

    @BeforeAll
    void load() throws Exception {
        contract = new OpenApiContract(send("GET", "/openapi.json", null, null).body());
        // One draft under review, so that GET /api/drafts/{id} has an id to answer for.
        HttpResponse<String> created = send(
                "POST",
                "/api/drafts",
                TestDocuments.over("article-004", "test-contract-draft")
                        .fact("test-contract-draft-statement", "Statement", Map.of("text", QUOTE), QUOTE)
                        .json(),
                TOKEN);
        assertEquals(201, created.statusCode(), created.body());
        draft = OpenApiContract.JSON.readTree(created.body()).path("id").asString();
    }

    @AfterAll
    void removeDraft() throws Exception {
        send("DELETE", "/api/drafts/" + draft, null, TOKEN);
    }

    @AfterAll
    void removeTestSource() throws Exception {
        send(
                "POST",
                "/api/documents",
                TestDocuments.over("article-004", TEST_SOURCE).json(),
                TOKEN);
        graph.writeTransaction(tx -> tx.run("MATCH (s:Source {id: $id}) DETACH DELETE s", Map.of("id", TEST_SOURCE))
                .consume());
    }

    @BeforeEach
    void clear() {
        problems.clear();
    }

    private HttpResponse<String> send(String method, String path, String body, String token)
            throws IOException, InterruptedException {
        return send(method, path, body, token, "application/json");
    }

    private HttpResponse<String> send(String method, String path, String body, String token, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Accept", accept)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends, checks the answer against the document, and returns it. */
    private HttpResponse<String> check(String template, String method, String uri, String body, String token)
            throws Exception {
        HttpResponse<String> response = send(method.toUpperCase(), uri, body, token, accept(template, method));
        checked++;
        problems.addAll(contract.problems(
                template,
                method,
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body()));
        return response;
    }

    /**
     * What a client reading the document asks for: the media types its success answers are
     * declared in (an export is a zip, CSV or GraphML), and JSON for the errors.
     */
    private String accept(String template, String method) {
        List<String> types = new ArrayList<>();
        JsonNode responses = contract.operation(template, method).path("responses");
        for (String status : responses.propertyNames()) {
            if (status.startsWith("2")) {
                responses.path(status).path("content").propertyNames().forEach(type -> {
                    if (!types.contains(type)) {
                        types.add(type);
                    }
                });
            }
        }
        if (!types.contains("application/json")) {
            types.add("application/json");
        }
        return String.join(", ", types);
    }

    @Test
    void everyReadAnswersAsTheDocumentSaysGoodAndBad() throws Exception {
        List<String> uncovered = new ArrayList<>();
        for (String[] op : contract.operations()) {
            String template = op[0];
            String method = op[1];
            if (!method.equals("get")) {
                continue;
            }
            JsonNode operation = contract.operation(template, method);
            String path = fillPath(template);
            if (path == null) {
                uncovered.add("GET " + template + ": no id found for its path from the list above it");
                continue;
            }
            Map<String, String> good = new LinkedHashMap<>();
            for (JsonNode p : operation.path("parameters")) {
                if (p.path("in").asString().equals("query")
                        && p.path("required").asBoolean()) {
                    if (!p.has("example")) {
                        uncovered.add("GET " + template + ": required parameter "
                                + p.path("name").asString() + " has no example");
                        continue;
                    }
                    good.put(p.path("name").asString(), p.path("example").asString());
                }
            }
            HttpResponse<String> ok = check(template, method, path + query(good), null, null);
            assertTrue(ok.statusCode() < 300 || template.equals("/health"), "GET " + path + " → " + ok.statusCode());

            for (JsonNode p : operation.path("parameters")) {
                String name = p.path("name").asString();
                if (p.path("in").asString().equals("path")) {
                    HttpResponse<String> missing =
                            check(template, method, template.replace("{" + name + "}", "no-such-id-x9"), null, null);
                    assertEquals(404, missing.statusCode(), template + " with an unknown " + name);
                    continue;
                }
                for (String bad : badValues(p.path("schema"))) {
                    Map<String, String> params = new LinkedHashMap<>(good);
                    params.put(name, bad);
                    HttpResponse<String> refused = check(template, method, path + query(params), null, null);
                    JsonNode error = OpenApiContract.JSON.readTree(refused.body());
                    String what = "GET " + template + " with " + name + "=" + bad + ": " + refused.body();
                    assertEquals(400, refused.statusCode(), what);
                    assertEquals("bad_parameter", error.path("error").asString(), what);
                    assertEquals(
                            name, error.path("problems").path(0).path("path").asString(), what);
                    assertTrue(error.path("message").asString().startsWith(name + " "), what);
                }
            }
        }
        System.out.printf(
                "contract: %d answers of %d operations checked against the document, %d not as declared%n",
                checked, contract.operations().size(), problems.size());
        assertEquals(List.of(), uncovered);
        assertEquals(List.of(), problems, "answers against the document");
        assertTrue(checked > 60, "checked " + checked + " answers");
    }

    @Test
    void writesAndQueriesAnswerAsTheDocumentSays() throws Exception {
        check("/api/cypher", "post", "/api/cypher", "{\"query\": \"MATCH (p:Person) RETURN p.name LIMIT 2\"}", null);
        HttpResponse<String> syntax = check("/api/cypher", "post", "/api/cypher", "{\"query\": \"MATCH (n\"}", null);
        assertEquals(400, syntax.statusCode());
        String said =
                OpenApiContract.JSON.readTree(syntax.body()).path("message").asString();
        assertTrue(
                said.contains("\"MATCH (n\"") && said.contains("offset: 8") && !said.contains("EXPLAIN"),
                "the error quotes the query as sent, with its own offsets: " + said);
        check("/api/cypher", "post", "/api/cypher", "{\"query\": \"CREATE (n:X) RETURN n\"}", null);
        HttpResponse<String> broken = check("/api/cypher", "post", "/api/cypher", "{\"query\": ", null);
        assertEquals(400, broken.statusCode());
        assertTrue(
                !broken.body().contains("StreamReadFeature") && !broken.body().contains("Source:"), broken.body());

        check("/api/queries/{name}", "post", "/api/queries/actor-met", "{\"id\": \"kirill-dmitriev\"}", null);
        HttpResponse<String> needs = check("/api/queries/{name}", "post", "/api/queries/actor-met", "{}", null);
        assertEquals(400, needs.statusCode());
        assertEquals(
                "id",
                OpenApiContract.JSON
                        .readTree(needs.body())
                        .path("problems")
                        .path(0)
                        .path("path")
                        .asString());
        check("/api/queries/{name}", "post", "/api/queries/no-such-query", "{}", null);

        String document = TestDocuments.over("article-004", TEST_SOURCE).json();
        assertEquals(
                401,
                check("/api/documents", "post", "/api/documents", document, null)
                        .statusCode());
        assertEquals(
                401,
                check("/api/documents/reload", "post", "/api/documents/reload", null, "wrong")
                        .statusCode());
        assertEquals(
                400,
                check("/api/documents", "post", "/api/documents", "{\"source\": {}}", TOKEN)
                        .statusCode());
        assertEquals(
                201,
                check("/api/documents", "post", "/api/documents", document, TOKEN)
                        .statusCode());
        assertEquals(List.of(), problems, "answers against the document");
    }

    @Test
    void filtersNamingNothingAre404NamingTheId() throws Exception {
        for (String uri : List.of(
                "/api/meetings?participant=nobody", "/api/meetings?place=Moscow", "/api/timeline?actor=Witkoff")) {
            HttpResponse<String> answer = check(uri.substring(0, uri.indexOf('?')), "get", uri, null, null);
            assertEquals(404, answer.statusCode(), uri);
            String value = uri.substring(uri.indexOf('=') + 1);
            assertTrue(answer.body().contains("'" + value + "'"), answer.body());
        }
        assertEquals(
                200,
                check("/api/meetings", "get", "/api/meetings?place=moscow", null, null)
                        .statusCode());
        assertEquals(List.of(), problems, "answers against the document");
    }

    /** Each write operation, and only those, asks for the token. */
    @Test
    void onlyWritesAskForTheToken() {
        List<String> secured = new ArrayList<>();
        for (String[] op : contract.operations()) {
            JsonNode security = contract.operation(op[0], op[1]).path("security");
            assertTrue(security.isArray(), op[0] + " declares its security");
            if (!security.isEmpty()) {
                secured.add(op[1].toUpperCase() + " " + op[0]);
            }
        }
        secured.sort(null);
        assertEquals(
                List.of(
                        "DELETE /api/drafts/{id}",
                        "DELETE /api/sources/{id}",
                        "POST /api/documents",
                        "POST /api/documents/reload",
                        "POST /api/drafts",
                        "POST /api/drafts/{id}/publish",
                        "POST /api/drafts/{id}/review",
                        "POST /api/extract"),
                secured);
    }

    private String fillPath(String template) throws Exception {
        String path = template;
        while (path.contains("{")) {
            int open = path.indexOf('{');
            String list = path.substring(0, open - 1);
            String name = path.substring(open + 1, path.indexOf('}', open));
            String id = firstId(LISTS.getOrDefault(list, list));
            if (id == null) {
                return null;
            }
            path = path.replace("{" + name + "}", id);
        }
        return path;
    }

    /** The first item's id (or name) of the list at {@code path}, a page or a plain array. */
    private String firstId(String path) throws Exception {
        HttpResponse<String> list = send("GET", path, null, null);
        if (list.statusCode() != 200) {
            return null;
        }
        JsonNode answer = OpenApiContract.JSON.readTree(list.body());
        JsonNode items = answer.isArray() ? answer : answer.path("items");
        for (JsonNode item : items) {
            JsonNode id = item.has("id") ? item.get("id") : item.get("name");
            if (id != null && id.isString()) {
                return URLEncoder.encode(id.asString(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Values a parameter's schema rules out. */
    private static List<String> badValues(JsonNode schema) {
        List<String> bad = new ArrayList<>();
        String type = schema.path("type").asString();
        switch (type) {
            case "integer" -> {
                bad.add("abc");
                bad.add("1.5");
                if (schema.has("minimum")) {
                    bad.add(String.valueOf(schema.get("minimum").asLong() - 1));
                }
                if (schema.has("maximum")) {
                    bad.add(String.valueOf(schema.get("maximum").asLong() + 1));
                }
                if (schema.path("format").asString().equals("int32")) {
                    bad.add("2147483648");
                }
            }
            case "boolean" -> {
                bad.add("1");
                bad.add("yes");
                bad.add("TRUE");
            }
            case "string" -> {
                if (schema.path("format").asString().equals("date")) {
                    bad.add("2025-02-30");
                    bad.add("yesterday");
                }
                if (schema.has("enum")) {
                    bad.add("no-such-value");
                }
                if (schema.has("maxLength")) {
                    bad.add("x".repeat(schema.get("maxLength").asInt() + 1));
                }
            }
            default -> {}
        }
        return bad;
    }

    private static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        params.forEach((k, v) -> s.append(s.isEmpty() ? "?" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return s.toString();
    }
}
