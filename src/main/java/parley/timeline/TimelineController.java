package parley.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import parley.api.Evidence;
import parley.api.KnownIds;
import parley.api.Page;
import parley.api.Paging;
import parley.api.Params;
import parley.api.Rows;
import parley.neo4j.CypherScript;
import parley.neo4j.Graph;

@Controller("/api/timeline")
@ExecuteOn(TaskExecutors.BLOCKING)
final class TimelineController {

    private static final String TIMELINE = CypherScript.read("queries/timeline.cypher");

    /**
     * One dated item: a meeting, event, statement or claim, with the actors in it and its sources.
     * {@code dateSource} is {@code stated} where the item has a date of its own, {@code published}
     * where a statement or claim stands on the publication date of its first source.
     */
    @Serdeable
    record Item(
            String kind,
            String id,
            @Schema(format = "date") String date,
            String dateSource,
            @Nullable String datePrecision,
            @Nullable String text,
            @Nullable String status,
            List<String> actors,
            List<Evidence> evidence) {}

    /**
     * How many items past the page's end the total counts: a million dated items cost more to
     * count than the rest of the request (docs/benchmarks-notes.md, round 4).
     */
    static final int COUNT_PAST_PAGE = 1000;

    /**
     * One page of the timeline: {@code total} counts the items up to {@code offset + limit +}
     * {@value #COUNT_PAST_PAGE} ({@code more} is true when there are more than that; with {@code
     * actor} the total is always exact).
     */
    @Serdeable
    record TimelinePage(long total, boolean more, int limit, int offset, List<Item> items) {}

    private final Graph graph;
    private final Rows rows;
    private final KnownIds ids;

    TimelineController(Graph graph, Rows rows, KnownIds ids) {
        this.graph = graph;
        this.rows = rows;
        this.ids = ids;
    }

    /**
     * Meetings, events, statements and claims between two dates, involving an actor; statements and
     * claims without a date of their own on their source's publication date; undated meetings and
     * events are left out.
     */
    @Operation(
            summary = "Meetings, events, statements and claims in date order, between two dates, involving an actor;"
                    + " statements and claims without a date of their own on their source's publication date"
                    + " (dateSource: published); undated meetings and events are left out.",
            description = "total counts the items up to offset + limit + " + COUNT_PAST_PAGE
                    + "; more is true when there are more than that (the total then stops there). With actor the"
                    + " total is exact and more is false.")
    @ApiResponse(responseCode = "404", description = "An id given to a filter names nothing; the message names it")
    @Get
    TimelinePage timeline(
            @Nullable @QueryValue LocalDate from,
            @Nullable @QueryValue LocalDate to,
            @Nullable @QueryValue @Size(max = 200) String actor,
            @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_LIMIT) Integer limit,
            @QueryValue(defaultValue = "0") @Min(0) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        LocalDate fromDate = from;
        LocalDate toDate = to;
        Params.range(fromDate, toDate);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", fromDate);
        parameters.put("to", toDate);
        parameters.put("actor", Params.text("actor", actor, 200));
        parameters.put("offset", paging.offset());
        parameters.put("limit", paging.limit());
        parameters.put("cap", COUNT_PAST_PAGE);
        List<Record> records = graph.read(TIMELINE, parameters).records();
        if (records.isEmpty()) {
            ids.requireActor("actor", (String) parameters.get("actor"));
        }
        Page<Item> page = rows.page(records, paging, "item", Item.class);
        boolean more = !records.isEmpty() && records.getFirst().get("more").asBoolean();
        return new TimelinePage(page.total(), more, page.limit(), page.offset(), page.items());
    }
}
