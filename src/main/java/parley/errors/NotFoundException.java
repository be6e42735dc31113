package parley.errors;

/** An id that names nothing in the graph: answered 404. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
