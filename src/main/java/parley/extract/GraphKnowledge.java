package parley.extract;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import parley.neo4j.CypherScript;
import parley.neo4j.Graph;

/** {@link KnownGraph} read from the service's graph, through read transactions. */
@Singleton
final class GraphKnowledge implements KnownGraph {

    private static final String KNOWN_ENTITIES = CypherScript.read("extract/known-entities.cypher");
    private static final String MEETINGS_ON_DATES = CypherScript.read("extract/meetings-on-dates.cypher");

    private final Graph graph;

    GraphKnowledge(Graph graph) {
        this.graph = graph;
    }

    @Override
    public List<KnownEntity> entities() {
        return graph.read(KNOWN_ENTITIES, Map.of()).records().stream()
                .map(r -> new KnownEntity(
                        r.get("id").asString(),
                        r.get("label").asString(),
                        r.get("name").asString(""),
                        r.get("aliases").asList(Value::asString)))
                .toList();
    }

    @Override
    public List<KnownMeeting> meetingsOn(List<String> dates) {
        if (dates.isEmpty()) {
            return List.of();
        }
        return graph.read(MEETINGS_ON_DATES, Map.of("dates", dates)).records().stream()
                .map(r -> new KnownMeeting(
                        r.get("id").asString(),
                        r.get("date").asString(),
                        r.get("places").asList(Value::asString),
                        r.get("participants").asList(Value::asString)))
                .toList();
    }
}
