package parley.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A node named in an answer: its id, label where useful, and a name for people to read. */
@Serdeable
public record Ref(
        String id, @Nullable String label, @Nullable String name) {}
