package parley.kb;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.errors.ApiError;

/**
 * 400 for a document that may not be loaded, 401 for a write without a valid token, 409 for a
 * write another write got in the way of.
 */
final class KbErrorHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(KbErrorHandlers.class);

    private KbErrorHandlers() {}

    @Produces
    @Singleton
    static final class Rejected implements ExceptionHandler<DocumentRejectedException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, DocumentRejectedException e) {
            LOG.info(
                    "{} {}: document rejected, nothing written: {}",
                    request.getMethod(),
                    request.getPath(),
                    e.getMessage());
            return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST)
                    .body(new ApiError(
                            400,
                            "invalid_document",
                            e.problems().size() + " problem(s) in the document; nothing was written",
                            e.problems()));
        }
    }

    @Produces
    @Singleton
    static final class Unauthorized
            implements ExceptionHandler<WriteAccess.UnauthorizedException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, WriteAccess.UnauthorizedException e) {
            LOG.warn("{} {}: refused, {}", request.getMethod(), request.getPath(), e.getMessage());
            return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"parley\"")
                    .body(ApiError.of(401, "unauthorized", e.getMessage()));
        }
    }

    @Produces
    @Singleton
    static final class Conflict implements ExceptionHandler<WriteConflictException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, WriteConflictException e) {
            LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
            return HttpResponse.<ApiError>status(HttpStatus.CONFLICT)
                    .body(ApiError.of(409, "write_conflict", e.getMessage()));
        }
    }
}
