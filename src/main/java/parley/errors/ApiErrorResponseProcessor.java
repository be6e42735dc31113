package parley.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Micronaut's own errors (404, 405, a parameter that does not convert, a body that does not
 * parse) in the same {@link ApiError} shape as ours, instead of HATEOAS links.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ApiErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

    private static final Pattern SOURCE = Pattern.compile("\\s*at \\[Source: ([^\\]]*)\\]");
    private static final Pattern LINE = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern BYTE = Pattern.compile("byte offset: #(\\d+)");

    private static final int NOT_ACCEPTABLE = 406;

    /** What a client asking for another format (Accept: text/csv) can use instead. */
    static final String EXPORTS_HINT = "This endpoint answers application/json only. The graph, or part of it,"
            + " is exported as CSV (text/csv) at /api/export/nodes.csv and /api/export/relationships.csv,"
            + " as GraphML at /api/export/graph.graphml and as JSON Lines at /api/export/facts.jsonl";

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        List<ApiError.Problem> problems = context.getErrors().stream()
                .map(e -> new ApiError.Problem(e.getPath().orElse(""), clean(e.getMessage())))
                .toList();
        String message = status == NOT_ACCEPTABLE
                ? EXPORTS_HINT
                : problems.isEmpty() ? response.reason() : problems.getFirst().reason();
        String error = response.reason().toLowerCase(Locale.ROOT).replace(' ', '_');
        return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError(status, error, message, problems));
    }

    /**
     * The parser's words without its internals: Jackson's {@code [Source: REDACTED
     * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 9]} becomes
     * {@code at line 1, column 9} (or {@code at byte 9}).
     */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = SOURCE.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Matcher line = LINE.matcher(m.group(1));
            Matcher offset = BYTE.matcher(m.group(1));
            String where = line.find()
                    ? "line " + line.group(1) + ", column " + line.group(2)
                    : offset.find() ? "byte " + offset.group(1) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(where.isEmpty() ? "" : " at " + where));
        }
        m.appendTail(out);
        return out.toString()
                .replaceAll("\\s*\\(`?StreamReadFeature\\.[A-Z_]+`? disabled\\)", "")
                .strip();
    }
}
