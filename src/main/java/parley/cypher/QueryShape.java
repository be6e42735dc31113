package parley.cypher;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * A cheap scan of a query's text, before it reaches Neo4j, for the two things that overflow
 * Neo4j's parser and printer stacks: expressions nested or chained too deep, and string literals
 * too long. It does not parse Cypher; it bounds, from above, how deep any expression can nest.
 *
 * <p>Neo4j builds a chain of operators ({@code 1+1+…+1}, {@code NOT NOT …}, {@code 'a'+'a'+…},
 * {@code a AND b AND …}, {@code x[0][0]…}, a long pattern) as a tree as deep as the chain is long,
 * and recurses over it to parse, rewrite and print it (an unaliased column is named by printing
 * its expression). Nested brackets and {@code CASE} add a level each. So the scan keeps a stack
 * of open brackets and {@code CASE}s; in each, it counts the operators since the last comma (a
 * comma or a clause keyword starts a new expression). The <em>depth</em> at a point is the sum,
 * over the open levels, of one plus that level's count; the query's depth is the largest such sum.
 * An opening bracket also counts as an operator of the level it opens in, since a call, a
 * subscript or a literal there is one more node of that level's expression.
 *
 * <p>Strings, backtick-quoted names and comments are skipped (their content is not Cypher), and a
 * string literal's length is measured.
 */
final class QueryShape {

    /** Words that are operators: each one joins two expressions or wraps one. */
    private static final Set<String> WORD_OPERATORS =
            Set.of("and", "or", "xor", "not", "in", "starts", "ends", "contains", "is", "case");

    /** Words that start a new expression at the current level, like a comma. */
    private static final Set<String> SEPARATORS = Set.of(
            "match",
            "optional",
            "where",
            "return",
            "with",
            "unwind",
            "as",
            "order",
            "by",
            "skip",
            "limit",
            "offset",
            "call",
            "yield",
            "union",
            "when",
            "then",
            "else",
            "distinct",
            "use",
            "finish",
            "filter",
            "let");

    private static final String OPERATOR_CHARS = "+-*/%^=<>!|.";

    /** The deepest expression and the longest string literal of a query. */
    record Shape(int depth, int longestString) {}

    private QueryShape() {}

    static Shape of(String query) {
        // Per open level: {operators in its current expression, 1 if CASE opened it}.
        Deque<int[]> levels = new ArrayDeque<>();
        levels.push(new int[] {0, 0});
        int current = 1; // the sum over the open levels of 1 + their operators
        int depth = 1;
        int longestString = 0;
        int n = query.length();
        int i = 0;
        while (i < n) {
            char c = query.charAt(i);
            if (c == '\'' || c == '"') {
                int end = endOfString(query, i);
                longestString = Math.max(longestString, end - i - 1);
                i = end + 1;
            } else if (c == '`') {
                int end = query.indexOf('`', i + 1);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && query.charAt(i + 1) == '/') {
                int end = query.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && query.charAt(i + 1) == '*') {
                int end = query.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '(' || c == '[' || c == '{') {
                levels.peek()[0]++;
                levels.push(new int[] {0, 0});
                current += 2;
                depth = Math.max(depth, current);
                i++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (levels.size() > 1) {
                    current -= 1 + levels.pop()[0];
                }
                i++;
            } else if (c == ',' || c == ';') {
                current -= levels.peek()[0];
                levels.peek()[0] = 0;
                i++;
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                int start = i;
                while (i < n && OPERATOR_CHARS.indexOf(query.charAt(i)) >= 0) {
                    i++;
                }
                boolean decimalPoint = c == '.'
                        && i - start == 1
                        && start > 0
                        && Character.isDigit(query.charAt(start - 1))
                        && i < n
                        && Character.isDigit(query.charAt(i));
                if (!decimalPoint) {
                    levels.peek()[0]++;
                    current++;
                    depth = Math.max(depth, current);
                }
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '_')) {
                    i++;
                }
                if (i == start) {
                    i++;
                    continue;
                }
                String word = query.substring(start, i).toLowerCase(Locale.ROOT);
                if (word.equals("case")) {
                    levels.peek()[0]++;
                    levels.push(new int[] {0, 1});
                    current += 2;
                    depth = Math.max(depth, current);
                } else if (word.equals("end") && levels.size() > 1 && levels.peek()[1] == 1) {
                    current -= 1 + levels.pop()[0];
                } else if (WORD_OPERATORS.contains(word)) {
                    levels.peek()[0]++;
                    current++;
                    depth = Math.max(depth, current);
                } else if (SEPARATORS.contains(word)) {
                    current -= levels.peek()[0];
                    levels.peek()[0] = 0;
                }
            } else {
                i++;
            }
        }
        return new Shape(depth, longestString);
    }

    /** The index of the quote closing the string opened at {@code start}, or the end of the text. */
    private static int endOfString(String query, int start) {
        char quote = query.charAt(start);
        int i = start + 1;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i;
            } else {
                i++;
            }
        }
        return query.length();
    }
}
