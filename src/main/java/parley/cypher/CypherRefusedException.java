package parley.cypher;

import io.micronaut.http.HttpStatus;

/** A query the guard will not run, or that the database stopped; the message says why. */
final class CypherRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String error;

    CypherRefusedException(HttpStatus status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    HttpStatus status() {
        return status;
    }

    String error() {
        return error;
    }
}
