package parley.topics;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import parley.api.Page;
import parley.api.Paging;
import parley.api.Rows;
import parley.errors.NotFoundException;
import parley.neo4j.CypherScript;
import parley.neo4j.Graph;

@Controller("/api/topics")
@ExecuteOn(TaskExecutors.BLOCKING)
final class TopicsController {

    private static final String TOPICS = CypherScript.read("queries/topics.cypher");
    private static final String POSITIONS = CypherScript.read("queries/topic-positions.cypher");

    private final Graph graph;
    private final Rows rows;

    TopicsController(Graph graph, Rows rows) {
        this.graph = graph;
        this.rows = rows;
    }

    /** The issues under negotiation, most discussed first. */
    @Operation(summary = "The issues under negotiation, most discussed first.")
    @Get
    Page<Topics.Summary> list(
            @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_LIMIT) Integer limit,
            @QueryValue(defaultValue = "0") @Min(0) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        List<Record> records = graph.read(TOPICS, Map.of("offset", paging.offset(), "limit", paging.limit()))
                .records();
        return rows.page(records, paging, "topic", Topics.Summary.class);
    }

    /** Who demands, supports or opposes what on one issue, with conditions and sources. */
    @Operation(summary = "Who demands, supports or opposes what on one issue, with conditions and sources.")
    @Get("/{id}/positions")
    Topics.Positions positions(@PathVariable String id) {
        List<Record> records = graph.read(POSITIONS, Map.of("id", id)).records();
        if (records.isEmpty()) {
            throw new NotFoundException("no topic with id '" + id + "'");
        }
        Record r = records.getFirst();
        Topics.TopicRef topic = rows.as(r.get("topic"), Topics.TopicRef.class);
        List<Topics.Demand> demands = rows.listOf(r.get("demands"), Topics.Demand.class);
        List<Topics.Position> positions = rows.listOf(r.get("positions"), Topics.Position.class);
        List<Topics.Plan> plans = rows.listOf(r.get("plans"), Topics.Plan.class);
        return new Topics.Positions(topic, demands, positions, plans);
    }
}
