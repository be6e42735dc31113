package parley.api;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.TypeSystem;

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
     * Records, lists, maps, strings, numbers and booleans are built straight from the driver's
     * value, each record through its canonical constructor, key by component name; anything else
     * goes through a JSON tree and serde. The tree path was 39% of the request threads' samples
     * in the reads benchmark (docs/benchmarks-notes.md, round 4).
     */
    @SuppressWarnings("unchecked")
    public <T> T as(Value value, Argument<T> type) {
        java.lang.reflect.Type target = type.asType();
        if (direct(target)) {
            return (T) convert(value, target);
        }
        try {
            return json.readValueFromTree(JsonNode.from(plain(value)), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + type + " from " + value, e);
        }
    }

    /** Whether {@link #convert} builds values of this type (and of every type inside it). */
    static boolean direct(java.lang.reflect.Type type) {
        return DIRECT.computeIfAbsent(type, t -> directUncached(t, new java.util.HashSet<>()));
    }

    private static final Map<java.lang.reflect.Type, Boolean> DIRECT = new ConcurrentHashMap<>();

    private static boolean directUncached(java.lang.reflect.Type type, java.util.Set<java.lang.reflect.Type> seen) {
        if (!seen.add(type)) {
            return true;
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            java.lang.reflect.Type[] args = p.getActualTypeArguments();
            if (raw == List.class) {
                return directUncached(args[0], seen);
            }
            if (raw == Map.class) {
                return args[0] == String.class && directUncached(args[1], seen);
            }
            return false;
        }
        if (!(type instanceof Class<?> c)) {
            return false;
        }
        if (SCALARS.contains(c)) {
            return true;
        }
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                if (!directUncached(rc.getGenericType(), seen)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static final java.util.Set<Class<?>> SCALARS = java.util.Set.of(
            String.class,
            Object.class,
            long.class,
            Long.class,
            int.class,
            Integer.class,
            double.class,
            Double.class,
            boolean.class,
            Boolean.class);

    /** The canonical constructor of each record and its components' names and types. */
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] raw = new Class<?>[components.length];
            String[] names = new String[components.length];
            java.lang.reflect.Type[] types = new java.lang.reflect.Type[components.length];
            for (int i = 0; i < components.length; i++) {
                raw[i] = components[i].getType();
                names[i] = components[i].getName();
                types[i] = components[i].getGenericType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(raw);
                constructor.setAccessible(true);
                return new RecordShape(constructor, names, types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("No canonical constructor for " + type, e);
            }
        }
    };

    private record RecordShape(Constructor<?> constructor, String[] names, java.lang.reflect.Type[] types) {}

    private static Object convert(Value value, java.lang.reflect.Type type) {
        if (value == null || value.isNull()) {
            return type instanceof Class<?> c && c.isPrimitive() ? primitiveDefault(c) : null;
        }
        if (type instanceof ParameterizedType p) {
            java.lang.reflect.Type[] args = p.getActualTypeArguments();
            if (p.getRawType() == List.class) {
                List<Object> list = new ArrayList<>(value.size());
                for (Value v : value.values()) {
                    list.add(convert(v, args[0]));
                }
                return list;
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (String k : value.keys()) {
                map.put(k, convert(value.get(k), args[1]));
            }
            return map;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return value.hasType(TypeSystem.getDefault().STRING()) ? value.asString() : String.valueOf(plain(value));
        }
        if (c == long.class || c == Long.class) {
            return value.asNumber().longValue();
        }
        if (c == int.class || c == Integer.class) {
            return value.asNumber().intValue();
        }
        if (c == double.class || c == Double.class) {
            return value.asNumber().doubleValue();
        }
        if (c == boolean.class || c == Boolean.class) {
            return value.asBoolean();
        }
        if (c == Object.class) {
            return plain(value);
        }
        RecordShape shape = SHAPES.get(c);
        Object[] args = new Object[shape.names().length];
        for (int i = 0; i < args.length; i++) {
            args[i] = convert(value.get(shape.names()[i]), shape.types()[i]);
        }
        try {
            return shape.constructor().newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + c.getSimpleName() + " from " + value, e);
        }
    }

    private static Object primitiveDefault(Class<?> c) {
        if (c == boolean.class) {
            return false;
        }
        if (c == double.class) {
            return 0.0;
        }
        if (c == int.class) {
            return 0;
        }
        return 0L;
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
