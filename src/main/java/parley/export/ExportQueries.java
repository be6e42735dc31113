package parley.export;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parley.neo4j.CypherScript;

/**
 * The export statements of {@code cypher/export/}, with the shared predicates put in: {@code
 * ${scope}} (or {@code ${scope:a}} for a node named {@code a}), {@code ${relationship-scope}} and
 * {@code ${side}}. The pieces are fixed files of the repository, never user input; the filters are
 * parameters.
 */
final class ExportQueries {

    private static final Pattern NODE = Pattern.compile("\\bnode\\b");

    static final String ACTOR_SCOPE = CypherScript.read("export/actor-scope.cypher");
    static final String NODE_KEYS = build("export/node-keys.cypher");
    static final String RELATIONSHIP_KEYS = build("export/relationship-keys.cypher");
    static final String NODES = build("export/nodes.cypher");
    static final String RELATIONSHIPS = build("export/relationships.cypher");
    static final String SOURCE_EXISTS = "MATCH (s:Source {id: $source}) RETURN s.id AS id";

    private ExportQueries() {}

    static String build(String name) {
        String scope = CypherScript.read("export/scope.cypher");
        String text = CypherScript.read(name)
                .replace("${scope:a}", rename(scope, "a"))
                .replace("${scope:b}", rename(scope, "b"))
                .replace("${scope}", "(" + scope + "\n)")
                .replace("${relationship-scope}", "(" + CypherScript.read("export/relationship-scope.cypher") + "\n)")
                .replace("${side}", "(" + CypherScript.read("views/side.cypher") + "\n)");
        if (text.contains("${")) {
            throw new IllegalStateException("Unknown placeholder left in " + name);
        }
        return text;
    }

    private static String rename(String predicate, String variable) {
        return "(" + NODE.matcher(predicate).replaceAll(Matcher.quoteReplacement(variable)) + "\n)";
    }
}
