package parley.errors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any other database failure: a transient one (lock, timeout, memory) or no free connection in the
 * driver's pool is 503, the rest 500. The Neo4j status code goes to the log and the body; the
 * stack trace only to the log.
 */
@Produces
@Singleton
final class DatabaseErrorHandler implements ExceptionHandler<Neo4jException, HttpResponse<ApiError>> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseErrorHandler.class);

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, Neo4jException exception) {
        if (noFreeConnection(exception)) {
            LOG.warn(
                    "{} {}: no free database connection: {}",
                    request.getMethod(),
                    request.getPath(),
                    exception.getMessage());
            return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "1")
                    .body(ApiError.of(
                            503,
                            "database_busy",
                            "Every connection to the database is in use (neo4j.max-connection-pool-size); try again."));
        }
        if (exception instanceof TransientException) {
            LOG.warn(
                    "{} {}: transient database failure {}: {}",
                    request.getMethod(),
                    request.getPath(),
                    exception.code(),
                    exception.getMessage());
            return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(ApiError.of(
                            503,
                            "database_busy",
                            "The database could not answer now (" + exception.code() + "); try again."));
        }
        LOG.error("{} {}: database failure {}", request.getMethod(), request.getPath(), exception.code(), exception);
        return HttpResponse.<ApiError>status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(ApiError.of(500, "database_error", "The database failed to answer (" + exception.code() + ")."));
    }

    /** The driver's pool had no connection to give within {@code neo4j.connection-timeout}. */
    static boolean noFreeConnection(Neo4jException exception) {
        String message = exception.getMessage();
        return exception instanceof ClientException
                && message != null
                && message.startsWith("Unable to acquire connection from the pool");
    }
}
