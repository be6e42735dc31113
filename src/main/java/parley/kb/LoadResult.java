package parley.kb;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What loading one document did. {@code nodesMerged} and {@code relationshipsMerged} count the
 * document's nodes and relationships that already existed (another source, or an earlier load of
 * this one) and were updated rather than created.
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
        long millis) {}
