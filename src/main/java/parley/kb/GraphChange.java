package parley.kb;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import parley.api.Evidence;

/**
 * What one write did (or, on a dry run, would do) to the knowledge graph, read from the graph
 * itself before and after the write in the same transaction. Nodes are {@code created}, {@code
 * merged} (the document names a node that already existed: its existing name, the properties the
 * document changed, the evidence it added), {@code changed} (a node the document does not name
 * but whose evidence or properties changed, e.g. what a new version of a source takes back) or
 * {@code deleted}. Relationships likewise; a relationship that gained or lost evidence, or whose
 * properties changed, is {@code changed}. Derived {@code MET} relationships are listed too.
 */
@Serdeable
public record GraphChange(
        Summary summary,
        List<NodeChange> created,
        List<NodeChange> merged,
        List<NodeChange> changed,
        List<NodeChange> deleted,
        List<RelationshipChange> relationshipsCreated,
        List<RelationshipChange> relationshipsChanged,
        List<RelationshipChange> relationshipsDeleted) {

    /** How many of each; {@code evidenceAdded} and {@code evidenceRemoved} count sentences. */
    @Serdeable
    public record Summary(
            int nodesCreated,
            int nodesMerged,
            int nodesChanged,
            int nodesDeleted,
            int relationshipsCreated,
            int relationshipsChanged,
            int relationshipsDeleted,
            int evidenceAdded,
            int evidenceRemoved) {

        /** Whether the write changed anything at all. */
        public boolean isEmpty() {
            return nodesCreated
                            + nodesChanged
                            + nodesDeleted
                            + relationshipsCreated
                            + relationshipsChanged
                            + relationshipsDeleted
                            + evidenceAdded
                            + evidenceRemoved
                    == 0;
        }
    }

    /**
     * One node: its id, label and name (a fact's title or text where it has no name; for a
     * merged or deleted node the name it had before), the properties that changed, and the
     * sentences that sources now give for it or no longer give.
     */
    @Serdeable
    public record NodeChange(
            String id,
            String label,
            @Nullable String name,
            List<PropertyChange> properties,
            List<Evidence> evidenceAdded,
            List<Evidence> evidenceRemoved) {}

    /** One relationship, by its endpoints' ids; {@code meeting} for a derived MET. */
    @Serdeable
    public record RelationshipChange(
            String type,
            String from,
            String to,
            @Nullable String meeting,
            List<PropertyChange> properties,
            List<Evidence> evidenceAdded,
            List<Evidence> evidenceRemoved) {}

    /**
     * A property's value before and after, as text (lists as {@code [a, b]}, dates ISO, long
     * texts cut at 200 characters); null where it was or is not set.
     */
    @Serdeable
    public record PropertyChange(
            String property,
            @Nullable String before,
            @Nullable String after) {}
}
