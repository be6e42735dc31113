package parley.review;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import parley.errors.ApiError;

/** 422 for a draft that cannot be published as it is, 503 while no extractor is installed. */
final class ReviewErrorHandlers {

    private ReviewErrorHandlers() {}

    @Produces
    @Singleton
    static final class NotPublishable
            implements ExceptionHandler<DraftNotPublishableException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, DraftNotPublishableException e) {
            return HttpResponse.<ApiError>status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ApiError(
                            422,
                            "draft_not_publishable",
                            e.problems().size()
                                    + " problem(s) in the accepted items as the graph is now; nothing was written",
                            e.problems()));
        }
    }

    @Produces
    @Singleton
    static final class ExtractorUnavailable
            implements ExceptionHandler<ExtractorUnavailableException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, ExtractorUnavailableException e) {
            return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(ApiError.of(503, "extractor_unavailable", e.getMessage()));
        }
    }
}
