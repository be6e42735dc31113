package parley.stats;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import parley.neo4j.Graph;

@Controller("/api/stats")
@ExecuteOn(TaskExecutors.BLOCKING)
final class StatsController {

    private final Graph graph;

    StatsController(Graph graph) {
        this.graph = graph;
    }

    @Operation(summary = "Node counts per label and relationship counts per type")
    @Get
    Stats stats() {
        Record r = graph.read(Stats.QUERY, Map.of()).records().getFirst();
        Map<String, Long> labels = counts(r.get("labels"));
        Map<String, Long> types = counts(r.get("types"));
        long relationships = types.values().stream().mapToLong(Long::longValue).sum();
        return new Stats(r.get("nodes").asLong(), relationships, labels, types);
    }

    private static Map<String, Long> counts(Value list) {
        Map<String, Long> counts = new TreeMap<>();
        list.values()
                .forEach(
                        v -> counts.put(v.get("name").asString(), v.get("count").asLong()));
        return counts;
    }
}
