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
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;
import parley.neo4j.Graph;

/**
 * Runs client Cypher read-only, guarded in depth:
 *
 * <ol>
 *   <li>the transaction is opened with access mode READ, so Neo4j itself refuses any write, schema
 *       change or writing procedure, whatever the query's spelling;
 *   <li>before running, the query is planned with {@code EXPLAIN}: Neo4j's own classification of it
 *       must be read-only, and its plan may hold no {@code LOAD CSV}, no administration or
 *       {@code SHOW} command, and no procedure outside an allow-list;
 *   <li>the server stops the transaction past a time limit;
 *   <li>at most {@code rowLimit} rows are read, then the transaction is rolled back.
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

    private final Graph graph;
    private final Duration timeout;
    private final int rowLimit;
    private final int maxQueryLength;
    private final Set<String> allowedProcedures;
    private final long maxParameterSize;

    CypherRunner(
            Graph graph,
            @Value("${parley.cypher.timeout:5s}") Duration timeout,
            @Value("${parley.cypher.max-rows:1000}") int rowLimit,
            @Value("${parley.cypher.max-query-length:20000}") int maxQueryLength,
            @Value("${parley.cypher.allowed-procedures}") List<String> allowedProcedures,
            @Value("${parley.cypher.max-parameter-size:100000}") long maxParameterSize) {
        this.graph = graph;
        this.timeout = timeout;
        this.rowLimit = rowLimit;
        this.maxQueryLength = maxQueryLength;
        this.allowedProcedures = Set.copyOf(allowedProcedures);
        this.maxParameterSize = maxParameterSize;
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
        Map<String, Object> params = normalize(parameters);
        long start = System.nanoTime();
        try {
            return graph.readOnly(timeout, tx -> {
                check(tx.run(EXPLAIN + query, params).consume());
                Result result = tx.run(query, params);
                List<String> columns = result.keys();
                List<List<Object>> rows = new ArrayList<>();
                boolean truncated = false;
                while (result.hasNext()) {
                    if (rows.size() == rowLimit) {
                        truncated = true;
                        break;
                    }
                    var record = result.next();
                    List<Object> row = new ArrayList<>(columns.size());
                    record.values().forEach(v -> row.add(CypherValues.json(v)));
                    rows.add(row);
                }
                return new QueryResult(columns, rows, rowLimit, truncated, (System.nanoTime() - start) / 1_000_000);
            });
        } catch (CypherRefusedException e) {
            throw e;
        } catch (Neo4jException e) {
            throw translate(e);
        }
    }

    private void check(ResultSummary explained) {
        QueryType type = explained.queryType();
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
                    "Neo4j refused a write in this read-only transaction: " + message);
        }
        if (e instanceof TransientException && (code.contains("Memory") || message.contains("memory"))) {
            return new CypherRefusedException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "query_too_large",
                    "the query needed more memory than the database allows: " + message);
        }
        if (e instanceof ClientException) {
            return new CypherRefusedException(HttpStatus.BAD_REQUEST, "invalid_query", unprefixed(message));
        }
        if (code.startsWith("Neo.DatabaseError.Statement.")) {
            // The statement itself failed while running (a value grown past what Neo4j can hold, a
            // shortestPath whose ends coincide): the query's fault, not the database's; no 500.
            return new CypherRefusedException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "query_failed",
                    "the database could not execute this query (" + code + "): " + abbreviate(message));
        }
        throw e;
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
