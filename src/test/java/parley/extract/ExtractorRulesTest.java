package parley.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Each extractor on small sentences of our own, against no graph. The CoreNLP models load once for
 * the test JVM (shared with every other extraction test). Thursday 4 December 2025 is the
 * publication day throughout, so "on Tuesday" is 2 December when past and 9 December when to come.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractorRulesTest {

    private static final String THURSDAY = "2025-12-04";

    @BeforeAll
    void loadModels() {
        NlpPipeline.load();
    }

    /** The rest of the suite runs without the models in its heap. */
    @AfterAll
    void unloadModels() {
        NlpPipeline.unload();
    }

    private static JsonNode onlyMeeting(JsonNode draft) {
        List<JsonNode> meetings = Drafts.facts(draft, "Meeting");
        assertEquals(1, meetings.size(), () -> "one meeting expected in " + draft.get("facts"));
        return meetings.getFirst();
    }

    @Test
    void setToMeetIsPlannedForTheNextSuchDay() {
        JsonNode draft = Drafts.of("Steve Witkoff is set to meet Vladimir Putin in Moscow on Tuesday.", THURSDAY);
        JsonNode meeting = onlyMeeting(draft);
        assertEquals("planned", meeting.get("status").asString());
        assertEquals("2025-12-09", meeting.get("date").asString());
        assertEquals("on Tuesday", meeting.get("dateText").asString());
        assertEquals("day", meeting.get("datePrecision").asString());
        String id = meeting.get("id").asString();
        assertTrue(Drafts.has(draft, "ATTENDED", Drafts.entity(draft, "Steve Witkoff"), id));
        assertTrue(Drafts.has(draft, "ATTENDED", Drafts.entity(draft, "Vladimir Putin"), id));
        assertTrue(Drafts.has(draft, "HELD_IN", id, Drafts.entity(draft, "Moscow")));
        assertTrue(meeting.get("rule").asString().startsWith(Meetings.VERB_MEET));
        assertEquals(
                "Steve Witkoff is set to meet Vladimir Putin in Moscow on Tuesday.",
                meeting.get("evidence").get(0).asString());
    }

    @Test
    void metIsHeldOnThePreviousSuchDay() {
        JsonNode meeting = onlyMeeting(Drafts.of("Steve Witkoff met Vladimir Putin in Moscow on Tuesday.", THURSDAY));
        assertEquals("held", meeting.get("status").asString());
        assertEquals("2025-12-02", meeting.get("date").asString());
    }

    @Test
    void willHostIsPlannedAndTheHostIsMarked() {
        JsonNode draft = Drafts.of("Emmanuel Macron will host Volodymyr Zelensky in Paris on Monday.", THURSDAY);
        JsonNode meeting = onlyMeeting(draft);
        assertEquals("planned", meeting.get("status").asString());
        assertEquals("2025-12-08", meeting.get("date").asString());
        JsonNode attended = Drafts.relationships(draft, "ATTENDED").stream()
                .filter(r -> r.get("from").asString().equals(Drafts.entity(draft, "Emmanuel Macron")))
                .findFirst()
                .orElseThrow();
        assertEquals("host", attended.get("properties").get("role").asString());
    }

    @Test
    void talksCalledOffAreCancelled() {
        JsonNode meeting = onlyMeeting(Drafts.of(
                "Planned talks between Marco Rubio and Sergei Lavrov in Budapest were called off on Tuesday.",
                THURSDAY));
        assertEquals("cancelled", meeting.get("status").asString());
    }

    @Test
    void noMeetingWithoutTwoParties() {
        JsonNode draft = Drafts.of("Vladimir Putin praised the weather in Sochi on Tuesday.", THURSDAY);
        assertTrue(Drafts.facts(draft, "Meeting").isEmpty(), () -> draft.get("facts")
                .toString());
        assertTrue(Drafts.facts(draft, "Statement").isEmpty());
    }

    @Test
    void quoteWithTheSpeakerAfterIt() {
        JsonNode draft = Drafts.of("\"We will not give up our land,\" Volodymyr Zelensky said on Friday.", THURSDAY);
        List<JsonNode> statements = Drafts.facts(draft, "Statement");
        assertEquals(1, statements.size());
        JsonNode statement = statements.getFirst();
        assertEquals("We will not give up our land", statement.get("text").asString());
        assertTrue(Drafts.has(
                draft,
                "SAID",
                Drafts.entity(draft, "Volodymyr Zelensky"),
                statement.get("id").asString()));
    }

    @Test
    void quoteWhoseSpeakerIsOnlyAPronounGoesToThePersonNamedBefore() {
        JsonNode draft = Drafts.of(
                "Kaja Kallas arrived in Brussels on Monday. \"Europe stands with Ukraine and will keep paying,\" she"
                        + " said.",
                THURSDAY);
        JsonNode statement = Drafts.facts(draft, "Statement").getFirst();
        assertEquals(
                "Europe stands with Ukraine and will keep paying",
                statement.get("text").asString());
        assertTrue(Drafts.has(
                draft,
                "SAID",
                Drafts.entity(draft, "Kaja Kallas"),
                statement.get("id").asString()));
    }

    @Test
    void warningOnAPastWeekdayResolvesBackwards() {
        JsonNode draft = Drafts.of(
                "Vladimir Putin warned on Wednesday that Russia would take more land if Ukraine rejected the plan.",
                THURSDAY);
        JsonNode demand = Drafts.facts(draft, "Demand").getFirst();
        assertEquals("warning", demand.get("kind").asString());
        assertEquals("2025-12-03", demand.get("date").asString());
        assertEquals("if Ukraine rejected the plan", demand.get("condition").asString());
        assertTrue(Drafts.has(
                draft,
                "DEMANDS",
                Drafts.entity(draft, "Vladimir Putin"),
                demand.get("id").asString()));
        assertTrue(Drafts.has(draft, "DIRECTED_AT", demand.get("id").asString(), Drafts.entity(draft, "Ukraine")));
    }

    @Test
    void urgingIsADemandDirectedAtTheOneUrged() {
        JsonNode draft = Drafts.of("Volodymyr Zelensky urged Germany to send more air defence systems.", THURSDAY);
        JsonNode demand = Drafts.facts(draft, "Demand").getFirst();
        assertEquals("demand", demand.get("kind").asString());
        assertTrue(demand.get("text").asString().contains("send more air defence systems"));
        assertTrue(Drafts.has(draft, "DIRECTED_AT", demand.get("id").asString(), Drafts.entity(draft, "Germany")));
    }

    @Test
    void aDenialOfTheSameAssertionJoinsTheClaim() {
        JsonNode draft = Drafts.of(
                "Russia's Defence Ministry said on Tuesday that Russian forces had captured the village of Novopil."
                        + " Ukraine's General Staff denied that Russian forces had captured Novopil.",
                THURSDAY);
        List<JsonNode> claims = Drafts.facts(draft, "Claim");
        assertEquals(1, claims.size(), () -> draft.get("facts").toString());
        String claim = claims.getFirst().get("id").asString();
        assertEquals(1, Drafts.relationships(draft, "CLAIMS").size());
        assertEquals(1, Drafts.relationships(draft, "DENIES").size());
        assertEquals(
                claim,
                Drafts.relationships(draft, "DENIES").getFirst().get("to").asString());
        assertEquals("2025-12-02", claims.getFirst().get("date").asString());
    }

    @Test
    void strikeWithCasualtiesAndPlace() {
        JsonNode draft = Drafts.of(
                "A Russian missile strike on Kharkiv killed four people and wounded twelve others overnight.",
                THURSDAY);
        JsonNode event = Drafts.facts(draft, "Event").getFirst();
        assertEquals("missile-strike", event.get("kind").asString());
        assertEquals(4, event.get("killed").asInt());
        assertEquals(12, event.get("wounded").asInt());
        assertTrue(Drafts.has(draft, "OCCURRED_IN", event.get("id").asString(), Drafts.entity(draft, "Kharkiv")));
        assertTrue(Drafts.has(
                draft,
                "CARRIED_OUT",
                Drafts.entity(draft, "Russia"),
                event.get("id").asString()));
    }

    @Test
    void nameVariantsAreOneEntityWithTheirDescription() {
        JsonNode draft = Drafts.of(
                "Kremlin spokesman Dmitry Peskov spoke on Monday. Peskov said that the talks were useful.", THURSDAY);
        String id = Drafts.entity(draft, "Dmitry Peskov");
        assertNotNull(id);
        assertEquals(id, Drafts.entity(draft, "Peskov"));
        JsonNode peskov = null;
        for (JsonNode e : draft.get("entities")) {
            if (e.get("id").asString().equals(id)) {
                peskov = e;
            }
        }
        assertEquals("Kremlin spokesman", peskov.get("description").asString());
        assertTrue(Drafts.has(draft, "HOLDS_ROLE", id, Drafts.entity(draft, "Kremlin")));
    }

    @Test
    void sameInputGivesTheSameBytes() {
        String text = "Steve Witkoff met Vladimir Putin in Moscow on Tuesday. \"It was a good meeting,\" Witkoff said.";
        Article article = new Article(new Article.ArticleSource(null, "Moscow talks", THURSDAY, "Wire", null), text);
        byte[] first = CoreNlpExtractor.draft(article, KnownGraph.EMPTY, 200_000);
        byte[] second = CoreNlpExtractor.draft(article, KnownGraph.EMPTY, 200_000);
        assertArrayEquals(first, second);
        assertEquals(
                "moscow-talks-2025-12-04",
                Drafts.read(first).get("source").get("id").asString());
    }
}
