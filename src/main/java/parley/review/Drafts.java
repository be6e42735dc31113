package parley.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import parley.errors.ApiError;
import parley.kb.LoadResult;

/** What {@code /api/drafts} takes and answers. */
final class Drafts {

    private Drafts() {}

    /** One draft in the list. */
    @Serdeable
    record Summary(
            String id,
            String source,
            String title,
            String created,
            String updated,
            String origin,
            int items,
            int accepted,
            int rejected,
            int pending,
            int publications) {}

    /**
     * A draft: its source, the article text, every item with its review state and where its
     * evidence sits in the text, and what publishing the accepted items would change now (or
     * why it could not be published).
     */
    @Serdeable
    record Detail(
            String id,
            String created,
            String updated,
            String origin,
            Map<String, Object> source,
            String text,
            List<Item> items,
            Preview preview,
            List<Publication> publications) {}

    /**
     * One candidate. {@code key} names it ({@code entities[0]}, {@code facts[3]}, {@code
     * relationships[7]}, its place in the draft document); {@code kind} is entity, fact or
     * relationship; {@code label} its label or relationship type; {@code item} the item as it
     * would be published (the person's edits and entity link applied); {@code spans} the
     * character ranges of its evidence in {@code text}.
     */
    @Serdeable
    record Item(
            String key,
            String kind,
            String label,
            @Nullable String id,
            @Nullable String from,
            @Nullable String to,
            String title,
            @Nullable Double confidence,
            @Nullable String rule,
            String state,
            Link link,
            Map<String, Object> fields,
            Map<String, Object> item,
            List<Span> spans) {}

    /**
     * Which node an entity or fact goes to: {@code suggested} (its own id: the node it names if
     * the graph holds one, else a new one), {@code existing} (another node of the graph, chosen
     * by the person) or {@code new} (a new node under the id given, even where the suggested id
     * exists). {@code existing} describes the node it would merge into, if any.
     */
    @Serdeable
    record Link(String mode, @Nullable String id, @Nullable Node existing) {}

    /** A node of the graph: id, label, name. */
    @Serdeable
    record Node(String id, String label, String name) {}

    /** Character offsets in the article text, end exclusive. */
    @Serdeable
    record Span(int start, int end) {}

    /** What publishing now would change, or the problems that prevent it. */
    @Serdeable
    record Preview(boolean publishable, @Nullable LoadResult changes, List<ApiError.Problem> problems) {}

    /** One publication of the draft: the version it made of its source and when. */
    @Serdeable
    record Publication(int version, String time, int accepted) {}

    /** A review of some items: each named by its key. */
    @Serdeable
    record Review(List<ItemReview> items) {}

    /**
     * {@code state}: accepted, rejected or pending; {@code fields}: values that replace the
     * item's own (any field but id, label, type, from and to; null removes one); {@code link}
     * for an entity or fact.
     */
    @Serdeable
    record ItemReview(
            String key,
            @Nullable String state,
            @Nullable Map<String, Object> fields,
            @Nullable LinkChoice link) {}

    /** {@code mode}: suggested, existing (with the id of a node of the graph) or new (with a new id). */
    @Serdeable
    record LinkChoice(String mode, @Nullable String id) {}
}
