package parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;
import parley.errors.ApiError;
import parley.kb.GraphFingerprint;
import parley.neo4j.Graph;

/** POST /api/cypher reads and refuses everything else, leaving the graph as it was. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CypherGuardTest implements SharedNeo4j {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Graph graph;

    private String before;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(SharedNeo4j.super.getProperties());
        properties.put("parley.cypher.timeout", "1s");
        properties.put("parley.cypher.max-rows", "100");
        return properties;
    }

    @BeforeAll
    void fingerprint() {
        before = GraphFingerprint.of(graph);
    }

    private Map<String, Object> run(String query, Map<String, Object> params) {
        return client.toBlocking()
                .retrieve(
                        HttpRequest.POST("/api/cypher", Map.of("query", query, "params", params)),
                        Argument.mapOf(String.class, Object.class));
    }

    private ApiError refused(String query, HttpStatus status) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .retrieve(HttpRequest.POST("/api/cypher", Map.of("query", query)), String.class));
        assertEquals(status, e.getStatus(), query);
        ApiError error = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals(before, GraphFingerprint.of(graph), "the graph is unchanged after: " + query);
        assertEquals(
                "UP", client.toBlocking().retrieve("/health", Map.class).get("status"), "the service still answers");
        return error;
    }

    @Test
    void aReadReturnsNodesRelationshipsPathsAndDatesAsJson() {
        Map<String, Object> result = run("""
                MATCH p = (d:Person {id: $id})-[m:MET]->(w:Person {id: 'steve-witkoff'})
                RETURN d, m, p, m.date AS date
                """, Map.of("id", "kirill-dmitriev"));
        assertEquals(List.of("d", "m", "p", "date"), result.get("columns"));
        List<?> row = (List<?>) ((List<?>) result.get("rows")).getFirst();
        Map<?, ?> node = (Map<?, ?>) row.get(0);
        assertEquals(List.of("Person", "Actor"), node.get("labels"));
        assertEquals("Kirill Dmitriev", ((Map<?, ?>) node.get("properties")).get("name"));
        Map<?, ?> rel = (Map<?, ?>) row.get(1);
        assertEquals("MET", rel.get("type"));
        assertEquals(node.get("id"), rel.get("start"));
        assertEquals(3, ((List<?>) row.get(2)).size(), "a path lists node, relationship, node");
        assertEquals("2025-12-20", row.get(3));
    }

    @Test
    void theRowCapCutsAndSaysSo() {
        Map<String, Object> result = run("UNWIND range(1, 500) AS x RETURN x", Map.of());
        assertEquals(100, ((List<?>) result.get("rows")).size());
        assertEquals(true, result.get("truncated"));
        assertEquals(100, ((Number) result.get("rowLimit")).intValue());
    }

    @Test
    void aWriteIsRefused() {
        assertEquals(
                "write_refused",
                refused("CREATE (:Person {id: 'intruder'})", HttpStatus.FORBIDDEN)
                        .error());
        assertEquals(
                "write_refused",
                refused("MATCH (n:Person) SET n.name = 'x'", HttpStatus.FORBIDDEN)
                        .error());
        assertEquals(
                "write_refused",
                refused("MATCH (n) DETACH DELETE n", HttpStatus.FORBIDDEN).error());
    }

    @Test
    void aWriteHiddenInASubqueryIsRefused() {
        assertEquals(
                "write_refused",
                refused(
                                "MATCH (n:Person) CALL (n) { MERGE (n)-[:MET]->(:Person {id: 'ghost'}) } RETURN count(*)",
                                HttpStatus.FORBIDDEN)
                        .error());
    }

    @Test
    void loadCsvIsRefused() {
        assertEquals(
                "load_csv_refused",
                refused("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", HttpStatus.FORBIDDEN)
                        .error());
        assertEquals(
                "load_csv_refused",
                refused("LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS line RETURN line", HttpStatus.FORBIDDEN)
                        .error());
    }

    @Test
    void schemaAndAdministrationCommandsAreRefused() {
        refused("CREATE INDEX intruder FOR (n:Person) ON (n.name)", HttpStatus.FORBIDDEN);
        refused("DROP CONSTRAINT person_id", HttpStatus.FORBIDDEN);
        assertEquals(
                "admin_refused", refused("SHOW INDEXES", HttpStatus.FORBIDDEN).error());
    }

    @Test
    void aWritingOrUnlistedProcedureIsRefused() {
        refused("CALL db.createLabel('Intruder')", HttpStatus.FORBIDDEN);
        ApiError listConfig = refused("CALL dbms.listConfig() YIELD name RETURN name", HttpStatus.FORBIDDEN);
        assertTrue(listConfig.error().endsWith("_refused"), listConfig.toString());
        assertEquals(List.of(List.of("Actor")), ((List<?>)
                run("CALL db.labels() YIELD label WHERE label = 'Actor' RETURN label", Map.of())
                        .get("rows")));
    }

    @Test
    void aRunawayQueryIsStoppedAtTheTimeLimit() {
        ApiError error =
                refused("UNWIND range(1, 1000000000) AS x WITH x WHERE x = -1 RETURN x", HttpStatus.REQUEST_TIMEOUT);
        assertEquals("query_timeout", error.error());
        assertTrue(error.message().contains("1000 ms"), error.message());
    }

    @Test
    void twoStatementsOrBadSyntaxAre400() {
        assertEquals(
                "invalid_query",
                refused("RETURN 1; RETURN 2", HttpStatus.BAD_REQUEST).error());
        assertEquals(
                "invalid_query",
                refused("MATCH (n RETURN n", HttpStatus.BAD_REQUEST).error());
        assertEquals("invalid_query", refused("", HttpStatus.BAD_REQUEST).error());
    }
}
