package parley.kb;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/** What {@code /api/sources} answers. */
final class Sources {

    private Sources() {}

    /** An article: its metadata and how many facts and entities it supports. */
    @Serdeable
    record Summary(
            String id,
            String title,
            LocalDate published,
            String file,
            @Nullable String publisher,
            @Nullable String author,
            long facts,
            long entities) {}

    /** An article with every fact it supports and the sentence(s) each rests on. */
    @Serdeable
    record Detail(Summary source, List<Item> facts, List<Item> entities, List<Support> relationships) {}

    /** A node the article reports or mentions. */
    @Serdeable
    record Item(String id, String label, @Nullable String text, List<String> evidence) {}

    /** A relationship the article gives evidence for, with that evidence only. */
    @Serdeable
    record Support(String type, String from, String to, List<String> evidence) {}

    /** The recorded versions of a source, oldest first (its loads and its delete). */
    @Serdeable
    record Versions(String source, List<SourceVersion> versions) {}
}
