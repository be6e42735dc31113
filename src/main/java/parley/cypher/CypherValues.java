package parley.cypher;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import parley.api.Rows;

/**
 * Query results as JSON: nodes as {@code {id, labels, properties}}, relationships as
 * {@code {id, type, start, end, properties}}, paths as the list of their nodes and relationships
 * in order, temporal values as ISO strings.
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
            default -> Rows.plain(org.neo4j.driver.Values.value(o));
        };
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
