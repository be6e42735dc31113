package parley.errors;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of every error answer: HTTP status, a short machine-readable code, a sentence for
 * people, and where the input was wrong (empty when the failure is not about input).
 */
@Serdeable
public record ApiError(int status, String error, String message, List<Problem> problems) {

    /** One thing wrong with the input: where ({@code $.facts[3].date}, a parameter name) and why. */
    @Serdeable
    public record Problem(String path, String reason) {}

    public static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message, List.of());
    }
}
