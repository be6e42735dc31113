package parley;

/** A failure at start-up whose message says what to change; shown to the operator as it is. */
public final class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
