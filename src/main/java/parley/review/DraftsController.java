package parley.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import parley.api.Page;
import parley.api.Paging;
import parley.kb.LoadResult;
import parley.kb.WriteAccess;

/** Drafts under review: proposed items a person accepts, rejects or edits before any is published. */
@Controller("/api/drafts")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DraftsController {

    private final DraftDesk desk;
    private final WriteAccess access;

    DraftsController(DraftDesk desk, WriteAccess access) {
        this.desk = desk;
        this.access = access;
    }

    @Operation(summary = "The drafts, most recently changed first, with how many items are accepted, rejected, pending")
    @Get
    Page<Drafts.Summary> list(@Nullable @QueryValue Integer limit, @Nullable @QueryValue Integer offset) {
        Paging paging = Paging.of(limit, offset);
        List<Drafts.Summary> all = desk.list();
        int from = Math.min(all.size(), paging.offset());
        int to = Math.min(all.size(), from + paging.limit());
        return new Page<>(all.size(), paging.limit(), paging.offset(), all.subList(from, to));
    }

    @Operation(
            summary = "Stores a new draft (token required): from an article {source: {title, published, …}, text},"
                    + " read by the extractor (503 while none is installed), or from a source document")
    @SecurityRequirement(name = "apiToken")
    @Post
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    HttpResponse<Drafts.Detail> create(HttpRequest<?> request, @Nullable @Body byte[] body) {
        access.check(request);
        return HttpResponse.created(desk.create(body));
    }

    @Operation(
            summary = "One draft: every item with confidence, rule, review state and evidence spans, and what"
                    + " publishing the accepted items would change now")
    @Get("/{id}")
    Drafts.Detail one(@PathVariable String id) {
        return desk.get(id);
    }

    @Operation(summary = "Accepts, rejects, edits or relinks items of a draft (token required)")
    @SecurityRequirement(name = "apiToken")
    @Post("/{id}/review")
    Drafts.Detail review(HttpRequest<?> request, @PathVariable String id, @Body Drafts.Review review) {
        access.check(request);
        return desk.review(id, review);
    }

    @Operation(
            summary = "Loads the accepted items in one transaction (token required): 201 with what changed, 422 with"
                    + " every problem")
    @SecurityRequirement(name = "apiToken")
    @Post("/{id}/publish")
    HttpResponse<LoadResult> publish(HttpRequest<?> request, @PathVariable String id) {
        access.check(request);
        return HttpResponse.created(desk.publish(id));
    }

    @Operation(summary = "Discards a draft (token required); what it published stays in the graph")
    @SecurityRequirement(name = "apiToken")
    @Delete("/{id}")
    HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable String id) {
        access.check(request);
        desk.delete(id);
        return HttpResponse.noContent();
    }
}
