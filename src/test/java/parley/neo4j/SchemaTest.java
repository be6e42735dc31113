package parley.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.exceptions.ClientException;
import parley.SharedNeo4j;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaTest implements SharedNeo4j {

    @Inject
    SchemaInitializer schema;

    @Inject
    Graph graph;

    @Test
    void applyingTheSchemaAgainChangesNothing() {
        List<String> before = names("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name");
        int first = schema.apply();
        int second = schema.apply();
        assertEquals(first, second);
        assertEquals(before, names("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name"));
    }

    @Test
    void everySchemaStatementNamesWhatItCreatesSoARestartCanSkipIt() {
        List<String> statements = CypherScript.statements(CypherScript.read("schema.cypher"));
        List<String> names = statements.stream()
                .map(st -> SchemaInitializer.name(st).orElse("(none) " + st))
                .toList();
        assertEquals(statements.size(), new java.util.HashSet<>(names).size(), names.toString());
        List<String> present = new java.util.ArrayList<>(names("SHOW CONSTRAINTS YIELD name RETURN name"));
        present.addAll(names("SHOW INDEXES YIELD name RETURN name"));
        assertTrue(present.containsAll(names), "not in the database: " + names);
        assertEquals(java.util.Optional.empty(), SchemaInitializer.name("MATCH (n) RETURN n"));
    }

    @Test
    void everyLabelOfTheContractHasAUniqueIdConstraint() {
        List<String> labels = names(
                "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' AND properties = ['id'] "
                        + "RETURN labelsOrTypes[0] AS name ORDER BY name");
        assertEquals(
                List.of(
                        "Actor",
                        "Claim",
                        "Country",
                        "Demand",
                        "Event",
                        "Institution",
                        "KbWriteLock",
                        "Meeting",
                        "Person",
                        "Place",
                        "Plan",
                        "Source",
                        "Statement",
                        "Topic"),
                labels);
    }

    @Test
    void theFullTextAndDateIndexesExistAndAreOnline() {
        List<String> online = names("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name ORDER BY name");
        assertTrue(
                online.containsAll(List.of("search", "meeting_date", "meeting_status", "event_date")),
                online.toString());
    }

    @Test
    void aSecondPersonWithTheSameIdIsRejectedByTheDatabase() {
        graph.writeTransaction(
                tx -> tx.run("MERGE (:Person:Actor {id: 'schema-test-person'})").consume());
        try {
            ClientException e = org.junit.jupiter.api.Assertions.assertThrows(
                    ClientException.class,
                    () -> graph.writeTransaction(tx -> tx.run("CREATE (:Person:Actor {id: 'schema-test-person'})")
                            .consume()));
            assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        } finally {
            graph.writeTransaction(tx -> tx.run("MATCH (n {id: 'schema-test-person'}) DETACH DELETE n")
                    .consume());
        }
    }

    private List<String> names(String cypher) {
        return graph.read(cypher, Map.of()).records().stream()
                .map(r -> r.get("name").asString())
                .toList();
    }
}
