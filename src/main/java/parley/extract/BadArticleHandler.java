package parley.extract;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import parley.errors.ApiError;

/** An article that cannot be read: 400 naming the field. */
@Produces
@Singleton
final class BadArticleHandler implements ExceptionHandler<BadArticleException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, BadArticleException e) {
        return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST)
                .body(new ApiError(
                        400,
                        "invalid_article",
                        e.getMessage(),
                        List.of(new ApiError.Problem(e.path(), e.getMessage()))));
    }
}
