package parley.cypher;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Rows of a Cypher query, shaped by the query itself (the only untyped answer of the API).
 * {@code truncated} says the row cap ({@code rowLimit}) cut the result short.
 */
@Serdeable
public record QueryResult(
        List<String> columns, List<List<Object>> rows, int rowLimit, boolean truncated, long millis) {}
