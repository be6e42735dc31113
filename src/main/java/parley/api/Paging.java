package parley.api;

import io.micronaut.core.annotation.Nullable;

/**
 * {@code limit} (default 50, at most 500) and {@code offset} (default 0, at most a billion, so that
 * {@code offset + limit} never overflows in a query), checked.
 */
public record Paging(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_OFFSET = 1_000_000_000;

    public static Paging of(@Nullable Integer limit, @Nullable Integer offset) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        int o = offset == null ? 0 : offset;
        if (l < 1 || l > MAX_LIMIT) {
            throw new BadParameterException("limit", "limit must be between 1 and " + MAX_LIMIT + ", was " + l);
        }
        if (o < 0 || o > MAX_OFFSET) {
            throw new BadParameterException("offset", "offset must be between 0 and " + MAX_OFFSET + ", was " + o);
        }
        return new Paging(l, o);
    }
}
