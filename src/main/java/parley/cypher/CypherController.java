package parley.cypher;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import parley.api.BadParameterException;
import parley.errors.NotFoundException;

/** Cypher from clients: named queries by name, and ad-hoc read-only queries under guard. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class CypherController {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** An ad-hoc query and its parameters. */
    @Serdeable
    record CypherRequest(@Nullable String query, @Nullable Map<String, Object> params) {}

    /**
     * A named query as listed: no Cypher, just what it answers, what it takes, which parameters
     * it needs and the defaults of the others.
     */
    @Serdeable
    record QueryInfo(
            String name,
            String description,
            List<String> parameters,
            List<String> required,
            Map<String, @Nullable Object> defaults,
            String file) {}

    private final QueryCatalog catalog;
    private final CypherRunner runner;

    CypherController(QueryCatalog catalog, CypherRunner runner) {
        this.catalog = catalog;
        this.runner = runner;
    }

    /** Runs one read-only Cypher query: {@code {"query": "...", "params": {...}}}. */
    @Operation(summary = "Runs one read-only Cypher query: {\"query\": \"...\", \"params\": {...}}.")
    @ApiResponse(
            responseCode = "403",
            description = "Refused: a write, an administration command, LOAD CSV or a procedure not allowed")
    @ApiResponse(responseCode = "408", description = "Stopped at the time limit (parley.cypher.timeout)")
    @ApiResponse(responseCode = "413", description = "Parameters or body too large")
    @ApiResponse(responseCode = "422", description = "The database could not execute the query (memory, values)")
    @Post("/cypher")
    QueryResult cypher(@Body CypherRequest request) {
        if (request == null || request.query() == null) {
            throw new BadParameterException("query", "the body must be {\"query\": \"...\", \"params\": {...}}");
        }
        return runner.run(request.query(), request.params() == null ? Map.of() : request.params());
    }

    /** The named queries of {@code cypher/queries/}, with descriptions and parameters. */
    @Operation(summary = "The named queries of cypher/queries/, with descriptions and parameters.")
    @Get("/queries")
    List<QueryInfo> queries() {
        return catalog.all().stream()
                .map(q -> new QueryInfo(
                        q.name(),
                        q.description(),
                        q.parameters(),
                        q.required(),
                        q.defaults(),
                        "cypher/queries/" + q.name() + ".cypher"))
                .toList();
    }

    /**
     * Runs a named query with the JSON object of parameters: a missing one takes its default, a
     * missing required one is a 400 naming it; strings of the form YYYY-MM-DD are passed as dates.
     */
    @Operation(
            summary = "Runs a named query with a JSON object of parameters",
            description = "A missing parameter takes the default its file's header declares (GET /api/queries"
                    + " lists them); a missing required one is a 400 naming it. Strings of the form YYYY-MM-DD"
                    + " are passed as dates.")
    @ApiResponse(responseCode = "408", description = "Stopped at the time limit (parley.cypher.timeout)")
    @ApiResponse(responseCode = "413", description = "Parameters or body too large")
    @ApiResponse(responseCode = "422", description = "The database could not execute the query (memory, values)")
    @Post("/queries/{name}")
    QueryResult run(@PathVariable String name, @Nullable @Body Map<String, Object> params) {
        QueryCatalog.NamedQuery query = catalog.get(name)
                .orElseThrow(() -> new NotFoundException("no named query '" + name + "'; GET /api/queries lists them"));
        Map<String, Object> given = params == null ? Map.of() : params;
        List<String> unknown = new ArrayList<>(given.keySet());
        unknown.removeAll(query.parameters());
        if (!unknown.isEmpty()) {
            throw new BadParameterException(
                    unknown.getFirst(), "query '" + name + "' takes " + query.parameters() + ", not " + unknown);
        }
        for (String parameter : query.required()) {
            if (given.get(parameter) == null) {
                throw new BadParameterException(
                        parameter, "query '" + name + "' needs " + parameter + " (required: " + query.required() + ")");
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (String parameter : query.parameters()) {
            values.put(
                    parameter,
                    given.containsKey(parameter)
                            ? dates(given.get(parameter))
                            : query.defaults().get(parameter));
        }
        return runner.run(query.cypher(), values);
    }

    private static Object dates(Object value) {
        if (value instanceof String s && ISO_DATE.matcher(s).matches()) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                return s;
            }
        }
        return value;
    }
}
