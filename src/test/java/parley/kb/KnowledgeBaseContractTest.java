package parley.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import parley.SharedNeo4j;
import parley.neo4j.Graph;

/** The bundled knowledge base, as loaded at start, keeps the contract of KB-SCHEMA.md. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeBaseContractTest implements SharedNeo4j {

    @Inject
    Graph graph;

    private List<Record> query(String cypher) {
        return graph.read(cypher, Map.of()).records();
    }

    @Test
    void allFiveArticlesAreSourcesWithTheirPublicationDates() {
        List<String> sources = query("MATCH (s:Source) WHERE s.id STARTS WITH 'article-' "
                        + "RETURN s.id + ' ' + toString(s.published) + ' ' + s.file AS s ORDER BY s")
                .stream()
                .map(r -> r.get("s").asString())
                .toList();
        assertEquals(
                List.of(
                        "article-000 2025-12-18 000_17ca8944f76ad4d2.txt",
                        "article-001 2025-12-20 001_78d73a21e9e60ed7.txt",
                        "article-002 2025-12-03 002_bbe6e142eb0c3a87.txt",
                        "article-003 2025-12-01 003_2097adf683b84645.txt",
                        "article-004 2025-12-02 004_9b6d43ba622d0a39.txt"),
                sources);
    }

    @Test
    void everyFactIsReportedInASourceWithAnEvidenceSentence() {
        List<Record> unreported = query("""
                MATCH (f:Meeting|Demand|Plan|Statement|Claim|Event)
                WHERE NOT EXISTS { (f)-[p:REPORTED_IN]->(:Source) WHERE p.evidence IS NOT NULL }
                RETURN f.id AS id
                """);
        assertEquals(
                List.of(), unreported.stream().map(r -> r.get("id").asString()).toList());
        assertTrue(query("MATCH (f:Meeting|Demand|Plan|Statement|Claim|Event) RETURN count(f) AS n")
                        .getFirst()
                        .get("n")
                        .asLong()
                > 150);
    }

    @Test
    void everyNodeHasTheRequiredPropertiesOfItsLabel() {
        List<Record> missing = query("""
                MATCH (n)
                WHERE n.id IS NULL
                   OR (n:Person AND (n.name IS NULL OR n.aliases IS NULL OR n.description IS NULL OR NOT n:Actor))
                   OR (n:Institution AND (n.name IS NULL OR n.aliases IS NULL OR n.kind IS NULL OR NOT n:Actor))
                   OR (n:Country AND (n.name IS NULL OR n.aliases IS NULL OR NOT n:Actor))
                   OR (n:Place AND (n.name IS NULL OR n.aliases IS NULL OR n.kind IS NULL))
                   OR (n:Topic AND (n.name IS NULL OR n.aliases IS NULL))
                   OR (n:Meeting AND (n.title IS NULL OR n.summary IS NULL
                       OR NOT n.status IN ['planned', 'held', 'cancelled', 'unknown']))
                   OR (n:Demand AND (n.text IS NULL OR NOT n.kind IN ['demand', 'condition', 'red-line', 'warning', 'proposal']))
                   OR (n:Plan AND (n.name IS NULL OR n.summary IS NULL))
                   OR (n:Statement AND n.text IS NULL)
                   OR (n:Claim AND n.text IS NULL)
                   OR (n:Event AND (n.kind IS NULL OR n.summary IS NULL))
                   OR (n:Source AND (n.title IS NULL OR n.published IS NULL OR n.file IS NULL))
                RETURN n.id AS id, labels(n) AS labels
                """);
        assertEquals(
                List.of(), missing.stream().map(r -> r.get("id").toString()).toList());
    }

    @Test
    void datesAreCypherDatesAndEveryIdIsASlug() {
        assertEquals(0, count("MATCH (n) WHERE n.date IS NOT NULL AND NOT n.date IS :: DATE RETURN count(n) AS n"));
        assertEquals(0, count("MATCH (n) WHERE NOT n.id =~ '[a-z0-9]+(-[a-z0-9]+)*' RETURN count(n) AS n"));
    }

    @Test
    void everyRelationshipButProvenanceAndMetCarriesSourcesAndEvidenceOfEqualLength() {
        List<Record> bad = query("""
                MATCH (a)-[r]->(b)
                WHERE NOT type(r) IN ['REPORTED_IN', 'MENTIONED_IN', 'MET']
                  AND (r.sources IS NULL OR size(r.sources) = 0 OR r.evidence IS NULL OR size(r.evidence) = 0
                       OR size(r.evidence) <> size(r.evidenceSources))
                RETURN a.id + ' ' + type(r) + ' ' + b.id AS rel
                """);
        assertEquals(List.of(), bad.stream().map(r -> r.get("rel").asString()).toList());
    }

    @Test
    void everyEvidenceSentenceOccursVerbatimInTheTextOfTheSourceItNames() {
        Map<String, String> texts = new java.util.HashMap<>();
        query("MATCH (s:Source) RETURN s.id AS id, s.text AS text")
                .forEach(r -> texts.put(
                        r.get("id").asString(),
                        DocumentValidator.fold(r.get("text").asString())));
        List<String> notVerbatim = new ArrayList<>();
        int checked = 0;
        for (Record r : query("""
                MATCH ()-[r]->() WHERE r.evidenceSources IS NOT NULL
                RETURN r.evidence AS evidence, r.evidenceSources AS sources
                UNION ALL
                MATCH ()-[p:REPORTED_IN]->(s:Source)
                RETURN p.sentences AS evidence, [x IN p.sentences | s.id] AS sources
                UNION ALL
                MATCH ()-[m:MENTIONED_IN]->(s:Source) WHERE m.evidence IS NOT NULL
                RETURN m.evidence AS evidence, [x IN m.evidence | s.id] AS sources
                """)) {
            List<String> evidence = r.get("evidence").asList(Value::asString);
            List<String> sources = r.get("sources").asList(Value::asString);
            for (int i = 0; i < evidence.size(); i++) {
                checked++;
                if (!texts.get(sources.get(i)).contains(DocumentValidator.fold(evidence.get(i)))) {
                    notVerbatim.add(sources.get(i) + ": " + evidence.get(i));
                }
            }
        }
        assertEquals(List.of(), notVerbatim);
        assertTrue(checked > 1000, "sentences checked: " + checked);
    }

    @Test
    void everyOtherSpellingTheArticlesUseFindsTheOneNode() {
        Map<String, String> expected = Map.of(
                "Zelenskyy", "volodymyr-zelensky",
                "Zelenski", "volodymyr-zelensky",
                "Kiev", "ukraine",
                "Sybhia", "andrii-sybiha",
                "Katja Kallas", "kaja-kallas",
                "Huleipole", "huliaipole",
                "Donbass", "donbas");
        expected.forEach((spelling, id) -> {
            List<String> found = graph
                    .read("MATCH (n) WHERE $s IN n.aliases OR n.name = $s RETURN n.id AS id", Map.of("s", spelling))
                    .records()
                    .stream()
                    .map(r -> r.get("id").asString())
                    .toList();
            assertEquals(List.of(id), found, spelling);
        });
    }

    @Test
    void metIsDerivedOncePerPairOfPeopleOnDifferentSidesOfAMeeting() {
        long expected = count("""
                MATCH (a:Person)-[ra:ATTENDED]->(m:Meeting)<-[rb:ATTENDED]-(b:Person)
                WHERE a.id < b.id AND ra.side <> rb.side
                RETURN count(*) AS n
                """);
        long met = count("MATCH (a:Person)-[r:MET]->(b:Person) WHERE a.id < b.id RETURN count(r) AS n");
        assertEquals(expected, met);
        assertEquals(14, met, "the cross-side encounters of the five articles");
        assertEquals(
                met, count("MATCH ()-[r:MET]->() RETURN count(r) AS n"), "every MET joins two people, lower id first");
        assertEquals(0, count("""
                MATCH (a)-[r:MET]->(b)
                WHERE NOT EXISTS { (a)-[:ATTENDED]->(:Meeting {id: r.meeting})<-[:ATTENDED]-(b) }
                RETURN count(r) AS n
                """));
    }

    @Test
    void noMetJoinsTwoPeopleOfOneSideAndEachRestsOnBothAttendances() {
        assertEquals(0, count("""
                MATCH (a)-[r:MET]->(b)
                MATCH (a)-[ra:ATTENDED]->(:Meeting {id: r.meeting})<-[rb:ATTENDED]-(b)
                WHERE ra.side = rb.side OR size(ra.evidence) = 0 OR size(rb.evidence) = 0
                RETURN count(r) AS n
                """));
        assertEquals(0, count("MATCH (:Country|Institution)-[r:ATTENDED|MET]-() RETURN count(r) AS n"));
        assertEquals(
                0,
                count("MATCH (:Person)-[r:ATTENDED]->() WHERE r.side IS NULL RETURN count(r) AS n"),
                "every bundled attendance states its side");
    }

    @Test
    void noRealMeetingPersonOrPlaceAppearsTwice() {
        assertEquals(0, count("""
                MATCH (a), (b)
                WHERE elementId(a) < elementId(b) AND (a:Person OR a:Place OR a:Meeting)
                  AND labels(a) = labels(b) AND toLower(coalesce(a.name, a.title)) = toLower(coalesce(b.name, b.title))
                RETURN count(*) AS n
                """));
    }

    private long count(String cypher) {
        return query(cypher).getFirst().get("n").asLong();
    }
}
