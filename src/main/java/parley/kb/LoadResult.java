package parley.kb;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What loading (or deleting) one source did, or on a dry run would do. {@code nodesMerged} and
 * {@code relationshipsMerged} count the document's nodes and relationships that already existed
 * (another source, or an earlier load of this one) and were updated rather than created. {@code
 * changes} says exactly what changed, read from the graph before and after in the same
 * transaction; {@code version} is the number this load got in the source's version list (null
 * on a dry run, and when nothing was recorded because nothing was there to load or delete).
 */
@Serdeable
public record LoadResult(
        String source,
        boolean replaced,
        int entities,
        int facts,
        int relationships,
        int nodesCreated,
        int nodesMerged,
        int nodesDeleted,
        int relationshipsCreated,
        int relationshipsMerged,
        int relationshipsDeleted,
        long millis,
        boolean dryRun,
        @Nullable Integer version,
        GraphChange changes) {

    /** The same answer with the number of the version it was recorded as. */
    public LoadResult withVersion(Integer number) {
        return with(dryRun, number);
    }

    /** The same answer, marked as a dry run's (which records no version). */
    LoadResult asDryRun() {
        return with(true, null);
    }

    private LoadResult with(boolean dryRun, @Nullable Integer version) {
        return new LoadResult(
                source,
                replaced,
                entities,
                facts,
                relationships,
                nodesCreated,
                nodesMerged,
                nodesDeleted,
                relationshipsCreated,
                relationshipsMerged,
                relationshipsDeleted,
                millis,
                dryRun,
                version,
                changes);
    }
}
