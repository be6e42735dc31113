package parley.kb;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may write: a request bearing {@code Authorization: Bearer <PARLEY_API_TOKEN>}. With no token
 * configured nobody may. Compared in constant time; the token is never logged or echoed.
 */
@Singleton
public final class WriteAccess {

    private final byte[] token;

    WriteAccess(@Value("${parley.api.token:}") String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Throws {@link UnauthorizedException} unless the request carries the configured token. */
    public void check(HttpRequest<?> request) {
        if (token.length == 0) {
            throw new UnauthorizedException("writes are disabled: no PARLEY_API_TOKEN is configured on the server");
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthorizedException("send the API token as 'Authorization: Bearer <token>'");
        }
        byte[] presented = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(token, presented)) {
            throw new UnauthorizedException("the API token is not valid");
        }
    }

    /** A write without a valid token. */
    static final class UnauthorizedException extends RuntimeException {
        UnauthorizedException(String message) {
            super(message, null, false, false);
        }
    }
}
