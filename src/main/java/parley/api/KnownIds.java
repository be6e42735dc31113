package parley.api;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Map;
import parley.errors.NotFoundException;
import parley.neo4j.Graph;

/**
 * Filters that take an id ({@code participant}, {@code actor}, {@code place}) answer 404 naming the
 * parameter and the id when it names nothing, rather than an empty page that looks like "no
 * matches". Asked only when a filtered list came back empty, so a good id costs nothing more.
 */
@Singleton
public final class KnownIds {

    private final Graph graph;

    KnownIds(Graph graph) {
        this.graph = graph;
    }

    /** 404 unless {@code id} (when given) is an actor's id. */
    public void requireActor(String parameter, @Nullable String id) {
        require(parameter, id, "MATCH (x:Actor {id: $id}) RETURN count(x) > 0 AS exists", "actor");
    }

    /** 404 unless {@code id} (when given) is a place's or a country's id. */
    public void requirePlace(String parameter, @Nullable String id) {
        require(
                parameter,
                id,
                "OPTIONAL MATCH (p:Place {id: $id}) OPTIONAL MATCH (c:Country {id: $id})"
                        + " RETURN p IS NOT NULL OR c IS NOT NULL AS exists",
                "place or country");
    }

    private void require(String parameter, @Nullable String id, String cypher, String what) {
        if (id == null) {
            return;
        }
        boolean exists = graph.read(cypher, Map.of("id", id))
                .records()
                .getFirst()
                .get("exists")
                .asBoolean();
        if (!exists) {
            throw new NotFoundException(parameter + ": no " + what + " with id '" + id
                    + "' (filters take ids, as /api/search and /api/actors?q= find them)");
        }
    }
}
