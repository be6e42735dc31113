package parley.health;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code status} is UP or DOWN; {@code error} says why Neo4j did not answer. */
@Serdeable
public record Health(
        String status,
        String database,
        String neo4j,
        long latencyMillis,
        @Nullable String error) {}
