package parley.extract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An article to read: what {@code POST /api/extract} and {@code POST /api/drafts} take. The
 * source's {@code id} is optional (a slug is made from the title and date where it is missing).
 */
@Serdeable
public record Article(ArticleSource source, String text) {

    /** The article's metadata; {@code published} is an ISO date that relative dates resolve against. */
    @Serdeable
    public record ArticleSource(
            @Nullable String id,
            String title,
            String published,
            @Nullable String publisher,
            @Nullable String url) {}
}
