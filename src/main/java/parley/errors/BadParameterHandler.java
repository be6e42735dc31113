package parley.errors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import parley.api.BadParameterException;

/** A query parameter out of range or of the wrong form: 400 naming it. */
@Produces
@Singleton
final class BadParameterHandler implements ExceptionHandler<BadParameterException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, BadParameterException e) {
        return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST)
                .body(new ApiError(
                        400,
                        "bad_parameter",
                        e.getMessage(),
                        List.of(new ApiError.Problem(e.parameter(), e.getMessage()))));
    }
}
