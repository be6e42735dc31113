package parley.export;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parley.neo4j.CypherScript;

/**
 * The export statements of {@code cypher/export/}, with the shared predicates put in: {@code
 * ${scope}} (or {@code ${scope:a}} for a node named {@code a}), {@code ${relationship-scope}},
 * {@code ${side}} and {@code ${type}}. The pieces are fixed files of the repository, never user
 * input (a relationship type is quoted as an identifier); the filters' values are parameters.
 *
 * <p>The scope is the conjunction of one predicate per filter given ({@code scope-ids}, {@code
 * scope-source}, {@code scope-dates}, and for relationships {@code relationship-scope-source} and
 * {@code relationship-scope-dates}); a filter not given is left out of the text rather than left
 * to a {@code $x IS NULL OR …} at run time, because the planner evaluates a predicate's {@code
 * EXISTS} subquery before the {@code OR} that would skip it: the date filter's {@code EXISTS
 * {(node)--(x)}} on each relationship's end expanded every relationship of a Source (10^5 at 10^6
 * facts) once per relationship into it, which made whole exports quadratic in the graph. Each
 * predicate keeps its own null guard, so the text with every piece is equivalent.
 */
final class ExportQueries {

    private static final Pattern NODE = Pattern.compile("\\bnode\\b");
    private static final Pattern TYPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static final String ACTOR_SCOPE = CypherScript.read("export/actor-scope.cypher");
    static final String SOURCE_EXISTS = "MATCH (s:Source {id: $source}) RETURN s.id AS id";

    private static final Map<String, String> BUILT = new ConcurrentHashMap<>();

    private ExportQueries() {}

    static String nodeKeys(ExportScope scope) {
        return build("export/node-keys.cypher", scope, null);
    }

    static String relationshipKeys(ExportScope scope) {
        return build("export/relationship-keys.cypher", scope, null);
    }

    static String nodes(ExportScope scope) {
        return build("export/nodes.cypher", scope, null);
    }

    /** The relationships in scope, all of them or those of one {@code type}. */
    static String relationships(ExportScope scope, @Nullable String type) {
        return build("export/relationships.cypher", scope, type);
    }

    static String build(String name, ExportScope scope, @Nullable String type) {
        boolean ids = scope.ids() != null;
        boolean source = scope.source() != null;
        boolean dates = scope.from() != null || scope.to() != null;
        if (type != null) {
            // Not kept: a type comes from a request, and the cache would grow with every name asked.
            return build(name, ids, source, dates, type);
        }
        return BUILT.computeIfAbsent(
                name + '|' + ids + '|' + source + '|' + dates, k -> build(name, ids, source, dates, null));
    }

    static String build(String name, boolean ids, boolean source, boolean dates, @Nullable String type) {
        List<String> nodeParts = new ArrayList<>();
        if (ids) nodeParts.add(CypherScript.read("export/scope-ids.cypher"));
        if (source) nodeParts.add(CypherScript.read("export/scope-source.cypher"));
        if (dates) nodeParts.add(CypherScript.read("export/scope-dates.cypher"));
        List<String> relationshipParts = new ArrayList<>();
        if (source) relationshipParts.add(CypherScript.read("export/relationship-scope-source.cypher"));
        if (dates) relationshipParts.add(CypherScript.read("export/relationship-scope-dates.cypher"));
        String scope = and(nodeParts);
        String text = CypherScript.read(name)
                .replace("${scope:a}", rename(scope, "a"))
                .replace("${scope:b}", rename(scope, "b"))
                .replace("${scope}", scope)
                .replace("${relationship-scope}", and(relationshipParts))
                .replace("${side}", "(" + CypherScript.read("views/side.cypher") + "\n)")
                .replace("${type}", type == null ? "" : ":" + quote(type));
        if (text.contains("${")) {
            throw new IllegalStateException("Unknown placeholder left in " + name);
        }
        return text;
    }

    private static String and(List<String> predicates) {
        return predicates.isEmpty() ? "true" : "(" + String.join("\nAND ", predicates) + "\n)";
    }

    private static String quote(String type) {
        if (!TYPE.matcher(type).matches()) {
            return "`" + type.replace("`", "``") + "`";
        }
        return type;
    }

    private static String rename(String predicate, String variable) {
        return NODE.matcher(predicate).replaceAll(Matcher.quoteReplacement(variable));
    }
}
