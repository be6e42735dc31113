package parley.extract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import parley.kb.WriteAccess;

/**
 * {@code POST /api/extract}: an article in, a draft source document out. Nothing is written to
 * the graph; the draft goes to a person for review. The answer's headers say whether this call
 * loaded the models and how long loading and extraction took.
 */
@Controller("/api/extract")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ExtractController {

    static final String MODELS_LOADED = "X-Parley-Models-Loaded";

    private final CoreNlpExtractor extractor;
    private final WriteAccess access;

    ExtractController(CoreNlpExtractor extractor, WriteAccess access) {
        this.extractor = extractor;
        this.access = access;
    }

    /** Reads an article and answers its draft document (token required). */
    @Operation(
            summary = "Reads an article ({source: {id?, title, published, publisher?, url?}, text}) and answers a"
                    + " draft source document, every item with its sentence, confidence and rule; writes nothing"
                    + " (token required). The first call loads the language models (about a minute).")
    @SecurityRequirement(name = "apiToken")
    @Post(produces = MediaType.APPLICATION_JSON)
    HttpResponse<byte[]> extract(HttpRequest<?> request, @Nullable @Body Article article) {
        access.check(request);
        CoreNlpExtractor.Timed timed = extractor.timed(article);
        String timing = timed.loadedModels()
                ? "models;dur=" + timed.modelLoadMillis() + ";desc=\"loaded the CoreNLP models\", extract;dur="
                        + timed.extractMillis()
                : "extract;dur=" + timed.extractMillis();
        return HttpResponse.ok(timed.draft())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(MODELS_LOADED, String.valueOf(timed.loadedModels()))
                .header("Server-Timing", timing);
    }
}
