package parley.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.neo4j.driver.Record;
import parley.api.BadParameterException;
import parley.api.Page;
import parley.api.Paging;
import parley.api.Params;
import parley.neo4j.CypherScript;
import parley.neo4j.Graph;

@Controller("/api/search")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SearchController {

    private static final String SEARCH = CypherScript.read("queries/search.cypher");
    private static final Pattern LUCENE_SPECIAL = Pattern.compile("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])");

    /** A node that matches, with its label and what to show for it; higher scores first. */
    @Serdeable
    record Hit(
            String id,
            String label,
            @Nullable String text,
            @Nullable List<String> aliases,
            double score) {}

    private final Graph graph;

    SearchController(Graph graph) {
        this.graph = graph;
    }

    /**
     * Searches names, other spellings, titles, quotations, demands and summaries; each word may be
     * misspelt. The node named exactly so comes first, then those with it as another spelling.
     */
    @Operation(
            summary =
                    "Searches names, other spellings, titles, quotations, demands and summaries; each word may be misspelt.")
    @Get
    Page<Hit> search(
            @QueryValue
                    @NotBlank
                    @Size(max = 200)
                    @Parameter(description = "words to find, any spelling", example = "Zelenskyy")
                    String q,
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) Integer limit,
            @QueryValue(defaultValue = "0") @Min(0) Integer offset) {
        String text = Params.required("q", q, 200);
        Paging paging = new Paging(limit, offset);
        String query = luceneQuery(text);
        String words = String.join(" ", text.toLowerCase(Locale.ROOT).split("\\s+"));
        List<Record> records = graph.read(
                        SEARCH,
                        Map.of("query", query, "text", words, "offset", paging.offset(), "limit", paging.limit()))
                .records();
        List<Hit> hits = records.stream()
                .map(r -> new Hit(
                        r.get("id").asString(),
                        r.get("label").asString(),
                        r.get("text").asString(null),
                        r.get("aliases").isNull() ? null : r.get("aliases").asList(v -> v.asString()),
                        r.get("score").asDouble()))
                .toList();
        long total = records.isEmpty() ? 0 : records.getFirst().get("total").asLong();
        return new Page<>(total, paging.limit(), paging.offset(), hits);
    }

    /**
     * Each word as typed (boosted) or within two edits of it, so 'Zelenskyy' and 'Kiev' find what
     * the articles spell otherwise; Lucene's operators in user input are escaped, never obeyed.
     */
    static String luceneQuery(String text) {
        List<String> words = List.of(text.toLowerCase(Locale.ROOT).split("\\s+"));
        String query = words.stream()
                .filter(w -> !w.isBlank())
                .map(w -> LUCENE_SPECIAL.matcher(w).replaceAll("\\\\$1"))
                .map(w -> w.length() >= 4 ? w + "^2 " + w + "~" : w)
                .collect(Collectors.joining(" "));
        if (query.isBlank()) {
            throw new BadParameterException("q", "q must contain a word");
        }
        return query;
    }
}
