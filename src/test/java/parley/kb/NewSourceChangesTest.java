package parley.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parley.SharedNeo4j;
import parley.neo4j.Graph;
import tools.jackson.databind.node.ObjectNode;

/**
 * A load of a new source reads only what it can change ({@link ChangeReader#readForNewSource});
 * its {@code changes} must be exactly what the full reading ({@link ChangeReader#read}) gives.
 * Each bundled article is loaded again as a new source, so it names busy nodes the graph already
 * holds (its people, places and meetings, reported by another source too): the case where a
 * shortcut could miss a change. The reading after the write is also taken as the loader takes it
 * ({@link ChangeReader#readAfterNewSource}, from the element ids the write returned). All readings
 * run in one transaction, which is rolled back.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewSourceChangesTest implements SharedNeo4j {

    @Inject
    Graph graph;

    @Inject
    KbLoader loader;

    @Inject
    DocumentValidator validator;

    private record Changes(GraphChange full, GraphChange newSource, GraphChange fromWrites) {}

    private static final class RolledBack extends RuntimeException {
        final transient Changes changes;

        RolledBack(Changes changes) {
            super(null, null, false, false);
            this.changes = changes;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"article-000", "article-001", "article-002", "article-003", "article-004"})
    void theNewSourceReadingGivesWhatTheFullReadingGives(String article) {
        ObjectNode doc = TestDocuments.bundled(article);
        ((ObjectNode) doc.get("source")).put("id", "test-again-" + article);
        ParsedDocument parsed =
                loader.parse(TestDocuments.JSON.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8));
        KbDocument document = parsed.document();
        String source = parsed.source();

        Changes changes;
        try {
            graph.writeTransaction(tx -> {
                // As KbLoader validates: the look-up's element ids go to the reading before.
                ChangeReader.KnownNodes known = ChangeReader.KnownNodes.none();
                Map<String, String> labels = validator.validate(document, ids -> {
                    known.asked().addAll(ids);
                    return DocumentValidator.labelsInGraph(ids, tx, known.elementIds());
                });
                Set<String> named = KbLoader.named(document);
                KbLoader.Plan plan = KbLoader.plan(document, labels, parsed.contentHash());
                ChangeReader.State fullBefore = ChangeReader.read(tx, source, named);
                ChangeReader.State newBefore = ChangeReader.readForNewSource(
                        tx, source, named, known, document.relationships(), plan.meetings());
                KbLoader.Counts counts = new KbLoader.Counts();
                KbLoader.apply(tx, plan, KbLoader.DEFAULT_BATCH_SIZE, counts);
                Set<String> fullIds = new HashSet<>(named);
                fullIds.addAll(fullBefore.nodes().keySet());
                Set<String> newIds = new HashSet<>(named);
                newIds.addAll(newBefore.nodes().keySet());
                ChangeReader.State fullAfter = ChangeReader.read(tx, source, fullIds);
                // With nothing known, every id is looked up by nodes-by-id.cypher.
                ChangeReader.State newAfter = ChangeReader.readForNewSource(
                        tx, source, newIds, ChangeReader.KnownNodes.none(), document.relationships(), plan.meetings());
                // What KbLoader reads after a new source's write: by the element ids it returned.
                ChangeReader.State fromWrites = ChangeReader.readAfterNewSource(
                        tx, source, newIds, counts.elementIds, counts.relationshipElementIds, plan.meetings());
                throw new RolledBack(new Changes(
                        ChangeReader.compare(fullBefore, fullAfter, named),
                        ChangeReader.compare(newBefore, newAfter, named),
                        ChangeReader.compare(newBefore, fromWrites, named)));
            });
            throw new AssertionError("the transaction was meant to be rolled back");
        } catch (RolledBack r) {
            changes = r.changes;
        }

        assertEquals(changes.full(), changes.newSource(), article + " loaded again as a new source");
        assertEquals(
                changes.full(),
                changes.fromWrites(),
                article + " loaded again as a new source, read back by the element ids the write returned");
        // Not a vacuous comparison: the load merges into existing nodes and relationships and adds
        // its evidence to them; and no node already there is reported as created.
        assertNotEquals(
                0,
                changes.full().summary().nodesMerged(),
                changes.full().summary().toString());
        assertFalse(
                changes.full().relationshipsChanged().isEmpty(),
                changes.full().summary().toString());
        assertEquals(
                List.of(source),
                changes.full().created().stream()
                        .map(GraphChange.NodeChange::id)
                        .toList(),
                "only the new Source node is created");
        // Rolled back: the graph holds no trace of the test source.
        assertEquals(
                List.of(),
                graph.read("MATCH (s:Source {id: $id}) RETURN s.id AS id", Map.of("id", source))
                        .records());
    }
}
