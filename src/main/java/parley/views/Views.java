package parley.views;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What {@code /api/views/…} answers. */
public final class Views {

    private Views() {}

    @Serdeable
    public record Participant(
            String id,
            String name,
            @Nullable String role,
            boolean party,
            @Nullable String side,
            String lane) {}

    @Serdeable
    public record Topic(String id, String name) {}

    /** A meeting on the timeline, with the lanes it is drawn in (one per side taking part). */
    @Serdeable
    public record Meeting(
            String id,
            String title,
            @Nullable String date,
            @Nullable String dateText,
            @Nullable String datePrecision,
            String status,
            @Nullable String summary,
            List<String> places,
            List<Topic> topics,
            List<String> sources,
            List<Participant> participants,
            List<String> lanes) {}

    @Serdeable
    public record Timeline(List<Lanes.Lane> lanes, long total, int limit, int offset, List<Meeting> items) {}

    @Serdeable
    public record Person(
            String id, String name, int hops, @Nullable String side, String lane) {}

    /**
     * One meeting where two people met (or are to meet); {@code summary} says it in the words of
     * {@code /api/actors/{id}/met} ("A and B were to meet in Miami on 2025-12-20").
     */
    @Serdeable
    public record MetAt(
            String meeting,
            @Nullable String title,
            @Nullable String place,
            @Nullable String date,
            @Nullable String datePrecision,
            @Nullable String status,
            String summary) {}

    @Serdeable
    public record Link(String from, String to, List<MetAt> meetings) {}

    @Serdeable
    public record Network(
            String center,
            int depth,
            long total,
            boolean truncated,
            List<Lanes.Lane> lanes,
            List<Person> nodes,
            List<Link> links) {}
}
