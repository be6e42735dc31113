package parley.kb;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.EagerResult;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import parley.api.Page;
import parley.api.Paging;
import parley.errors.NotFoundException;
import parley.neo4j.CypherScript;
import parley.neo4j.Graph;

/** The articles behind the graph, and what each of them supports. */
@Controller("/api/sources")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SourcesController {

    private static final String SOURCES = CypherScript.read("queries/sources.cypher");
    private static final String SOURCE = CypherScript.read("queries/source.cypher");

    private final Graph graph;
    private final KbLoader loader;
    private final SourceVersions versions;
    private final WriteAccess access;

    SourcesController(Graph graph, KbLoader loader, SourceVersions versions, WriteAccess access) {
        this.graph = graph;
        this.loader = loader;
        this.versions = versions;
        this.access = access;
    }

    @Operation(
            summary = "Takes back everything this source alone supported and removes it (token required): what it"
                    + " changed; with dryRun=true what it would change, nothing written")
    @SecurityRequirement(name = "apiToken")
    @Delete("/{id}")
    LoadResult delete(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue Boolean dryRun) {
        access.check(request);
        return loader.delete(id, Boolean.TRUE.equals(dryRun));
    }

    @Operation(summary = "Every recorded load and delete of a source: number, time, content hash, what it changed")
    @Get("/{id}/versions")
    Sources.Versions versions(@PathVariable String id) {
        List<SourceVersion> list = versions.of(id);
        if (list.isEmpty()
                && graph.read("MATCH (s:Source {id: $id}) RETURN s.id", Map.of("id", id))
                        .records()
                        .isEmpty()) {
            throw new NotFoundException("no source with id '" + id + "' and no recorded version of one");
        }
        return new Sources.Versions(id, list);
    }

    @Operation(summary = "The articles the graph is built from, newest first")
    @Get
    Page<Sources.Summary> list(
            @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_LIMIT) Integer limit,
            @QueryValue(defaultValue = "0") @Min(0) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        EagerResult result = graph.read(SOURCES, Map.of("limit", paging.limit(), "offset", paging.offset()));
        long total = result.records().isEmpty()
                ? countSources()
                : result.records().getFirst().get("total").asLong();
        List<Sources.Summary> items =
                result.records().stream().map(r -> summary(r.get("source"))).toList();
        return new Page<>(total, paging.limit(), paging.offset(), items);
    }

    @Operation(summary = "One article with every fact it supports and the sentence(s) each rests on")
    @Get("/{id}")
    Sources.Detail one(@PathVariable String id) {
        List<Record> records = graph.read(SOURCE, Map.of("id", id)).records();
        if (records.isEmpty()) {
            throw new NotFoundException("no source with id '" + id + "'");
        }
        Record r = records.getFirst();
        return new Sources.Detail(
                summary(r.get("source")),
                r.get("facts").asList(SourcesController::item),
                r.get("entities").asList(SourcesController::item),
                r.get("relationships")
                        .asList(v -> new Sources.Support(
                                v.get("type").asString(),
                                v.get("from").asString(),
                                v.get("to").asString(),
                                v.get("evidence").asList(Value::asString))));
    }

    private long countSources() {
        return graph.read("MATCH (s:Source) RETURN count(s) AS n", Map.of())
                .records()
                .getFirst()
                .get("n")
                .asLong();
    }

    private static Sources.Summary summary(Value s) {
        return new Sources.Summary(
                s.get("id").asString(),
                s.get("title").asString(),
                s.get("published").asLocalDate(),
                s.get("file").asString(),
                nullable(s.get("publisher")),
                nullable(s.get("author")),
                s.get("facts").asLong(),
                s.get("entities").asLong());
    }

    private static Sources.Item item(Value v) {
        return new Sources.Item(
                v.get("id").asString(),
                v.get("label").asString(),
                nullable(v.get("text")),
                v.get("evidence").asList(Value::asString));
    }

    private static String nullable(Value v) {
        return v.isNull() ? null : v.asString();
    }
}
