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
