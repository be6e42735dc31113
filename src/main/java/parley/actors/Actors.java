package parley.actors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import parley.api.Evidence;
import parley.api.Ref;

/** What {@code /api/actors} answers. */
public final class Actors {

    private Actors() {}

    @Serdeable
    public record Summary(
            String id,
            String type,
            String name,
            List<String> aliases,
            @Nullable String description,
            @Nullable String kind) {}

    @Serdeable
    public record Profile(
            Summary actor,
            Counts counts,
            List<Role> roles,
            List<Relation> relations,
            List<MeetingAttended> meetings,
            List<DemandItem> demandsMade,
            List<DemandItem> demandsFaced,
            List<Position> positions,
            List<StatementItem> statements,
            List<ClaimStance> claims,
            Links links) {}

    /**
     * Where the long lists of a profile continue past its first {@code limit} items: the actor's
     * meetings ({@code /api/meetings?participant=} for a person, {@code ?party=} for a state or
     * body), whom a person met ({@code /api/actors/{id}/met}, null for others) and its meetings,
     * events, statements and claims in date order ({@code /api/timeline?actor=}). Roles, relations,
     * demands and positions have no list of their own: the profile's {@code limit} (at most 500)
     * shows more of them.
     */
    @Serdeable
    public record Links(String meetings, @Nullable String met, String timeline) {}

    /** How many items each list of a profile has in all; the lists hold the first {@code limit}. */
    @Serdeable
    public record Counts(
            long roles,
            long relations,
            long meetings,
            long demandsMade,
            long demandsFaced,
            long positions,
            long statements,
            long claims) {}

    @Serdeable
    public record Role(String title, Ref of, List<Evidence> evidence) {}

    /** RELATIVE_OF, ADVISES or PART_OF, out from this actor or in to it. */
    @Serdeable
    public record Relation(
            String type, String direction, @Nullable String title, Ref other, List<Evidence> evidence) {}

    /** A meeting the actor attended (a person, with role and side) or was party to (role {@code party}). */
    @Serdeable
    public record MeetingAttended(
            String id,
            String title,
            @Nullable @Schema(format = "date") String date,
            @Nullable String datePrecision,
            String status,
            String role,
            @Nullable String side,
            List<String> places,
            List<Evidence> evidence) {}

    /** A demand; {@code others} are whom it is made of (demands made) or who makes it (demands faced). */
    @Serdeable
    public record DemandItem(
            String id, String text, String kind, List<Ref> others, List<String> topics, List<Evidence> evidence) {}

    @Serdeable
    public record Position(String stance, @Nullable String condition, Ref target, List<Evidence> evidence) {}

    @Serdeable
    public record StatementItem(
            String id,
            String text,
            @Nullable @Schema(format = "date") String date,
            List<Evidence> evidence) {}

    @Serdeable
    public record ClaimStance(String stance, String id, String text, List<Evidence> evidence) {}

    /**
     * One meeting with one person of another side: {@code Witkoff MET Dmitriev AT Miami}. {@code
     * side} and {@code otherSide} are the sides the source states; {@code summary} says it by its
     * status ("met", "are to meet", "were to meet; cancelled").
     */
    @Serdeable
    public record Met(
            Ref other,
            Ref meeting,
            @Nullable String side,
            @Nullable String otherSide,
            @Nullable String place,
            @Nullable @Schema(format = "date") String date,
            @Nullable String datePrecision,
            String status,
            String summary,
            List<Evidence> evidence) {}

    @Serdeable
    public record Network(String center, int depth, boolean truncated, List<Node> nodes, List<Edge> edges) {}

    @Serdeable
    public record Node(String id, String label, @Nullable String name) {}

    @Serdeable
    public record Edge(
            String id,
            String type,
            String from,
            String to,
            @Nullable String meeting,
            @Nullable String status,
            @Nullable String role,
            @Nullable String side,
            @Nullable String title) {}
}
