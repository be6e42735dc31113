package parley.errors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Neo4j cannot be reached: 503, so clients retry later instead of treating it as their fault. */
@Produces
@Singleton
@Requires(classes = {ServiceUnavailableException.class, ExceptionHandler.class})
final class DatabaseUnavailableHandler
        implements ExceptionHandler<ServiceUnavailableException, HttpResponse<ApiError>> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ServiceUnavailableException exception) {
        LOG.warn("{} {}: Neo4j unavailable: {}", request.getMethod(), request.getPath(), exception.getMessage());
        return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(ApiError.of(503, "database_unavailable", "The database is unavailable; try again shortly."));
    }

    /** A routing session expired mid-flight: the same answer, the cause is the cluster. */
    @Produces
    @Singleton
    static final class SessionExpired implements ExceptionHandler<SessionExpiredException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, SessionExpiredException exception) {
            LOG.warn(
                    "{} {}: Neo4j session expired: {}", request.getMethod(), request.getPath(), exception.getMessage());
            return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(ApiError.of(503, "database_unavailable", "The database is unavailable; try again shortly."));
        }
    }
}
