package parley.kb;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One recorded load or delete of a source: its number (1, 2, … per source), when it was
 * committed, the SHA-256 of the document as it was sent (null for a delete), and what it changed.
 */
@Serdeable
public record SourceVersion(
        String source,
        int number,
        String time,
        String action,
        @Nullable String sha256,
        GraphChange changes) {}
