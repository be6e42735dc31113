package parley.cypher;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.errors.ApiError;

@Produces
@Singleton
final class CypherRefusedHandler implements ExceptionHandler<CypherRefusedException, HttpResponse<ApiError>> {

    private static final Logger LOG = LoggerFactory.getLogger(CypherRefusedHandler.class);

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, CypherRefusedException e) {
        LOG.info("{} {}: refused ({}): {}", request.getMethod(), request.getPath(), e.error(), e.getMessage());
        return HttpResponse.<ApiError>status(e.status())
                .body(ApiError.of(e.status().getCode(), e.error(), e.getMessage()));
    }
}
