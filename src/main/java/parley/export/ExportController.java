package parley.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.api.BadParameterException;
import parley.api.Params;
import parley.errors.NotFoundException;
import parley.neo4j.Graph;

/**
 * The exports over HTTP, streamed: the filters are checked and an actor's network resolved first
 * (so a bad parameter is a 400 and an unknown id a 404), then a writer thread streams the file
 * from one read transaction through a bounded pipe ({@link StreamPipe}).
 */
@Controller("/api/export")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ExportController {

    private static final Logger LOG = LoggerFactory.getLogger(ExportController.class);

    private final Graph graph;

    ExportController(Graph graph) {
        this.graph = graph;
    }

    @Operation(
            summary = "GraphML of the graph or of a part (actor and depth 1-2, from/to dates, source):"
                    + " labels, ids, names, sides, dates and evidence counts as attributes.")
    @Get("/graph.graphml")
    @Produces("application/graphml+xml")
    StreamedFile graphml(
            @Nullable @QueryValue String actor,
            @Nullable @QueryValue Integer depth,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String source) {
        return export(Exporter.Format.GRAPHML, scope(actor, depth, from, to, source), null);
    }

    @Operation(
            summary = "JSON Lines of the facts of the graph or of a part, each node and relationship"
                    + " with the sources and verbatim sentences supporting it.")
    @Get("/facts.jsonl")
    @Produces("application/jsonl")
    StreamedFile jsonl(
            @Nullable @QueryValue String actor,
            @Nullable @QueryValue Integer depth,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String source) {
        return export(Exporter.Format.JSONL, scope(actor, depth, from, to, source), null);
    }

    @Operation(
            summary = "The nodes as CSV for neo4j-admin database import (id:ID, :LABEL, typed properties;"
                    + " arrays separated by U+001F).")
    @Get("/nodes.csv")
    @Produces("text/csv")
    StreamedFile nodesCsv(
            @Nullable @QueryValue String actor,
            @Nullable @QueryValue Integer depth,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String source) {
        return export(Exporter.Format.NODES_CSV, scope(actor, depth, from, to, source), null);
    }

    @Operation(
            summary = "The relationships of one type as CSV for neo4j-admin database import (:START_ID, :END_ID,"
                    + " :TYPE, typed properties); type is required, since a key may be a text on one type and a"
                    + " list on another.")
    @Get("/relationships.csv")
    @Produces("text/csv")
    StreamedFile relationshipsCsv(
            @QueryValue @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*") @Parameter(example = "MET") String type,
            @Nullable @QueryValue String actor,
            @Nullable @QueryValue Integer depth,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String source) {
        String t = Params.required("type", type, 100);
        if (!t.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new BadParameterException("type", "type must be a relationship type such as MET, was '" + t + "'");
        }
        return export(Exporter.Format.RELATIONSHIPS_CSV, scope(actor, depth, from, to, source), t);
    }

    @Operation(
            summary = "A zip of everything neo4j-admin database import needs: nodes.csv, one"
                    + " relationships-TYPE.csv per type and import.sh with the command.")
    @Get("/csv.zip")
    @Produces("application/zip")
    StreamedFile csvZip(
            @Nullable @QueryValue String actor,
            @Nullable @QueryValue Integer depth,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String source) {
        return export(Exporter.Format.CSV_ZIP, scope(actor, depth, from, to, source), null);
    }

    private ExportScope scope(
            @Nullable String actor,
            @Nullable Integer depth,
            @Nullable String from,
            @Nullable String to,
            @Nullable String source) {
        String actorId = Params.text("actor", actor, 200);
        int d = Params.between("depth", depth, 1, 1, 2);
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        Params.range(fromDate, toDate);
        String sourceId = Params.text("source", source, 200);
        ExportScope scope = new ExportScope(actorId, d, fromDate, toDate, sourceId, null);
        return graph.readStreaming(tx -> {
            if (sourceId != null && !Exporter.sourceExists(tx, sourceId)) {
                throw new NotFoundException("no source with id '" + sourceId + "'");
            }
            if (actorId == null) {
                return scope;
            }
            List<String> ids = Exporter.actorNetwork(tx, actorId, d);
            if (ids.isEmpty()) {
                throw new NotFoundException("no actor with id '" + actorId + "'");
            }
            return scope.withIds(ids);
        });
    }

    private StreamedFile export(Exporter.Format format, ExportScope scope, String relationshipType) {
        StreamPipe pipe = new StreamPipe();
        Thread.ofVirtual().name("export-" + format.fileName).start(() -> {
            long started = System.nanoTime();
            try {
                graph.readStreaming(tx -> {
                    try {
                        Exporter.write(format, tx, scope, relationshipType, pipe.out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                });
                pipe.out.close();
                LOG.info(
                        "Export {} of {} written in {} ms",
                        format.fileName,
                        scope.describe(),
                        (System.nanoTime() - started) / 1_000_000);
            } catch (IOException | RuntimeException e) {
                // The status line is already sent: the client sees the file end early.
                LOG.warn("Export {} of {} stopped: {}", format.fileName, scope.describe(), e.getMessage());
                pipe.fail(new IOException("The export stopped early: " + e.getMessage()));
            }
        });
        String name = scope.describe() + "-"
                + (relationshipType == null ? format.fileName : Exporter.relationshipsFile(relationshipType));
        return new StreamedFile(pipe.in, MediaType.of(format.mediaType)).attach(name);
    }
}
