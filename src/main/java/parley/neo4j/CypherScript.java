package parley.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code .cypher} file from the classpath (the repository's {@code cypher/} folder), split into
 * statements.
 *
 * <p>Splits on {@code ;} outside strings, quoted names and comments; drops a byte-order mark and
 * chunks that hold only comments or whitespace. The pitfalls are those listed by neo4j-migrations'
 * {@code DefaultCypherResource}.
 */
public final class CypherScript {

    /** Text of every file read, to the file's name: how query metrics name a query. */
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    private CypherScript() {}

    /**
     * The name of the file a query was read from, without {@code .cypher} ({@code
     * queries/actor-met}), or {@code inline} for Cypher written in the code or sent by a client.
     */
    public static String nameOf(String cypher) {
        return NAMES.getOrDefault(cypher, "inline");
    }

    /** Reads {@code cypher/<name>} from the classpath. */
    public static String read(String name) {
        String path = "cypher/" + name;
        try (InputStream in = CypherScript.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No Cypher resource " + path + " on the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            text = text.startsWith("\uFEFF") ? text.substring(1) : text;
            NAMES.putIfAbsent(text, name.endsWith(".cypher") ? name.substring(0, name.length() - 7) : name);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    /** The statements of a script, in order, each without its terminating semicolon. */
    public static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean meaningful = false;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            char next = i + 1 < n ? script.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(script, i, end);
                i = end;
            } else if (c == '/' && next == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(script, i, end);
                i = end;
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = closingQuote(script, i, c);
                current.append(script, i, end);
                meaningful = true;
                i = end;
            } else if (c == ';') {
                if (meaningful) {
                    result.add(current.toString().strip());
                }
                current.setLength(0);
                meaningful = false;
                i++;
            } else {
                current.append(c);
                meaningful |= !Character.isWhitespace(c);
                i++;
            }
        }
        if (meaningful) {
            result.add(current.toString().strip());
        }
        return result;
    }

    private static int closingQuote(String script, int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                // A doubled backtick is an escaped backtick inside a quoted name.
                if (quote == '`' && i + 1 < script.length() && script.charAt(i + 1) == '`') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return script.length();
    }
}
