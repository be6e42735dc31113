package parley.views;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import parley.api.MetWording;
import parley.api.Paging;
import parley.api.Params;
import parley.errors.NotFoundException;
import parley.neo4j.CypherScript;
import parley.neo4j.Graph;

/**
 * The JSON the timeline and network pages draw: each asks only for what it shows (a page of
 * meetings in a date range; one actor's network up to a limit).
 */
@Controller("/api/views")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ViewsController {

    static final String TIMELINE = withSide("views/timeline-meetings.cypher");
    static final String NETWORK = withSide("views/met-network.cypher");
    private static final int MAX_PEOPLE = 300;

    private final Graph graph;
    private final Lanes lanes;
    private final Clock clock = Clock.systemUTC();

    ViewsController(Graph graph, Lanes lanes) {
        this.graph = graph;
        this.lanes = lanes;
    }

    /** A query with the side expression of {@code views/side.cypher} put in for {@code ${side}}. */
    static String withSide(String name) {
        return CypherScript.read(name).replace("${side}", "(" + CypherScript.read("views/side.cypher") + "\n)");
    }

    @Operation(
            summary = "Meetings for the timeline, in date order (undated last), between two dates, with an actor or"
                    + " on a topic; each participant with the side it acts for and the lane that side is drawn in.")
    @Get("/timeline")
    Views.Timeline timeline(
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String actor,
            @Nullable @QueryValue String topic,
            @Nullable @QueryValue Integer limit,
            @Nullable @QueryValue Integer offset) {
        Paging paging = Paging.of(limit, offset);
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        Params.range(fromDate, toDate);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", fromDate);
        parameters.put("to", toDate);
        parameters.put("actor", Params.text("actor", actor, 200));
        parameters.put("topic", Params.text("topic", topic, 200));
        parameters.put("offset", paging.offset());
        parameters.put("limit", paging.limit());
        List<Record> records = graph.read(TIMELINE, parameters).records();
        List<Views.Meeting> items =
                records.stream().map(r -> meeting(r.get("meeting"))).toList();
        long total = records.isEmpty() ? 0 : records.getFirst().get("total").asLong();
        return new Views.Timeline(lanes.all(), total, paging.limit(), paging.offset(), items);
    }

    @Operation(
            summary = "The MET network of one actor for the network page: people within depth 1-2, each with its"
                    + " side and lane, and the meetings between any two of them.")
    @Get("/network/{id}")
    Views.Network network(
            @PathVariable String id, @Nullable @QueryValue Integer depth, @Nullable @QueryValue Integer limit) {
        int d = Params.between("depth", depth, 1, 1, 2);
        int max = Params.between("limit", limit, 100, 1, MAX_PEOPLE);
        List<Record> records =
                graph.read(NETWORK, Map.of("id", id, "depth", d, "limit", max)).records();
        if (records.isEmpty()) {
            throw new NotFoundException("no actor with id '" + id + "'");
        }
        Record r = records.getFirst();
        List<Views.Person> nodes = new ArrayList<>();
        for (Value n : r.get("nodes").values()) {
            nodes.add(new Views.Person(
                    n.get("id").asString(),
                    n.get("name").asString(n.get("id").asString()),
                    n.get("hops").asInt(),
                    n.get("side").isNull() ? null : n.get("side").asString(),
                    lanes.of(n.get("sideChain").asList(Value::asObject))));
        }
        Map<String, String> names = new HashMap<>();
        nodes.forEach(n -> names.put(n.id(), n.name()));
        LocalDate today = LocalDate.now(clock);
        Map<String, List<Views.MetAt>> byPair = new LinkedHashMap<>();
        for (Value e : r.get("edges").values()) {
            String a = e.get("from").asString();
            String b = e.get("to").asString();
            String first = a.compareTo(b) < 0 ? a : b;
            String second = first.equals(a) ? b : a;
            LocalDate date = e.get("date").isNull() ? null : e.get("date").asLocalDate();
            String status = text(e.get("status"));
            String place = text(e.get("place"));
            String precision = text(e.get("datePrecision"));
            byPair.computeIfAbsent(first + "\u0000" + second, k -> new ArrayList<>())
                    .add(new Views.MetAt(
                            e.get("meeting").asString(),
                            text(e.get("title")),
                            place,
                            date == null ? null : date.toString(),
                            precision,
                            status,
                            // The wording of /api/actors/{id}/met: "were to meet" once a planned date has passed.
                            MetWording.sentence(
                                    names.getOrDefault(first, first),
                                    names.getOrDefault(second, second),
                                    status == null ? "unknown" : status,
                                    place,
                                    date,
                                    precision,
                                    today)));
        }
        List<Views.Link> links = new ArrayList<>();
        byPair.forEach((key, meetings) -> {
            String[] ends = key.split("\u0000");
            links.add(new Views.Link(ends[0], ends[1], meetings));
        });
        long total = r.get("total").asLong();
        return new Views.Network(id, d, total, total > max, lanes.all(), nodes, links);
    }

    private Views.Meeting meeting(Value m) {
        List<Views.Participant> participants = new ArrayList<>();
        Set<String> meetingLanes = new LinkedHashSet<>();
        for (Value p : m.get("participants").values()) {
            String lane = lanes.of(p.get("sideChain").asList(Value::asObject));
            meetingLanes.add(lane);
            participants.add(new Views.Participant(
                    p.get("id").asString(),
                    p.get("name").asString(p.get("id").asString()),
                    text(p.get("role")),
                    p.get("party").asBoolean(),
                    text(p.get("side")),
                    lane));
        }
        List<String> ordered = lanes.all().stream()
                .map(Lanes.Lane::id)
                .filter(meetingLanes::contains)
                .toList();
        return new Views.Meeting(
                m.get("id").asString(),
                m.get("title").asString(m.get("id").asString()),
                m.get("date").isNull() ? null : m.get("date").asLocalDate().toString(),
                text(m.get("dateText")),
                text(m.get("datePrecision")),
                m.get("status").asString("unknown"),
                text(m.get("summary")),
                m.get("places").asList(Value::asString),
                m.get("topics")
                        .asList(t -> new Views.Topic(
                                t.get("id").asString(), t.get("name").asString())),
                m.get("sources").asList(Value::asString),
                participants,
                ordered);
    }

    private static String text(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }
}
