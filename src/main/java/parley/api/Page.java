package parley.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of a list: {@code total} counts all matches, {@code items} holds at most {@code limit}. */
@Serdeable
public record Page<T>(long total, int limit, int offset, List<T> items) {}
