package parley.cypher;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Result;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;

/**
 * Runs client Cypher read-only, guarded in depth:
 *
 * <ol>
 *   <li>the transaction is opened with access mode READ, so Neo4j itself refuses any write, schema
 *       change or writing procedure, whatever the query's spelling;
 *   <li>before running, the query is planned with {@code EXPLAIN}: Neo4j's own classification of it
 *       must be read-only, and its plan may hold no {@code LOAD CSV}, no administration or
 *       {@code SHOW} command, and no procedure outside an allow-list;
 *   <li>before anything reaches Neo4j, the query's text is scanned ({@link QueryShape}) for
 *       expressions nested or chained deeper than Neo4j's parser and printer can take, and for
 *       string literals too long, and its parameters are measured;
 *   <li>the query runs on a connection budget of its own ({@link CypherLanes}), never on the
 *       connections of the read endpoints; the server stops the transaction past a time limit,
 *       and the service stops waiting past its own deadline;
 *   <li>at most {@code rowLimit} rows and {@code maxAnswerBytes} bytes of JSON are read, then the
 *       transaction is rolled back.
 * </ol>
 */
@Singleton
final class CypherRunner {

    private static final String EXPLAIN = "EXPLAIN ";
    private static final Pattern POSITION = Pattern.compile("\\(line (\\d+), column (\\d+) \\(offset: (\\d+)\\)\\)");

    private static final List<String> ADMIN_OPERATOR_PREFIXES = List.of(
            "show",
            "create",
            "drop",
            "alter",
            "grant",
            "deny",
            "revoke",
            "rename",
            "start",
            "stop",
            "enable",
            "terminate",
            "assert",
            "systemprocedure",
            "deallocate",
            "reallocate",
            "setowner",
            "copy");

    /** A Java class name in a message from the database (a library's exception); never shown. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("(?:Caused by: )?\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][\\w$]*(?::\\s*)?");

    private final CypherLanes lanes;
    private final Duration timeout;
    private final int rowLimit;
    private final int maxQueryLength;
    private final Set<String> allowedProcedures;
    private final long maxParameterSize;
    private final int maxExpressionDepth;
    private final int maxStringLength;
    private final long maxAnswerBytes;

    CypherRunner(
            CypherLanes lanes,
            @Value("${parley.cypher.timeout:5s}") Duration timeout,
            @Value("${parley.cypher.max-rows:1000}") int rowLimit,
            @Value("${parley.cypher.max-query-length:20000}") int maxQueryLength,
            @Value("${parley.cypher.allowed-procedures}") List<String> allowedProcedures,
            @Value("${parley.cypher.max-parameter-size:100000}") long maxParameterSize,
            @Value("${parley.cypher.max-expression-depth:64}") int maxExpressionDepth,
            @Value("${parley.cypher.max-string-length:1000}") int maxStringLength,
            @Value("${parley.cypher.max-answer-bytes:10000000}") long maxAnswerBytes) {
        this.lanes = lanes;
        this.timeout = timeout;
        this.rowLimit = rowLimit;
        this.maxQueryLength = maxQueryLength;
        this.allowedProcedures = Set.copyOf(allowedProcedures);
        this.maxParameterSize = maxParameterSize;
        this.maxExpressionDepth = maxExpressionDepth;
        this.maxStringLength = maxStringLength;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    QueryResult run(String query, Map<String, Object> parameters) {
        if (query == null || query.isBlank()) {
            throw new CypherRefusedException(HttpStatus.BAD_REQUEST, "invalid_query", "query is empty");
        }
        if (query.length() > maxQueryLength) {
            throw new CypherRefusedException(
                    HttpStatus.BAD_REQUEST,
                    "invalid_query",
                    "query is " + query.length() + " characters long; at most " + maxQueryLength + " are accepted");
        }
        long size = size(parameters);
        if (size > maxParameterSize) {
            throw new CypherRefusedException(
                    HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "parameters_too_large",
                    "the parameters hold " + size + " values and string characters; at most " + maxParameterSize
                            + " are accepted (parley.cypher.max-parameter-size)");
        }
        checkStrings("params", parameters);
        checkShape(query);
        Map<String, Object> params = normalize(parameters);
        long start = System.nanoTime();
        try {
            return lanes.run(timeout, tx -> {
                check(tx.run(EXPLAIN + query, params).consume());
                Result result = tx.run(query, params);
                List<String> columns = result.keys();
                List<List<Object>> rows = new ArrayList<>();
                boolean truncated = false;
                long bytes = 0;
                while (result.hasNext()) {
                    if (rows.size() == rowLimit) {
                        truncated = true;
                        break;
                    }
                    var record = result.next();
                    for (org.neo4j.driver.Value value : record.values()) {
                        bytes += 1 + CypherValues.size(value, maxAnswerBytes - bytes);
                    }
                    if (bytes > maxAnswerBytes) {
                        // Closing the transaction (by leaving) rolls it back and discards the rest.
                        throw new CypherRefusedException(
                                HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                                "answer_too_large",
                                "the answer grew past " + maxAnswerBytes + " bytes (parley.cypher.max-answer-bytes)"
                                        + (rows.isEmpty() ? " in its first row" : " after " + rows.size() + " rows")
                                        + "; return fewer or smaller values");
                    }
                    List<Object> row = new ArrayList<>(columns.size());
                    record.values().forEach(v -> row.add(CypherValues.json(v)));
                    rows.add(row);
                }
                return new QueryResult(columns, rows, rowLimit, truncated, (System.nanoTime() - start) / 1_000_000);
            });
        } catch (CypherRefusedException e) {
            throw e;
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw e;
        } catch (Neo4jException e) {
            throw translate(e);
        }
    }

    private void checkShape(String query) {
        QueryShape.Shape shape = QueryShape.of(query);
        if (shape.depth() > maxExpressionDepth) {
            throw new CypherRefusedException(
                    HttpStatus.BAD_REQUEST,
                    "query_too_deep",
                    "an expression in the query nests or chains about " + shape.depth()
                            + " levels deep (brackets, CASE and operators counted); at most " + maxExpressionDepth
                            + " are accepted (parley.cypher.max-expression-depth)");
        }
        if (shape.longestString() > maxStringLength) {
            throw new CypherRefusedException(
                    HttpStatus.BAD_REQUEST,
                    "string_too_long",
                    "a string literal in the query is " + shape.longestString() + " characters long; at most "
                            + maxStringLength + " are accepted (parley.cypher.max-string-length)");
        }
    }

    /** No string parameter longer than the limit, wherever it is nested; the path names it. */
    private void checkStrings(String path, Object value) {
        switch (value) {
            case String s
            when s.length() > maxStringLength ->
                throw new CypherRefusedException(
                        HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                        "parameters_too_large",
                        path + " is a string of " + s.length() + " characters; at most " + maxStringLength
                                + " are accepted (parley.cypher.max-string-length)");
            case Map<?, ?> m -> m.forEach((k, v) -> checkStrings(path + "." + k, v));
            case List<?> l -> {
                for (int i = 0; i < l.size(); i++) {
                    checkStrings(path + "[" + i + "]", l.get(i));
                }
            }
            case null, default -> {}
        }
    }

    private void check(ResultSummary explained) {
        QueryType type = explained.queryType();
        if (type == QueryType.SCHEMA_WRITE && explained.hasPlan()) {
            // Neo4j classifies every DBMS procedure and command so, even one that only reads:
            // name the procedure or command refused rather than calling it a write.
            walk(explained.plan());
        }
        if (type != QueryType.READ_ONLY) {
            throw new CypherRefusedException(
                    HttpStatus.FORBIDDEN,
                    "write_refused",
                    "the query would write (Neo4j classifies it as " + type + "); this endpoint only reads");
        }
        if (explained.hasPlan()) {
            walk(explained.plan());
        }
    }

    private void walk(Plan plan) {
        String operator = plan.operatorType().split("@")[0];
        String normalized = operator.toLowerCase(Locale.ROOT);
        if (normalized.startsWith("loadcsv")) {
            throw new CypherRefusedException(
                    HttpStatus.FORBIDDEN,
                    "load_csv_refused",
                    "LOAD CSV reads files and URLs; this endpoint does not allow it");
        }
        if (ADMIN_OPERATOR_PREFIXES.stream().anyMatch(normalized::startsWith)) {
            throw new CypherRefusedException(
                    HttpStatus.FORBIDDEN,
                    "admin_refused",
                    "administration and schema commands (" + operator + ") are not allowed here");
        }
        if (normalized.contains("procedurecall")) {
            String procedure = procedureName(plan);
            if (!allowedProcedures.contains(procedure)) {
                throw new CypherRefusedException(
                        HttpStatus.FORBIDDEN,
                        "procedure_refused",
                        "procedure '" + procedure + "' is not allowed; allowed: "
                                + allowedProcedures.stream().sorted().toList());
            }
        }
        plan.children().forEach(this::walk);
    }

    private static String procedureName(Plan plan) {
        var details = plan.arguments().get("Details");
        String text = details == null ? "" : details.asString("");
        int paren = text.indexOf('(');
        return (paren < 0 ? text : text.substring(0, paren)).strip().toLowerCase(Locale.ROOT);
    }

    private CypherRefusedException translate(Neo4jException e) {
        String code = e.code() == null ? "" : e.code();
        String message = e.getMessage();
        if (code.contains("TransactionTimedOut") || code.contains("Terminated") || message.contains("timed out")) {
            return new CypherRefusedException(
                    HttpStatus.REQUEST_TIMEOUT,
                    "query_timeout",
                    "the query was stopped after the time limit of " + timeout.toMillis()
                            + " ms (parley.cypher.timeout)");
        }
        if (code.contains("AccessMode")
                || code.contains("ForbiddenOnReadOnlyDatabase")
                || message.contains("read access mode")) {
            return new CypherRefusedException(
                    HttpStatus.FORBIDDEN,
                    "write_refused",
                    "Neo4j refused a write in this read-only transaction: " + clean(message));
        }
        if (e instanceof TransientException && (code.contains("Memory") || message.contains("memory"))) {
            return new CypherRefusedException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "query_too_large",
                    "the query needed more memory than the database allows: " + clean(message));
        }
        if (e instanceof ClientException) {
            return new CypherRefusedException(HttpStatus.BAD_REQUEST, "invalid_query", clean(unprefixed(message)));
        }
        if (code.startsWith("Neo.DatabaseError.")) {
            // The statement failed while running (a value grown past what Neo4j can hold, a
            // shortestPath whose ends coincide, USE of a graph by an element id that names none):
            // the other endpoints answer, so it is this query's fault, not the database's; no 500.
            return new CypherRefusedException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "query_failed",
                    "the database could not execute this query (" + code + "): " + abbreviate(clean(message)));
        }
        throw e;
    }

    /** The database's message without the Java class names of its libraries' exceptions. */
    static String clean(String message) {
        String cleaned = CLASS_NAME
                .matcher(message == null ? "" : message)
                .replaceAll("")
                .strip();
        return cleaned.isEmpty() ? "no reason given" : cleaned;
    }

    /**
     * Neo4j's message about the planned query as if the client's query had been planned: the
     * {@code EXPLAIN } the guard puts in front is taken out of the quoted text, and the position
     * (offset; column and caret on the first line) moved back by its length.
     */
    static String unprefixed(String message) {
        if (message == null || !message.contains(EXPLAIN)) {
            return message;
        }
        int shift = EXPLAIN.length();
        Matcher position = POSITION.matcher(message);
        boolean firstLine = false;
        StringBuilder out = new StringBuilder();
        while (position.find()) {
            int line = Integer.parseInt(position.group(1));
            int column = Integer.parseInt(position.group(2));
            int offset = Integer.parseInt(position.group(3));
            firstLine = line == 1;
            position.appendReplacement(
                    out,
                    "(line " + line + ", column " + (firstLine ? Math.max(1, column - shift) : column) + " (offset: "
                            + Math.max(0, offset - shift) + "))");
        }
        position.appendTail(out);
        List<String> lines = new ArrayList<>(out.toString().lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("\"" + EXPLAIN)) {
                lines.set(i, "\"" + l.substring(1 + shift));
                if (firstLine && i + 1 < lines.size() && lines.get(i + 1).matches(" {" + shift + ",}\\^\\s*")) {
                    lines.set(i + 1, lines.get(i + 1).substring(shift));
                }
            }
        }
        return String.join("\n", lines);
    }

    private static String abbreviate(String s) {
        String line = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }

    /**
     * How big the parameters are: one per value, list element and map entry, plus the characters of
     * every string. A bound on what the database is asked to hold for one request, whatever it does.
     */
    static long size(Object value) {
        return switch (value) {
            case null -> 1;
            case String s -> 1 + s.length();
            case Map<?, ?> m -> {
                long n = 1;
                for (var e : m.entrySet()) {
                    n += String.valueOf(e.getKey()).length() + size(e.getValue());
                }
                yield n;
            }
            case List<?> l -> {
                long n = 1;
                for (Object x : l) {
                    n += size(x);
                }
                yield n;
            }
            default -> 1;
        };
    }

    /** JSON numbers may arrive as BigDecimal or BigInteger, which the driver does not take. */
    static Map<String, Object> normalize(Map<String, Object> parameters) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (parameters != null) {
            parameters.forEach((k, v) -> result.put(k, normalizeValue(v)));
        }
        return result;
    }

    private static Object normalizeValue(Object v) {
        return switch (v) {
            case BigInteger i -> i.bitLength() < 64 ? (Object) i.longValue() : i.doubleValue();
            case BigDecimal d ->
                d.scale() <= 0 && d.precision() - d.scale() < 19 ? (Object) d.longValueExact() : d.doubleValue();
            case Integer i -> i.longValue();
            case Float f -> f.doubleValue();
            case Map<?, ?> m -> {
                Map<String, Object> map = new LinkedHashMap<>();
                m.forEach((k, x) -> map.put(String.valueOf(k), normalizeValue(x)));
                yield map;
            }
            case List<?> l -> l.stream().map(CypherRunner::normalizeValue).toList();
            case null -> null;
            default -> v;
        };
    }
}
