package parley.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Value;
import parley.SharedNeo4j;
import parley.TestNeo4j;
import parley.neo4j.Graph;

/**
 * A store written by the previous version (countries ATTENDED meetings, MET joined every two
 * attendees, sources without a model version) comes up correct when the service starts on it: the
 * bundled documents among its sources are reloaded, countries become PARTY_TO with their evidence,
 * and MET is derived again across sides only.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelMigrationTest implements SharedNeo4j {

    private static final String SENTENCE = "Testland and Otherland delegations met in Testville.";

    @Inject
    Graph graph;

    /** The old shape, written as the previous version's loader left it (nothing here would validate now). */
    private void writeOldStore() {
        graph.writeTransaction(tx -> tx.run("""
                CREATE (s:Source {id: 'test-upgrade', title: 'Old', published: date('2025-12-01'), file: 'f',
                                  text: $sentence})
                CREATE (m:Meeting {id: 'test-upgrade-meeting', title: 'Talks', status: 'held',
                                   date: date('2025-12-01'), datePrecision: 'day', summary: 's'})
                CREATE (m)-[:REPORTED_IN {evidence: $sentence, sentences: [$sentence], status: 'held'}]->(s)
                CREATE (x:Country:Actor {id: 'test-upgrade-testland', name: 'Testland', aliases: []})
                CREATE (z:Country:Actor {id: 'test-upgrade-otherland', name: 'Otherland', aliases: []})
                CREATE (i:Institution:Actor {id: 'test-upgrade-ministry', name: 'Ministry', aliases: [], kind: 'ministry'})
                CREATE (a:Person:Actor {id: 'test-upgrade-a', name: 'Anna A', aliases: [], description: 'd'})
                CREATE (b:Person:Actor {id: 'test-upgrade-b', name: 'Bert B', aliases: [], description: 'd'})
                CREATE (c:Person:Actor {id: 'test-upgrade-c', name: 'Cleo C', aliases: [], description: 'd'})
                WITH *
                UNWIND [x, z, i, a, b, c] AS n
                CREATE (n)-[:MENTIONED_IN {evidence: [$sentence]}]->(s)
                WITH DISTINCT x, z, i, a, b, c, m
                CREATE (a)-[:HOLDS_ROLE {title: 'minister', sources: ['test-upgrade'], evidence: [$sentence],
                                         evidenceSources: ['test-upgrade']}]->(x)
                CREATE (b)-[:HOLDS_ROLE {title: 'adviser', sources: ['test-upgrade'], evidence: [$sentence],
                                         evidenceSources: ['test-upgrade']}]->(i)
                CREATE (i)-[:PART_OF {sources: ['test-upgrade'], evidence: [$sentence],
                                      evidenceSources: ['test-upgrade']}]->(x)
                CREATE (c)-[:HOLDS_ROLE {title: 'envoy', sources: ['test-upgrade'], evidence: [$sentence],
                                         evidenceSources: ['test-upgrade']}]->(z)
                WITH x, a, b, c, m
                UNWIND [x, a, b, c] AS n
                CREATE (n)-[:ATTENDED {role: 'participant', sources: ['test-upgrade'], evidence: [$sentence],
                                       evidenceSources: ['test-upgrade']}]->(m)
                WITH DISTINCT x, a, b, c
                CREATE (a)-[:MET {meeting: 'test-upgrade-meeting', status: 'held'}]->(b)
                CREATE (a)-[:MET {meeting: 'test-upgrade-meeting', status: 'held'}]->(x)
                CREATE (a)-[:MET {meeting: 'test-upgrade-meeting', status: 'held'}]->(c)
                """, Map.of("sentence", SENTENCE)).consume());
        // A bundled source as the previous version left it: no model version.
        graph.writeTransaction(tx -> tx.run("MATCH (s:Source {id: 'article-004'}) REMOVE s.modelVersion")
                .consume());
    }

    @AfterEach
    void removeTheOldStore() {
        graph.writeTransaction(tx -> tx.run("MATCH (n) WHERE n.id STARTS WITH 'test-upgrade' DETACH DELETE n")
                .consume());
    }

    private List<String> strings(String cypher) {
        return graph.read(cypher, Map.of()).records().stream()
                .map(r -> r.get(0).asString())
                .toList();
    }

    @Test
    void anOldStoreComesUpWithPartiesAndMetAcrossSidesOnly() {
        String before = GraphFingerprint.of(graph);
        writeOldStore();

        Map<String, Object> properties =
                Map.of("neo4j.uri", TestNeo4j.boltUri().toString(), "parley.kb.load-on-start", true);
        ModelMigration.Report report;
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            report = context.getBean(ModelMigration.class).lastReport();
        }

        assertEquals(List.of("article-004", "test-upgrade"), report.outdatedSources());
        assertEquals(List.of("article-004"), report.reloadedBundled(), "bundled documents are reloaded");
        assertEquals(1, report.attendedConverted(), "Testland attended; now it is party to the meeting");
        assertTrue(report.metDerived() > 0);
        assertEquals(
                List.of(),
                strings("MATCH (x:Country|Institution)-[:ATTENDED]->() RETURN x.id"),
                "no country or institution attends any more");
        List<Value> party = graph
                .read(
                        "MATCH (:Country {id: 'test-upgrade-testland'})-[p:PARTY_TO]->(:Meeting {id: 'test-upgrade-meeting'})"
                                + " RETURN p.evidence AS evidence, p.sources AS sources",
                        Map.of())
                .records()
                .stream()
                .flatMap(r -> r.values().stream())
                .toList();
        assertEquals(List.of(SENTENCE), party.get(0).asList(Value::asString), "the evidence moves with it");
        assertEquals(List.of("test-upgrade"), party.get(1).asList(Value::asString));
        // Sides from the roles: A (minister of Testland) and B (adviser in a Testland ministry) are
        // one side; C is Otherland's envoy. So A and B each met C, and nobody met a country.
        assertEquals(
                List.of("test-upgrade-a>test-upgrade-c", "test-upgrade-b>test-upgrade-c"),
                strings("MATCH (a)-[m:MET {meeting: 'test-upgrade-meeting'}]->(b)"
                        + " RETURN a.id + '>' + b.id AS pair ORDER BY pair"));
        assertEquals(
                List.of(),
                strings("MATCH (a)-[:MET]-(b) WHERE NOT a:Person OR NOT b:Person RETURN DISTINCT a.id"),
                "MET touches people only");
        assertEquals(
                List.of(),
                strings("MATCH (s:Source) WHERE coalesce(s.modelVersion, 1) < 2 RETURN s.id"),
                "every source is marked");

        ModelMigration.Report again = new ModelMigration.Report(List.of(), List.of(), 0, 0, 0, 0);
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertEquals(
                    again, context.getBean(ModelMigration.class).lastReport(), "a second start finds nothing to do");
        }
        removeTheOldStore();
        assertEquals(before, GraphFingerprint.of(graph), "the bundled graph is as it was");
    }
}
