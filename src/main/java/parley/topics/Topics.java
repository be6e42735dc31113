package parley.topics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import parley.api.Evidence;
import parley.api.Ref;

/** What {@code /api/topics} answers. */
public final class Topics {

    private Topics() {}

    @Serdeable
    public record Summary(
            String id, String name, List<String> aliases, long demands, long positions, long plans, long meetings) {}

    @Serdeable
    public record Positions(TopicRef topic, List<Demand> demands, List<Position> positions, List<Plan> plans) {}

    @Serdeable
    public record TopicRef(String id, String name, List<String> aliases) {}

    /** A demand on the topic: who makes it, of whom, about which places, and who supports or opposes it. */
    @Serdeable
    public record Demand(
            String id,
            String text,
            String kind,
            List<Ref> by,
            List<Ref> of,
            List<Ref> places,
            List<Position> positions,
            List<Evidence> evidence) {}

    @Serdeable
    public record Position(
            String stance, Ref actor, @Nullable String condition, List<Evidence> evidence) {}

    @Serdeable
    public record Plan(String id, String name, List<Ref> authors, List<Position> positions, List<Evidence> evidence) {}
}
