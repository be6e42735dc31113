package parley.claims;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import parley.api.Evidence;
import parley.api.Page;
import parley.api.Paging;
import parley.api.Ref;
import parley.api.Rows;
import parley.neo4j.CypherScript;
import parley.neo4j.Graph;

@Controller("/api/claims")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ClaimsController {

    private static final String CLAIMS = CypherScript.read("queries/claims.cypher");

    /**
     * A claim with who claims and who denies it ({@code attributedTo} where the source names no one, as
     * "two Ukrainian officials"), who reported it, what it is about, and the sources reporting it.
     */
    @Serdeable
    record Claim(
            String id,
            String text,
            @Nullable @Schema(format = "date") String date,
            @Nullable String attributedTo,
            List<Side> claimedBy,
            List<Side> deniedBy,
            List<Side> reportedBy,
            List<Ref> about,
            List<Evidence> evidence) {}

    /** One actor's side of a claim, with the sentences that report it. */
    @Serdeable
    record Side(Ref actor, List<Evidence> evidence) {}

    private final Graph graph;
    private final Rows rows;

    ClaimsController(Graph graph, Rows rows) {
        this.graph = graph;
        this.rows = rows;
    }

    /** Claims, contested ones (with a denial) first; {@code contested=true} keeps only those. */
    @Operation(summary = "Claims, contested ones (with a denial) first; contested=true keeps only those.")
    @Get
    Page<Claim> claims(
            @Nullable @QueryValue Boolean contested,
            @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_LIMIT) Integer limit,
            @QueryValue(defaultValue = "0") @Min(0) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("contested", contested);
        parameters.put("offset", paging.offset());
        parameters.put("limit", paging.limit());
        List<Record> records = graph.read(CLAIMS, parameters).records();
        return rows.page(records, paging, "claim", Claim.class);
    }
}
