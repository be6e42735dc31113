package parley.kb;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Ingestion: one source document in, through the same validator and loader as the bundled ones. */
@Controller("/api/documents")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DocumentsController {

    private final KbLoader loader;
    private final BundledDocuments bundled;
    private final WriteAccess access;

    DocumentsController(KbLoader loader, BundledDocuments bundled, WriteAccess access) {
        this.loader = loader;
        this.bundled = bundled;
        this.access = access;
    }

    /**
     * Loads a document: 201 with what it changed, 400 with every problem, 401 without the token.
     * With {@code dryRun=true}: 200 with what it would change, nothing written.
     */
    @Operation(
            summary = "Loads a document: 201 with what it changed (with dryRun=true: 200 with what it would change,"
                    + " nothing written), 400 with every problem, 401 without the token.")
    @SecurityRequirement(name = "apiToken")
    @ApiResponse(responseCode = "201", description = "Loaded: what it changed, and the version recorded")
    @ApiResponse(responseCode = "200", description = "dryRun=true: what loading it would change; nothing written")
    @ApiResponse(responseCode = "413", description = "The body is larger than micronaut.server.max-request-size")
    @RequestBody(
            required = true,
            description = "One source document (GET /api/documents/schema); the example is the README's excerpt",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(name = "SourceDocument", ref = DocumentParser.SCHEMA_RESOURCE),
                            examples =
                                    @ExampleObject(
                                            name = "excerpt",
                                            summary = "An excerpt of article-004 with one meeting",
                                            externalValue = "kb/example-document.json")))
    @Post
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    HttpResponse<LoadResult> load(
            HttpRequest<?> request, @Nullable @QueryValue Boolean dryRun, @Nullable @Body byte[] body) {
        access.check(request);
        if (Boolean.TRUE.equals(dryRun)) {
            return HttpResponse.ok(loader.dryRun(body));
        }
        return HttpResponse.created(loader.load(body));
    }

    /** Loads the bundled documents again (after editing them, or to repair a hand-changed graph). */
    @Operation(summary = "Loads the bundled documents again (after editing them, or to repair a hand-changed graph).")
    @SecurityRequirement(name = "apiToken")
    @Post("/reload")
    List<LoadResult> reload(HttpRequest<?> request) {
        access.check(request);
        return bundled.reload();
    }

    /** The JSON Schema a source document follows. */
    @Operation(summary = "The JSON Schema a source document follows.")
    @Get(value = "/schema", produces = MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    String schema() {
        return new String(BundledDocuments.read(DocumentParser.SCHEMA_RESOURCE), StandardCharsets.UTF_8);
    }
}
