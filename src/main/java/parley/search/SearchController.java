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

    /**
     * How many of the index's best matches a search reads, ranks and pages: a common or misspelt
     * word matches tens of thousands of nodes at 10^6 facts, and collecting all of them for an
     * exact total cost more than the rest of the request (docs/benchmarks-notes.md).
     */
    static final int MAX_MATCHES = 500;

    /**
     * One page of the best matches: {@code total} counts them up to {@value #MAX_MATCHES}; {@code
     * more} says the index holds more than that (then {@code total} is {@value #MAX_MATCHES} and
     * pages end there).
     */
    @Serdeable
    record SearchResults(long total, boolean more, int limit, int offset, List<Hit> items) {}

    private final Graph graph;

    SearchController(Graph graph) {
        this.graph = graph;
    }

    /**
     * Searches names, other spellings, titles, quotations, demands and summaries; a word may be
     * misspelt in names, other spellings and titles. The node named exactly so comes first, then
     * those with it as another spelling.
     */
    @Operation(
            summary =
                    "Searches names, other spellings, titles, quotations, demands and summaries; a word may be misspelt"
                            + " in names, other spellings and titles.",
            description = "Reads the full-text index's best " + MAX_MATCHES + " matches by score, ranks them (the node"
                    + " named so first, then those with it as another spelling, then by score) and returns one page."
                    + " total counts the matches up to " + MAX_MATCHES + "; more is true when the index holds more"
                    + " than that, and then pages end at " + MAX_MATCHES + ".")
    @Get
    SearchResults search(
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
                        Map.of(
                                "query",
                                query,
                                "text",
                                words,
                                "cap",
                                MAX_MATCHES,
                                "offset",
                                paging.offset(),
                                "limit",
                                paging.limit()))
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
        boolean more = !records.isEmpty() && records.getFirst().get("more").asBoolean();
        return new SearchResults(total, more, paging.limit(), paging.offset(), hits);
    }

    /**
     * The fields where a word may be misspelt: names, other spellings and titles. Quotations,
     * demands, summaries and descriptions match the word as typed: Lucene builds a fuzzy automaton
     * per field and index segment for every search, which was most of a search's time at 10^6
     * facts with all six fields (docs/benchmarks-notes.md, round 4).
     */
    static final List<String> FUZZY_FIELDS = List.of("name", "aliases", "title");

    /**
     * Each word as typed in any field (boosted), or within two edits of it in a name, other
     * spelling or title, so 'Zelenskyy' and 'Kiev' find what the articles spell otherwise; Lucene's
     * operators in user input are escaped, never obeyed.
     */
    static String luceneQuery(String text) {
        List<String> words = List.of(text.toLowerCase(Locale.ROOT).split("\\s+"));
        String query = words.stream()
                .filter(w -> !w.isBlank())
                .map(w -> LUCENE_SPECIAL.matcher(w).replaceAll("\\\\$1"))
                .map(w -> w.length() >= 4
                        ? w + "^2 "
                                + FUZZY_FIELDS.stream()
                                        .map(f -> f + ":" + w + "~")
                                        .collect(Collectors.joining(" "))
                        : w)
                .collect(Collectors.joining(" "));
        if (query.isBlank()) {
            throw new BadParameterException("q", "q must contain a word");
        }
        return query;
    }
}
