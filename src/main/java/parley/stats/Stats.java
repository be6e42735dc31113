package parley.stats;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** Node counts per label and relationship counts per type, both sorted by name. */
@Serdeable
public record Stats(long nodes, long relationships, Map<String, Long> labels, Map<String, Long> relationshipTypes) {}
