package parley.api;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Point;

/**
 * Turns what a named query returns into the typed records the API answers with: the Cypher
 * file decides the shape (maps with the record's field names), this class only converts. Dates
 * become ISO strings.
 */
@Singleton
public final class Rows {

    private final JsonMapper json;

    Rows(JsonMapper json) {
        this.json = json;
    }

    /**
     * A map or list value returned by Cypher, as a record (or list of records) of the given type.
     * The plain value becomes a JSON tree directly; serializing it to a tree took as long again.
     */
    public <T> T as(Value value, Argument<T> type) {
        try {
            return json.readValueFromTree(JsonNode.from(plain(value)), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + type + " from " + value, e);
        }
    }

    public <T> T as(Value value, Class<T> type) {
        return as(value, Argument.of(type));
    }

    public <T> List<T> listOf(Value value, Class<T> type) {
        return as(value, Argument.listOf(type));
    }

    /**
     * A page of a list query: each record holds {@code total} (all matches) and one item in
     * {@code column}; no record means nothing matched.
     */
    public <T> Page<T> page(List<Record> records, Paging paging, String column, Class<T> type) {
        long total = records.isEmpty() ? 0 : records.getFirst().get("total").asLong();
        List<T> items = records.stream().map(r -> as(r.get(column), type)).toList();
        return new Page<>(total, paging.limit(), paging.offset(), items);
    }

    /** Plain Java values: maps, lists, strings, numbers, booleans; temporal values as ISO strings. */
    public static Object plain(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        Object o = value.asObject();
        return plainObject(o);
    }

    private static Object plainObject(Object o) {
        if (o instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), plainObject(v)));
            return result;
        }
        if (o instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(v -> result.add(plainObject(v)));
            return result;
        }
        if (o instanceof TemporalAccessor || o instanceof IsoDuration) {
            return o.toString();
        }
        if (o instanceof Point p) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("srid", p.srid());
            point.put("x", p.x());
            point.put("y", p.y());
            if (!Double.isNaN(p.z())) {
                point.put("z", p.z());
            }
            return point;
        }
        return o;
    }
}
