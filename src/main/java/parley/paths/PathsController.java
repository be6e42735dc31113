package parley.paths;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import parley.actors.ActorLookup;
import parley.api.Evidence;
import parley.api.MetWording;
import parley.api.Params;
import parley.api.Ref;
import parley.neo4j.CypherScript;
import parley.neo4j.Graph;

@Controller("/api/paths")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PathsController {

    private static final String PATHS = CypherScript.read("queries/paths.cypher");

    @Serdeable
    record Paths(String from, String to, int maxHops, List<Path> paths) {}

    @Serdeable
    record Path(int length, List<Hop> hops) {}

    /**
     * One step of a path, read from {@code from} to {@code to}; {@code explanation} says what links
     * them, {@code meeting} names the meeting of a MET hop, {@code evidence} the sentences behind it.
     */
    @Serdeable
    record Hop(
            Ref from,
            Ref to,
            String type,
            String explanation,
            @Nullable String meeting,
            List<Evidence> evidence) {}

    private final Graph graph;
    private final ActorLookup actors;

    PathsController(Graph graph, ActorLookup actors) {
        this.graph = graph;
        this.actors = actors;
    }

    /** The shortest connections between two actors, at most {@code maxHops} (1 to 6, default 4) relationships long. */
    @Operation(
            summary =
                    "The shortest connections between two actors, at most maxHops (1 to 6, default 4) relationships long.")
    @Get
    Paths paths(
            @QueryValue @NotBlank @Size(max = 200) @Parameter(description = "actor id", example = "kirill-dmitriev")
                    String from,
            @QueryValue @NotBlank @Size(max = 200) @Parameter(description = "actor id", example = "volodymyr-zelensky")
                    String to,
            @QueryValue(defaultValue = "4") @Min(1) @Max(6) Integer maxHops) {
        String a = Params.required("from", from, 200);
        String b = Params.required("to", to, 200);
        int hops = Params.between("maxHops", maxHops, 4, 1, 6);
        List<Record> records =
                graph.read(PATHS, Map.of("from", a, "to", b, "maxHops", hops)).records();
        if (records.isEmpty()) {
            // No path, or an id that names no actor: only then is it worth two more round trips.
            actors.require(a);
            actors.require(b);
        }
        LocalDate today = LocalDate.now(Clock.systemUTC());
        List<Path> paths = new ArrayList<>();
        for (Record r : records) {
            List<Value> nodes = r.get("nodes").asList(v -> v);
            List<Value> rels = r.get("relationships").asList(v -> v);
            List<Hop> steps = new ArrayList<>();
            for (int i = 0; i < rels.size(); i++) {
                steps.add(hop(ref(nodes.get(i)), ref(nodes.get(i + 1)), rels.get(i), today));
            }
            paths.add(new Path(steps.size(), steps));
        }
        return new Paths(a, b, hops, paths);
    }

    private static Ref ref(Value node) {
        return new Ref(
                node.get("id").asString(),
                node.get("label").asString(),
                node.get("name").asString(null));
    }

    private static Hop hop(Ref from, Ref to, Value rel, LocalDate today) {
        String type = rel.get("type").asString();
        Value p = rel.get("properties");
        boolean forward = rel.get("start").asString().equals(from.id());
        Ref start = forward ? from : to;
        Ref end = forward ? to : from;
        String meeting = p.get("meeting").isNull() ? null : p.get("meeting").asString();
        String explanation =
                switch (type) {
                    case "MET" ->
                        MetWording.sentence(
                                        start.name(),
                                        end.name(),
                                        p.get("status").asString("unknown"),
                                        p.get("place").asString(null),
                                        p.get("date").isNull()
                                                ? null
                                                : p.get("date").asLocalDate(),
                                        p.get("datePrecision").asString(null),
                                        today)
                                + " (meeting " + meeting + ", "
                                + p.get("status").asString("unknown") + ")";
                    case "ATTENDED" ->
                        start.name() + " attended " + end.name() + " as "
                                + p.get("role").asString("participant")
                                + (p.get("side").isNull()
                                        ? ""
                                        : " for " + p.get("side").asString());
                    case "PARTY_TO" -> start.name() + " was party to " + end.name();
                    case "HOLDS_ROLE" ->
                        start.name() + " is " + p.get("title").asString("office-holder") + " of " + end.name();
                    case "RELATIVE_OF" ->
                        start.name() + " is the " + p.get("relation").asString("relative") + " of " + end.name();
                    case "ADVISES" ->
                        start.name() + " advises " + end.name()
                                + (p.get("title").isNull()
                                        ? ""
                                        : " as " + p.get("title").asString());
                    default -> start.name() + " " + type.toLowerCase().replace('_', ' ') + " " + end.name();
                };
        List<Evidence> evidence = "MET".equals(type)
                ? rel.get("attended")
                        .asList(v -> new Evidence(
                                v.get("source").asString(), v.get("sentence").asString()))
                : evidence(p);
        return new Hop(from, to, type, explanation, meeting, evidence);
    }

    private static List<Evidence> evidence(Value p) {
        if (p.get("evidence").isNull() || p.get("evidenceSources").isNull()) {
            return List.of();
        }
        List<String> sentences = p.get("evidence").asList(Value::asString);
        List<String> sources = p.get("evidenceSources").asList(Value::asString);
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            evidence.add(new Evidence(sources.get(i), sentences.get(i)));
        }
        return evidence;
    }
}
