package parley.cypher;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.UnsupportedType;
import org.neo4j.driver.types.Vector;
import parley.api.Rows;

/**
 * Query results as JSON: nodes as {@code {id, labels, properties}}, relationships as
 * {@code {id, type, start, end, properties}}, paths as the list of their nodes and relationships
 * in order, temporal values as ISO strings, vectors as lists of numbers. {@link #size} estimates
 * how many bytes of JSON a value makes without converting it, so an answer can be cut before a
 * huge value is copied.
 */
final class CypherValues {

    private CypherValues() {}

    static Object json(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        Object o = value.asObject();
        return json(o);
    }

    private static Object json(Object o) {
        return switch (o) {
            case null -> null;
            case Node n -> node(n);
            case Relationship r -> relationship(r);
            case Path p -> path(p);
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case Map<?, ?> map -> {
                Map<String, Object> result = new LinkedHashMap<>();
                map.forEach((k, v) -> result.put(String.valueOf(k), json(v)));
                yield result;
            }
            case List<?> list -> {
                List<Object> result = new ArrayList<>(list.size());
                list.forEach(v -> result.add(json(v)));
                yield result;
            }
            case Value v -> json(v);
            case Vector vector -> vector(vector);
            case UnsupportedType unsupported -> "(a value of type " + unsupported.name() + " this service cannot show)";
            default -> Rows.plain(org.neo4j.driver.Values.value(o));
        };
    }

    /** Every vector type has a {@code toArray()} of its primitive element type. */
    private static List<Object> vector(Vector vector) {
        Object array =
                switch (vector) {
                    case org.neo4j.driver.types.Int8Vector v -> v.toArray();
                    case org.neo4j.driver.types.Int16Vector v -> v.toArray();
                    case org.neo4j.driver.types.Int32Vector v -> v.toArray();
                    case org.neo4j.driver.types.Int64Vector v -> v.toArray();
                    case org.neo4j.driver.types.Float32Vector v -> v.toArray();
                    case org.neo4j.driver.types.Float64Vector v -> v.toArray();
                    default -> new Object[0];
                };
        List<Object> result = new ArrayList<>(Array.getLength(array));
        for (int i = 0; i < Array.getLength(array); i++) {
            result.add(Array.get(array, i));
        }
        return result;
    }

    /**
     * About how many bytes {@code value} takes as JSON, counted without converting it and no
     * further than just past {@code budget}: a list of thirty million numbers is not walked to
     * its end to learn that it is too big.
     */
    static long size(Value value, long budget) {
        if (value == null || value.isNull()) {
            return 4;
        }
        // The driver names a list's type "LIST OF ANY?", every other type by its constructor alone.
        String type = value.type().name();
        return switch (type.startsWith("LIST") ? "LIST" : type) {
            case "BOOLEAN" -> 5;
            case "INTEGER", "FLOAT" -> 20;
            case "STRING" -> 2 + value.asString().length();
            case "BYTES" -> 2 + value.asByteArray().length * 4L / 3;
            case "LIST" -> {
                long n = 2;
                for (Value element : value.values()) {
                    n += 1 + size(element, budget - n);
                    if (n > budget) {
                        break;
                    }
                }
                yield n;
            }
            case "MAP" -> entries(value.keys(), value::get, 2, budget);
            case "NODE" -> size(value.asNode(), budget);
            case "RELATIONSHIP" -> size(value.asRelationship(), budget);
            case "PATH" -> {
                long n = 2;
                for (Node node : value.asPath().nodes()) {
                    n += size(node, budget - n);
                }
                for (Relationship r : value.asPath().relationships()) {
                    n += size(r, budget - n);
                }
                yield n;
            }
            case "VECTOR" -> 2 + 20L * value.asVector().length();
            default -> 40;
        };
    }

    private static long size(Node node, long budget) {
        long n = 60 + node.elementId().length();
        for (String label : node.labels()) {
            n += 3 + label.length();
        }
        return entries(node.keys(), node::get, n, budget);
    }

    private static long size(Relationship r, long budget) {
        long n = 80 + r.elementId().length() * 3L + r.type().length();
        return entries(r.keys(), r::get, n, budget);
    }

    private static long entries(
            Iterable<String> keys, java.util.function.Function<String, Value> get, long start, long budget) {
        long n = start;
        for (String key : keys) {
            n += 4 + key.length() + size(get.apply(key), budget - n);
            if (n > budget) {
                break;
            }
        }
        return n;
    }

    private static Map<String, Object> node(Node n) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", n.elementId());
        List<String> labels = new ArrayList<>();
        n.labels().forEach(labels::add);
        node.put("labels", labels);
        node.put("properties", properties(n.asMap()));
        return node;
    }

    private static Map<String, Object> relationship(Relationship r) {
        Map<String, Object> rel = new LinkedHashMap<>();
        rel.put("id", r.elementId());
        rel.put("type", r.type());
        rel.put("start", r.startNodeElementId());
        rel.put("end", r.endNodeElementId());
        rel.put("properties", properties(r.asMap()));
        return rel;
    }

    private static List<Object> path(Path p) {
        List<Object> elements = new ArrayList<>();
        elements.add(node(p.start()));
        for (Path.Segment segment : p) {
            elements.add(relationship(segment.relationship()));
            elements.add(node(segment.end()));
        }
        return elements;
    }

    private static Map<String, Object> properties(Map<String, Object> properties) {
        Map<String, Object> result = new LinkedHashMap<>();
        properties.forEach((k, v) -> result.put(k, json(v)));
        return result;
    }
}
