package parley.stats;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.EagerResult;
import parley.neo4j.CypherScript;
import parley.neo4j.Graph;

@Controller("/api/stats")
@ExecuteOn(TaskExecutors.BLOCKING)
final class StatsController {

    private static final String NODE_COUNTS = CypherScript.read("queries/node-counts.cypher");
    private static final String RELATIONSHIP_COUNTS = CypherScript.read("queries/relationship-counts.cypher");
    private static final String NODE_TOTAL = CypherScript.read("queries/node-total.cypher");

    private final Graph graph;

    StatsController(Graph graph) {
        this.graph = graph;
    }

    @Operation(summary = "Node counts per label and relationship counts per type")
    @Get
    Stats stats() {
        Map<String, Long> labels = counts(graph.read(NODE_COUNTS, Map.of()), "label");
        Map<String, Long> types = counts(graph.read(RELATIONSHIP_COUNTS, Map.of()), "type");
        long nodes = graph.read(NODE_TOTAL, Map.of())
                .records()
                .getFirst()
                .get("count")
                .asLong();
        long relationships = types.values().stream().mapToLong(Long::longValue).sum();
        return new Stats(nodes, relationships, labels, types);
    }

    private static Map<String, Long> counts(EagerResult result, String key) {
        Map<String, Long> counts = new TreeMap<>();
        result.records()
                .forEach(r -> counts.put(r.get(key).asString(), r.get("count").asLong()));
        return counts;
    }
}
