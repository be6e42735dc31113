package parley.extract;

/** An article that cannot be read: says which field ({@code $.text}, {@code $.source.published}) and why. */
public final class BadArticleException extends IllegalArgumentException {

    private final String path;

    BadArticleException(String path, String message) {
        super(message);
        this.path = path;
    }

    /** Where in the request the problem is, as a JSON path. */
    public String path() {
        return path;
    }
}
