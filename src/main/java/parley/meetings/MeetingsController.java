package parley.meetings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import parley.api.KnownIds;
import parley.api.Page;
import parley.api.Paging;
import parley.api.Params;
import parley.api.Rows;
import parley.errors.NotFoundException;
import parley.neo4j.CypherScript;
import parley.neo4j.Graph;

@Controller("/api/meetings")
@ExecuteOn(TaskExecutors.BLOCKING)
final class MeetingsController {

    private static final String MEETINGS = CypherScript.read("queries/meetings.cypher");
    private static final String MEETING = CypherScript.read("queries/meeting.cypher");
    private static final Set<String> STATUSES = Set.of("planned", "held", "cancelled", "unknown");

    private final Graph graph;
    private final Rows rows;
    private final KnownIds ids;

    MeetingsController(Graph graph, Rows rows, KnownIds ids) {
        this.graph = graph;
        this.rows = rows;
        this.ids = ids;
    }

    /**
     * Meetings in date order (undated last), filtered by dates, place (or a place within it),
     * participant (a person who attended), party (a state or body party to it, or the side someone
     * attended for), status.
     */
    @Operation(
            summary = "Meetings in date order (undated last), filtered by dates, place (or a place within it),"
                    + " participant (a person who attended), party (a state or body that took part), status.")
    @ApiResponse(responseCode = "404", description = "An id given to a filter names nothing; the message names it")
    @Get
    Page<Meetings.Summary> list(
            @Nullable @QueryValue LocalDate from,
            @Nullable @QueryValue LocalDate to,
            @Nullable @QueryValue @Size(max = 200) String place,
            @Nullable @QueryValue @Size(max = 200) String participant,
            @Nullable @QueryValue @Size(max = 200) String party,
            @Nullable @QueryValue @Pattern(regexp = "planned|held|cancelled|unknown") String status,
            @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_LIMIT) Integer limit,
            @QueryValue(defaultValue = "0") @Min(0) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        LocalDate fromDate = from;
        LocalDate toDate = to;
        Params.range(fromDate, toDate);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", fromDate);
        parameters.put("to", toDate);
        parameters.put("place", Params.text("place", place, 200));
        parameters.put("participant", Params.text("participant", participant, 200));
        parameters.put("party", Params.text("party", party, 200));
        parameters.put("status", Params.oneOf("status", status, STATUSES));
        parameters.put("offset", paging.offset());
        parameters.put("limit", paging.limit());
        List<Record> records = graph.read(MEETINGS, parameters).records();
        if (records.isEmpty()) {
            ids.requireActor("participant", (String) parameters.get("participant"));
            ids.requirePlace("place", (String) parameters.get("place"));
            ids.requireActor("party", (String) parameters.get("party"));
        }
        return rows.page(records, paging, "meeting", Meetings.Summary.class);
    }

    /** One meeting: people with role and side, parties, place, date, status, topics, what it follows, each source's report. */
    @Operation(
            summary = "One meeting: people with role and side, the states and bodies party to it, place, date, status,"
                    + " topics, what it follows, and each source's report.")
    @Get("/{id}")
    Meetings.Detail one(@PathVariable String id) {
        List<Record> records = graph.read(MEETING, Map.of("id", id)).records();
        if (records.isEmpty()) {
            throw new NotFoundException("no meeting with id '" + id + "'");
        }
        Record r = records.getFirst();
        Value m = r.get("meeting");
        return new Meetings.Detail(
                m.get("id").asString(),
                m.get("title").asString(),
                m.get("summary").asString(),
                string(m.get("date")),
                string(m.get("dateText")),
                string(m.get("datePrecision")),
                m.get("status").asString(),
                rows.listOf(r.get("participants"), Meetings.Attendee.class),
                rows.listOf(r.get("parties"), Meetings.PartyDetail.class),
                rows.listOf(r.get("places"), Meetings.Place.class),
                rows.listOf(r.get("topics"), Meetings.Topic.class),
                rows.listOf(r.get("follows"), Meetings.Linked.class),
                rows.listOf(r.get("followedBy"), Meetings.Linked.class),
                rows.listOf(r.get("reports"), Meetings.Report.class));
    }

    private static String string(Value v) {
        Object plain = Rows.plain(v);
        return plain == null ? null : plain.toString();
    }
}
