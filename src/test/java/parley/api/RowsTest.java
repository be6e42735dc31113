package parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import parley.actors.Actors;
import parley.stats.Stats;

/** The direct conversion of Cypher values to records answers as the JSON-tree-and-serde path did. */
class RowsTest {

    private final JsonMapper json = ObjectMapper.getDefault();
    private final Rows rows = new Rows(json);

    @Test
    void recordsListsNullsDatesAndNumbersAsSerdeBuildsThem() throws Exception {
        Map<String, Object> meeting = new HashMap<>();
        meeting.put("id", "m-1");
        meeting.put("title", "Talks in Miami");
        meeting.put("date", LocalDate.of(2025, 12, 20));
        meeting.put("datePrecision", null);
        meeting.put("status", "planned");
        meeting.put("role", "lead");
        // side left out: a missing key is null, as serde reads it
        meeting.put("places", List.of("Miami"));
        meeting.put("evidence", List.of(Map.of("source", "article-004", "sentence", "They are to meet.")));
        Value value = Values.value(List.of(
                meeting,
                Map.of(
                        "id",
                        "m-2",
                        "title",
                        "x",
                        "status",
                        "held",
                        "role",
                        "party",
                        "places",
                        List.of(),
                        "evidence",
                        List.of())));
        List<Actors.MeetingAttended> direct = rows.listOf(value, Actors.MeetingAttended.class);
        assertEquals(serde(value, Argument.listOf(Actors.MeetingAttended.class)), direct);
        assertEquals("2025-12-20", direct.getFirst().date(), "a date becomes its ISO string");
        assertEquals(null, direct.getFirst().side());
        assertEquals(
                json.writeValueAsString(serde(value, Argument.listOf(Actors.MeetingAttended.class))),
                json.writeValueAsString(direct));

        Value counts = Values.value(Map.of(
                "roles",
                1,
                "relations",
                2,
                "meetings",
                3_000_000_000L,
                "demandsMade",
                4,
                "demandsFaced",
                5,
                "positions",
                6,
                "statements",
                7,
                "claims",
                8));
        assertEquals(serde(counts, Argument.of(Actors.Counts.class)), rows.as(counts, Actors.Counts.class));
        assertEquals(3_000_000_000L, rows.as(counts, Actors.Counts.class).meetings());

        List<Object> aliases = new ArrayList<>(Arrays.asList("Kyiv", "Kiev"));
        Value summary = Values.value(Map.of("id", "ukraine", "type", "Country", "name", "Ukraine", "aliases", aliases));
        assertEquals(serde(summary, Argument.of(Actors.Summary.class)), rows.as(summary, Actors.Summary.class));
    }

    @Test
    void theDirectPathTakesTheAnswerRecordsAndLeavesOtherTypesToSerde() {
        assertTrue(Rows.direct(Argument.listOf(Actors.Profile.class).asType()));
        assertTrue(Rows.direct(Stats.class), "maps of longs");
        assertTrue(!Rows.direct(LocalDate.class));
        assertEquals(LocalDate.of(2025, 12, 20), rows.as(Values.value("2025-12-20"), LocalDate.class), "through serde");
    }

    private <T> T serde(Value value, Argument<T> type) throws Exception {
        return json.readValueFromTree(JsonNode.from(Rows.plain(value)), type);
    }
}
