package parley.kb;

/**
 * A document write that conflicted with another write and could not be completed by retrying it
 * within the retry time; nothing was written. Answered 409.
 */
public final class WriteConflictException extends RuntimeException {

    WriteConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
