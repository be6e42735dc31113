package parley.meetings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import parley.api.Evidence;

/** What {@code /api/meetings} answers. */
public final class Meetings {

    private Meetings() {}

    @Serdeable
    public record Summary(
            String id,
            String title,
            @Nullable @Schema(format = "date") String date,
            @Nullable String dateText,
            @Nullable String datePrecision,
            String status,
            List<String> places,
            List<Participant> participants,
            List<Party> parties,
            List<String> sources) {}

    /** A person at the meeting, with the role and the side (Country or bloc id) they act for. */
    @Serdeable
    public record Participant(
            String id, String name, String role, @Nullable String side) {}

    /** A state, bloc or body party to the meeting as a whole. */
    @Serdeable
    public record Party(String id, String type, String name) {}

    @Serdeable
    public record Detail(
            String id,
            String title,
            String summary,
            @Nullable @Schema(format = "date") String date,
            @Nullable String dateText,
            @Nullable String datePrecision,
            String status,
            List<Attendee> participants,
            List<PartyDetail> parties,
            List<Place> places,
            List<Topic> topics,
            List<Linked> follows,
            List<Linked> followedBy,
            List<Report> reports) {}

    /**
     * A person at the meeting: role, the side they act for, and whether the source states that side
     * ({@code sideFrom: "source"}) or their role gives it ({@code "role"}); null where neither does.
     */
    @Serdeable
    public record Attendee(
            String id,
            String type,
            String name,
            String role,
            @Nullable String side,
            @Nullable String sideFrom,
            List<Evidence> evidence) {}

    /** A state, bloc or body party to the meeting, with the sentences that say so. */
    @Serdeable
    public record PartyDetail(String id, String type, String name, List<Evidence> evidence) {}

    @Serdeable
    public record Place(String id, String name, @Nullable String kind) {}

    @Serdeable
    public record Topic(String id, String name) {}

    @Serdeable
    public record Linked(
            String id,
            String title,
            @Nullable @Schema(format = "date") String date) {}

    /** What one source reports of the meeting: the status it gives and its sentences. */
    @Serdeable
    public record Report(
            String source,
            String title,
            @Schema(format = "date") String published,
            @Nullable String status,
            List<String> sentences) {}
}
