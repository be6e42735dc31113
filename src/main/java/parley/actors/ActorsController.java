package parley.actors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import parley.api.MetWording;
import parley.api.Page;
import parley.api.Paging;
import parley.api.Params;
import parley.api.Ref;
import parley.api.Rows;
import parley.errors.NotFoundException;
import parley.neo4j.CypherScript;
import parley.neo4j.Graph;

@Controller("/api/actors")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ActorsController {

    private static final String ACTORS = CypherScript.read("queries/actors.cypher");
    private static final String ACTOR = CypherScript.read("queries/actor.cypher");
    private static final String MET = CypherScript.read("queries/actor-met.cypher");
    private static final String NETWORK = CypherScript.read("queries/actor-network.cypher");
    private static final Map<String, String> TYPES =
            Map.of("person", "Person", "institution", "Institution", "country", "Country");
    private static final int MAX_PATHS = 2000;

    /**
     * Items per list of a profile unless {@code limit} says otherwise: the busiest actor of a
     * large graph has thousands of meetings, and the profile's answer grew with every list (each
     * item with its sources' sentences); the links page the long lists.
     */
    static final int PROFILE_LIMIT = 10;

    private static final Set<String> MET_STATUSES = Set.of("held", "planned", "cancelled");

    private final Graph graph;
    private final Rows rows;
    private final ActorLookup actors;
    private final Clock clock = Clock.systemUTC();

    ActorsController(Graph graph, Rows rows, ActorLookup actors) {
        this.graph = graph;
        this.rows = rows;
        this.actors = actors;
    }

    /** Actors matching a name or any other spelling ({@code q}), of one {@code type}. */
    @Operation(summary = "Actors matching a name or any other spelling (q), of one type.")
    @Get
    Page<Actors.Summary> list(
            @Nullable @QueryValue @Size(max = 200) String q,
            @Nullable @QueryValue @Pattern(regexp = "person|institution|country") String type,
            @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_LIMIT) Integer limit,
            @QueryValue(defaultValue = "0") @Min(0) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        String label = Params.oneOf("type", type == null ? null : type.toLowerCase(), TYPES.keySet());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("q", Params.text("q", q, 200));
        parameters.put("type", label == null ? null : TYPES.get(label));
        parameters.put("offset", paging.offset());
        parameters.put("limit", paging.limit());
        List<Record> records = graph.read(ACTORS, parameters).records();
        return rows.page(records, paging, "actor", Actors.Summary.class);
    }

    /**
     * The profile: roles, relations, meetings, demands made and faced, positions, statements,
     * claims; each list holds its first {@code limit} items, {@code counts} how many there are,
     * {@code links} where the long ones continue.
     */
    @Operation(
            summary = "The profile: roles, relations, meetings, demands made and faced, positions, statements, claims;"
                    + " each list holds its first limit items (default " + PROFILE_LIMIT + "), counts says how many"
                    + " there are in all, links where the meetings, MET, statements and claims continue.")
    @Get("/{id}")
    Actors.Profile profile(
            @PathVariable String id,
            @QueryValue(defaultValue = "" + PROFILE_LIMIT) @Min(1) @Max(Paging.MAX_LIMIT) Integer limit) {
        int perList = Paging.of(limit, null).limit();
        Record r = one(graph.read(ACTOR, Map.of("id", id, "limit", perList)).records(), id);
        return new Actors.Profile(
                rows.as(r.get("actor"), Actors.Summary.class),
                rows.as(r.get("counts"), Actors.Counts.class),
                rows.listOf(r.get("roles"), Actors.Role.class),
                rows.listOf(r.get("relations"), Actors.Relation.class),
                rows.listOf(r.get("meetings"), Actors.MeetingAttended.class),
                rows.listOf(r.get("demandsMade"), Actors.DemandItem.class),
                rows.listOf(r.get("demandsFaced"), Actors.DemandItem.class),
                rows.listOf(r.get("positions"), Actors.Position.class),
                rows.listOf(r.get("statements"), Actors.StatementItem.class),
                rows.listOf(r.get("claims"), Actors.ClaimStance.class),
                links(id, r.get("actor").get("type").asString()));
    }

    /** Where the profile's long lists continue: the list endpoints filtered by this actor. */
    private static Actors.Links links(String id, String type) {
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8);
        boolean person = "Person".equals(type);
        return new Actors.Links(
                "/api/meetings?" + (person ? "participant=" : "party=") + encoded,
                person ? "/api/actors/" + encoded + "/met" : null,
                "/api/timeline?actor=" + encoded);
    }

    /**
     * Whom the person met or is to meet, where, when and in which meeting, in date order; each
     * item keeps its status and says it in words ({@code status} = held, planned or cancelled).
     */
    @Operation(
            summary =
                    "Whom the person met (held), is to meet (planned) or was to meet (cancelled): where, when, in which"
                            + " meeting, on which sides, in date order; status filters (default all).")
    @Get("/{id}/met")
    Page<Actors.Met> met(
            @PathVariable String id,
            @Nullable @QueryValue @Pattern(regexp = "held|planned|cancelled") String status,
            @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_LIMIT) Integer limit,
            @QueryValue(defaultValue = "0") @Min(0) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("status", Params.oneOf("status", status, MET_STATUSES));
        parameters.put("offset", paging.offset());
        parameters.put("limit", paging.limit());
        List<Record> records = graph.read(MET, parameters).records();
        if (records.isEmpty()) {
            actors.require(id);
        }
        LocalDate today = LocalDate.now(clock);
        List<Actors.Met> items = records.stream()
                .map(r -> {
                    Ref other = rows.as(r.get("other"), Ref.class);
                    LocalDate date =
                            r.get("date").isNull() ? null : r.get("date").asLocalDate();
                    String place = r.get("place").asString(null);
                    String precision = r.get("datePrecision").asString(null);
                    String metStatus = r.get("status").asString();
                    return new Actors.Met(
                            other,
                            rows.as(r.get("meeting"), Ref.class),
                            r.get("side").asString(null),
                            r.get("otherSide").asString(null),
                            place,
                            date == null ? null : date.toString(),
                            precision,
                            metStatus,
                            MetWording.sentence(
                                    r.get("name").asString(), other.name(), metStatus, place, date, precision, today),
                            rows.listOf(r.get("evidence"), parley.api.Evidence.class));
                })
                .toList();
        return new Page<>(
                records.isEmpty() ? 0 : records.getFirst().get("total").asLong(),
                paging.limit(),
                paging.offset(),
                items);
    }

    /** The ego network up to {@code depth} hops (1 to 3), as nodes and edges ready to draw. */
    @Operation(summary = "The ego network up to depth hops (1 to 3), as nodes and edges ready to draw.")
    @Get("/{id}/network")
    Actors.Network network(@PathVariable String id, @QueryValue(defaultValue = "1") @Min(1) @Max(3) Integer depth) {
        int d = Params.between("depth", depth, 1, 1, 3);
        Record r = one(
                graph.read(NETWORK, Map.of("id", id, "depth", d, "maxPaths", MAX_PATHS))
                        .records(),
                id);
        return new Actors.Network(
                id,
                d,
                r.get("pathCount").asInt() >= MAX_PATHS,
                rows.listOf(r.get("nodes"), Actors.Node.class),
                rows.listOf(r.get("edges"), Actors.Edge.class));
    }

    private static Record one(List<Record> records, String id) {
        if (records.isEmpty()) {
            throw new NotFoundException("no actor with id '" + id + "'");
        }
        return records.getFirst();
    }
}
