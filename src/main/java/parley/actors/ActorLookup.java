package parley.actors;

import jakarta.inject.Singleton;
import java.util.Map;
import parley.errors.NotFoundException;
import parley.neo4j.Graph;

/** Whether an id names an actor; a 404 for the ones that do not. */
@Singleton
public final class ActorLookup {

    private final Graph graph;

    ActorLookup(Graph graph) {
        this.graph = graph;
    }

    /** Throws {@link NotFoundException} unless an actor has this id. */
    public void require(String id) {
        boolean exists = graph.read("MATCH (a:Actor {id: $id}) RETURN count(a) > 0 AS exists", Map.of("id", id))
                .records()
                .getFirst()
                .get("exists")
                .asBoolean();
        if (!exists) {
            throw new NotFoundException("no actor with id '" + id + "'");
        }
    }
}
