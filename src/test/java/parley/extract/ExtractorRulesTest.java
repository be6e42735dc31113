package parley.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    private static JsonNode onlyClaim(JsonNode draft) {
        List<JsonNode> claims = Drafts.facts(draft, "Claim");
        assertEquals(1, claims.size(), () -> "one claim expected in " + draft.get("facts"));
        return claims.getFirst();
    }

    private static JsonNode onlyStatement(JsonNode draft) {
        List<JsonNode> statements = Drafts.facts(draft, "Statement");
        assertEquals(1, statements.size(), () -> "one statement expected in " + draft.get("facts"));
        return statements.getFirst();
    }

    private static boolean said(JsonNode draft, String name, JsonNode statement) {
        return Drafts.has(
                draft, "SAID", Drafts.entity(draft, name), statement.get("id").asString());
    }

    @Test
    void quotationInsideASentenceIsTheReportingVerbsSubjects() {
        JsonNode draft = Drafts.of(
                "President Anna Berg characterized the talks with Chancellor Karl Weber as \"reasonably good\""
                        + " on Monday.",
                THURSDAY);
        JsonNode statement = onlyStatement(draft);
        assertEquals("reasonably good", statement.get("text").asString());
        assertTrue(said(draft, "Anna Berg", statement));
        assertFalse(said(draft, "Karl Weber", statement));
        assertEquals(Quotes.GOVERNING_REPORT, statement.get("rule").asString());
    }

    @Test
    void theSubjectOfTheReportedClauseIsNotTheSpeaker() {
        JsonNode draft = Drafts.of(
                "Foreign Minister Carlos Mendes issued a statement saying that Brazil must \"stop the delays at"
                        + " once\".",
                THURSDAY);
        JsonNode statement = onlyStatement(draft);
        assertTrue(said(draft, "Carlos Mendes", statement));
        assertFalse(said(draft, "Brazil", statement));
    }

    @Test
    void aQuotationThatGoesOnIsTheSameSpeakers() {
        JsonNode draft = Drafts.of(
                "\"We agreed on the next steps with our partners,\" Maria Costa wrote. \"We are acting in line"
                        + " with the priorities of our government.\"",
                THURSDAY);
        List<JsonNode> statements = Drafts.facts(draft, "Statement");
        assertEquals(2, statements.size());
        statements.forEach(st -> assertTrue(said(draft, "Maria Costa", st), () -> st.toString()));
    }

    @Test
    void aPassageEndsAtABlankLineOrAfterMoreThanOneSentence() {
        assertTrue(Quotes.samePassage("x,\" he wrote. \"", 2, 15));
        assertFalse(Quotes.samePassage("x,\" he wrote.\n\n\"", 2, 16));
        assertFalse(Quotes.samePassage("x.\" He left. Then he came back. \"", 2, 32));
    }

    @Test
    void aDialogueWithSomeoneIsAMeeting() {
        JsonNode draft = Drafts.of(
                "Maria Costa's three-hour dialogue with Ivan Petrenko in Vienna ended without a deal.", THURSDAY);
        JsonNode meeting = onlyMeeting(draft);
        String id = meeting.get("id").asString();
        assertTrue(Drafts.has(draft, "ATTENDED", Drafts.entity(draft, "Maria Costa"), id));
        assertTrue(Drafts.has(draft, "ATTENDED", Drafts.entity(draft, "Ivan Petrenko"), id));
        assertTrue(Drafts.has(draft, "HELD_IN", id, Drafts.entity(draft, "Vienna")));
    }

    @Test
    void isToVisitAPersonIsAPlannedMeeting() {
        JsonNode meeting = onlyMeeting(
                Drafts.of("Maria Costa is to visit Chancellor Ivan Petrenko in Vienna on Tuesday.", THURSDAY));
        assertEquals("planned", meeting.get("status").asString());
        assertEquals("2025-12-09", meeting.get("date").asString());
        assertTrue(meeting.get("rule").asString().startsWith(Meetings.VERB_VISIT));
    }

    @Test
    void visitingAPlaceIsNoMeeting() {
        JsonNode draft = Drafts.of("Maria Costa will visit Vienna on Tuesday.", THURSDAY);
        assertEquals(0, Drafts.facts(draft, "Meeting").size(), () -> draft.get("facts")
                .toString());
    }

    @Test
    void aBodyConveningWithThosePresentWhere() {
        JsonNode draft = Drafts.of(
                "OPEC oil ministers convened in Vienna on Monday, where Secretary-General Anna Berg warned of"
                        + " deeper cuts.",
                THURSDAY);
        JsonNode meeting = onlyMeeting(draft);
        String id = meeting.get("id").asString();
        assertEquals("held", meeting.get("status").asString());
        assertEquals("2025-12-01", meeting.get("date").asString());
        assertTrue(Drafts.has(draft, "PARTY_TO", Drafts.entity(draft, "OPEC"), id));
        assertTrue(Drafts.has(draft, "ATTENDED", Drafts.entity(draft, "Anna Berg"), id));
    }

    @Test
    void talksAtTheEndOfAJourneyAreHeldAtItsDestination() {
        JsonNode draft = Drafts.of(
                "Maria Costa met Tom Baker in Lisbon, and travelled to Madrid to hold talks with Pedro Ruiz.",
                THURSDAY);
        List<JsonNode> meetings = Drafts.facts(draft, "Meeting");
        assertEquals(2, meetings.size(), () -> draft.get("facts").toString());
        String lisbon = meetings.get(0).get("id").asString();
        String madrid = meetings.get(1).get("id").asString();
        assertTrue(Drafts.has(draft, "ATTENDED", Drafts.entity(draft, "Tom Baker"), lisbon));
        assertTrue(Drafts.has(draft, "HELD_IN", lisbon, Drafts.entity(draft, "Lisbon")));
        assertTrue(Drafts.has(draft, "ATTENDED", Drafts.entity(draft, "Maria Costa"), madrid));
        assertTrue(Drafts.has(draft, "ATTENDED", Drafts.entity(draft, "Pedro Ruiz"), madrid));
        assertTrue(Drafts.has(draft, "HELD_IN", madrid, Drafts.entity(draft, "Madrid")));
        assertFalse(Drafts.has(draft, "ATTENDED", Drafts.entity(draft, "Tom Baker"), madrid));
    }

    @Test
    void meetingPeopleOfTwoStatesIsTwoMeetings() {
        JsonNode draft = Drafts.of(
                "Maria Costa met French President Emmanuel Laurent and German Chancellor Karl Weber.", THURSDAY);
        List<JsonNode> meetings = Drafts.facts(draft, "Meeting");
        assertEquals(2, meetings.size(), () -> draft.get("facts").toString());
        String first = meetings.get(0).get("id").asString();
        assertTrue(Drafts.has(draft, "ATTENDED", Drafts.entity(draft, "Emmanuel Laurent"), first));
        assertFalse(Drafts.has(draft, "ATTENDED", Drafts.entity(draft, "Karl Weber"), first));
        assertTrue(meetings.get(0).get("rule").asString().contains(Meetings.SPLIT));
    }

    @Test
    void meetingPeopleOfOneStateIsOneMeeting() {
        JsonNode meeting = onlyMeeting(Drafts.of(
                "Maria Costa met French President Emmanuel Laurent and French Foreign Minister Jean Dupont.",
                THURSDAY));
        assertFalse(meeting.get("rule").asString().contains(Meetings.SPLIT));
    }

    @Test
    void anUnlikelyMeetingIsNone() {
        JsonNode draft = Drafts.of("It is unlikely that Maria Costa will meet Tom Baker in Vienna.", THURSDAY);
        assertEquals(0, Drafts.facts(draft, "Meeting").size(), () -> draft.get("facts")
                .toString());
    }

    @Test
    void aMonthWithoutAYearFollowsTheTense() {
        JsonNode past = onlyMeeting(Drafts.of("Maria Costa met Tom Baker in Vienna in early December.", "2025-12-20"));
        assertEquals("2025-12-01", past.get("date").asString());
        assertEquals("month", past.get("datePrecision").asString());
        JsonNode ahead = onlyMeeting(Drafts.of("Maria Costa will meet Tom Baker in Vienna in January.", THURSDAY));
        assertEquals("2026-01-01", ahead.get("date").asString());
        assertEquals("month", ahead.get("datePrecision").asString());
    }

    @Test
    void evidenceLeavesOutABulletAndAJoinedHeadingButNotAWrappedLine() {
        JsonNode bullet = onlyMeeting(Drafts.of("• Maria Costa met Tom Baker in Vienna on Tuesday.", THURSDAY));
        assertEquals(
                "Maria Costa met Tom Baker in Vienna on Tuesday.",
                bullet.get("evidence").get(0).asString());
        JsonNode heading = Drafts.of(
                "Markets fell sharply\nTom Baker claimed that the talks in Vienna had failed completely.", THURSDAY);
        assertEquals(
                "Tom Baker claimed that the talks in Vienna had failed completely.",
                Drafts.facts(heading, "Claim").getFirst().get("evidence").get(0).asString());
        JsonNode wrapped = onlyMeeting(Drafts.of(
                "Maria Costa, the foreign minister of Portugal,\nmet Tom Baker in Vienna on Tuesday.", THURSDAY));
        assertEquals(
                "Maria Costa, the foreign minister of Portugal,\nmet Tom Baker in Vienna on Tuesday.",
                wrapped.get("evidence").get(0).asString());
    }

    @Test
    void anObligationTheSpeakerStatesIsTheirDemandNotAClaim() {
        JsonNode draft =
                Drafts.of("Chancellor Karl Weber said that Portugal must lift the tariffs on steel.", THURSDAY);
        List<JsonNode> demands = Drafts.facts(draft, "Demand");
        assertEquals(1, demands.size(), () -> draft.get("facts").toString());
        JsonNode demand = demands.getFirst();
        assertEquals(Demands.REPORTED_MUST, demand.get("rule").asString());
        assertEquals(
                "Portugal must lift the tariffs on steel", demand.get("text").asString());
        String id = demand.get("id").asString();
        assertTrue(Drafts.has(draft, "DEMANDS", Drafts.entity(draft, "Karl Weber"), id));
        assertTrue(Drafts.has(draft, "DIRECTED_AT", id, Drafts.entity(draft, "Portugal")));
        assertEquals(0, Drafts.facts(draft, "Claim").size());
    }

    @Test
    void aReportedFactIsAClaimNotADemand() {
        JsonNode draft =
                Drafts.of("Chancellor Karl Weber claimed that Portugal lifted the tariffs on steel.", THURSDAY);
        assertEquals(0, Drafts.facts(draft, "Demand").size(), () -> draft.get("facts")
                .toString());
        assertEquals(1, Drafts.facts(draft, "Claim").size());
    }

    @Test
    void aPlacesKindNounAfterItsNameIsPartOfTheName() {
        JsonNode draft = Drafts.of(
                "Drones struck a depot in the Kharkiv region and a pier in the Novorossiysk port on Tuesday.",
                THURSDAY);
        assertNotNull(Drafts.entity(draft, "Kharkiv region"), () -> draft.get("entities")
                .toString());
        assertNotNull(Drafts.entity(draft, "Novorossiysk port"), () -> draft.get("entities")
                .toString());
        JsonNode alone = Drafts.of("Maria Costa met Tom Baker in Kharkiv on Tuesday.", THURSDAY);
        assertNotNull(
                Drafts.entity(alone, "Kharkiv"), () -> alone.get("entities").toString());
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
                "Russia's Defence Ministry reported on Tuesday that Russian forces had captured the village of Novopil."
                        + " Ukraine's General Staff denied that Russian forces had captured Novopil.",
                THURSDAY);
        JsonNode claim = onlyClaim(draft);
        assertEquals(1, Drafts.relationships(draft, "CLAIMS").size());
        assertEquals(1, Drafts.relationships(draft, "DENIES").size());
        assertEquals(
                claim.get("id").asString(),
                Drafts.relationships(draft, "DENIES").getFirst().get("to").asString());
        assertEquals("2025-12-02", claim.get("date").asString());
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
    void anInstitutionNamedByItsDescriptionIsAnEntity() {
        JsonNode draft = Drafts.of(
                "The Spanish armed forces closed the bridge on Monday. Portugal's air force reported a fire near"
                        + " the border, and the Berg administration sent help.",
                THURSDAY);
        for (String name : List.of("Spanish armed forces", "Portugal's air force", "Berg administration")) {
            String id = Drafts.entity(draft, name);
            assertNotNull(id, () -> name + " in " + draft.get("entities"));
            JsonNode entity = entityById(draft, id);
            assertEquals("Institution", entity.get("label").asString());
            assertEquals(Entities.RULE_DESCRIPTION, entity.get("rule").asString());
        }
        assertEquals(
                "military",
                entityById(draft, Drafts.entity(draft, "Spanish armed forces"))
                        .get("kind")
                        .asString());
    }

    @Test
    void aDescriptionWithAnotherAdjectiveOrWithoutANamedModifierIsNoEntity() {
        JsonNode draft = Drafts.of(
                "Portugal's embattled government resigned on Monday. The general staff said nothing, and the"
                        + " local government stayed quiet.",
                THURSDAY);
        for (JsonNode e : draft.get("entities")) {
            assertFalse(
                    e.get("name").asString().toLowerCase(java.util.Locale.ROOT).contains("government"), e::toString);
            assertFalse(
                    e.get("name").asString().toLowerCase(java.util.Locale.ROOT).contains("staff"), e::toString);
        }
    }

    private static JsonNode entityById(JsonNode draft, String id) {
        for (JsonNode e : draft.get("entities")) {
            if (e.get("id").asString().equals(id)) {
                return e;
            }
        }
        return null;
    }

    @Test
    void oneOfAGroupIsAnUnnamedSpeaker() {
        JsonNode draft = Drafts.of(
                "Spanish and Portuguese delegations met in Lisbon on Monday. One of the Spanish delegates called"
                        + " the talks \"tense but useful.\"",
                THURSDAY);
        JsonNode statement = onlyStatement(draft);
        assertEquals(Quotes.UNNAMED_SPEAKER, statement.get("rule").asString());
        assertTrue(Drafts.relationships(draft, "SAID").isEmpty(), () -> draft.get("relationships")
                .toString());
    }

    @Test
    void aNamedSpeakerOfTheSameSentenceIsNotUnnamed() {
        JsonNode draft = Drafts.of(
                "Spanish and Portuguese delegations met in Lisbon on Monday. Maria Costa called the talks"
                        + " \"tense but useful.\"",
                THURSDAY);
        JsonNode statement = onlyStatement(draft);
        assertTrue(said(draft, "Maria Costa", statement), () -> draft.get("relationships")
                .toString());
    }

    @Test
    void officialsFromANamedBodySpeakForIt() {
        JsonNode draft = Drafts.of(
                "Officials from the Spanish government dismissed the offer as \"a waste of everyone's time.\"",
                THURSDAY);
        JsonNode statement = onlyStatement(draft);
        assertTrue(said(draft, "Spanish government", statement), () -> draft.toString());
    }

    @Test
    void officialsFromNoNamedBodyNameNoSpeaker() {
        JsonNode draft = Drafts.of(
                "Officials from the town hall dismissed the offer as \"a waste of everyone's time.\"", THURSDAY);
        onlyStatement(draft);
        assertTrue(Drafts.relationships(draft, "SAID").isEmpty(), () -> draft.get("relationships")
                .toString());
    }

    @Test
    void anUnlikelyMeetingBesideTheVerbIsNone() {
        JsonNode draft = Drafts.of(
                "However, it is unlikely Maria Costa would hold direct talks with Tom Baker in Vienna.", THURSDAY);
        assertEquals(0, Drafts.facts(draft, "Meeting").size(), () -> draft.get("facts")
                .toString());
    }

    @Test
    void aLikelyMeetingIsOne() {
        onlyMeeting(Drafts.of("However, Maria Costa will hold direct talks with Tom Baker in Vienna.", THURSDAY));
    }

    @Test
    void rejectingAnOptionIsNoDenial() {
        JsonNode draft = Drafts.of("Spain rejects that option firmly, and Portugal also opposes the plan.", THURSDAY);
        assertTrue(Drafts.relationships(draft, "DENIES").isEmpty(), () -> draft.get("relationships")
                .toString());
        assertTrue(
                Drafts.facts(draft, "Claim").isEmpty(), () -> draft.get("facts").toString());
    }

    @Test
    void rejectingAClauseIsADenial() {
        JsonNode draft = Drafts.of("Spain denied that its navy had entered Portuguese waters on Monday.", THURSDAY);
        assertEquals(1, Drafts.relationships(draft, "DENIES").size(), () -> draft.get("relationships")
                .toString());
    }

    @Test
    void plainReportedSpeechIsAStatementOfTheSpeaker() {
        JsonNode draft = Drafts.of("Chancellor Karl Weber said that the talks in Vienna had gone well.", THURSDAY);
        assertEquals(
                0, Drafts.facts(draft, "Claim").size(), () -> draft.get("facts").toString());
        JsonNode statement = onlyStatement(draft);
        assertEquals("the talks in Vienna had gone well", statement.get("text").asString());
        assertEquals(Claims.REPORTED_STATEMENT, statement.get("rule").asString());
        assertTrue(said(draft, "Karl Weber", statement), () -> draft.get("relationships")
                .toString());
    }

    @Test
    void anAssertionVerbMakesAClaimNotAStatement() {
        JsonNode draft = Drafts.of("Chancellor Karl Weber claimed that the talks in Vienna had gone well.", THURSDAY);
        assertEquals(0, Drafts.facts(draft, "Statement").size(), () -> draft.get("facts")
                .toString());
        assertEquals(
                1, Drafts.facts(draft, "Claim").size(), () -> draft.get("facts").toString());
    }

    @Test
    void figuresFromANamedBodyAreItsClaim() {
        JsonNode draft = Drafts.of(
                "Official figures from the Portuguese government indicate that over 900 bridges have been closed.",
                THURSDAY);
        JsonNode claim = Drafts.facts(draft, "Claim").getFirst();
        assertTrue(
                Drafts.has(
                        draft,
                        "CLAIMS",
                        Drafts.entity(draft, "Portuguese government"),
                        claim.get("id").asString()),
                () -> draft.toString());
    }

    @Test
    void figuresFromNoNamedBodyAreNoClaim() {
        JsonNode draft = Drafts.of("Official figures indicate that over 900 bridges have been closed.", THURSDAY);
        assertEquals(
                0, Drafts.facts(draft, "Claim").size(), () -> draft.get("facts").toString());
    }

    /** The rules of the relationships of a type from the named entity. */
    private static List<String> rulesFrom(JsonNode draft, String type, String name) {
        String id = Drafts.entity(draft, name);
        return Drafts.relationships(draft, type).stream()
                .filter(r -> r.get("from").asString().equals(id))
                .map(r -> r.get("rule").asString())
                .toList();
    }

    @Test
    void aReportedPastEventOfWarIsAClaimOfTheSpeaker() {
        JsonNode draft = Drafts.of("Brazil said its drones struck a fuel depot near the border on Tuesday.", THURSDAY);
        assertEquals(List.of(Claims.REPORTED_EVENT), rulesFrom(draft, "CLAIMS", "Brazil"), () -> draft.toString());
        JsonNode claim = Drafts.facts(draft, "Claim").getFirst();
        assertEquals(
                "its drones struck a fuel depot near the border on Tuesday",
                claim.get("text").asString());
        assertEquals("2025-12-02", claim.get("date").asString());
        assertEquals(0, Drafts.facts(draft, "Statement").size(), () -> draft.get("facts")
                .toString());
    }

    @Test
    void theSpeakersOwnDoingReportedIsAStatementNotAClaim() {
        JsonNode draft =
                Drafts.of("Foreign Minister Carlos Mendes said he had travelled to Lima on Tuesday.", THURSDAY);
        assertEquals(
                0, Drafts.facts(draft, "Claim").size(), () -> draft.get("facts").toString());
        assertTrue(said(draft, "Carlos Mendes", onlyStatement(draft)), () -> draft.toString());
    }

    @Test
    void aPastEventWithTheNamedSourceAfterItIsItsClaim() {
        JsonNode draft = Drafts.of(
                "Peruvian forces have seized two border villages, the Chilean Defence Ministry said.", THURSDAY);
        assertEquals(
                List.of(Claims.REPORTED_EVENT),
                rulesFrom(draft, "CLAIMS", "Chilean Defence Ministry"),
                () -> draft.toString());
        assertEquals(
                "Peruvian forces have seized two border villages",
                Drafts.facts(draft, "Claim").getFirst().get("text").asString());
    }

    @Test
    void aPastEventOnAnUnnamedOfficialsWordIsNoClaim() {
        JsonNode draft =
                Drafts.of("Peruvian forces have seized two border villages, a Chilean official said.", THURSDAY);
        assertEquals(
                0, Drafts.facts(draft, "Claim").size(), () -> draft.get("facts").toString());
        JsonNode passive = Drafts.of("It was reported that Argentine drones struck a depot near the border.", THURSDAY);
        assertEquals(0, Drafts.facts(passive, "Claim").size(), () -> passive.get("facts")
                .toString());
    }

    @Test
    void aPastEventAccordingToANamedSourceIsItsClaim() {
        JsonNode draft =
                Drafts.of("A fuel depot in the port was destroyed on Monday, according to the Chilean navy.", THURSDAY);
        assertEquals(List.of(Claims.ACCORDING_TO), rulesFrom(draft, "CLAIMS", "Chilean navy"), () -> draft.toString());
        assertEquals(
                "A fuel depot in the port was destroyed on Monday",
                Drafts.facts(draft, "Claim").getFirst().get("text").asString());
    }

    @Test
    void aPastEventAccordingToUnnamedOfficialsIsNoClaim() {
        JsonNode draft = Drafts.of(
                "A fuel depot in the port was destroyed on Monday, according to two local officials.", THURSDAY);
        assertEquals(
                0, Drafts.facts(draft, "Claim").size(), () -> draft.get("facts").toString());
    }

    @Test
    void anAccusationIsAClaimOfTheAccuser() {
        JsonNode draft = Drafts.of("President Carlos Mendes accused Argentina of blocking the river trade.", THURSDAY);
        assertEquals(List.of(Claims.ACCUSATION), rulesFrom(draft, "CLAIMS", "Carlos Mendes"), () -> draft.toString());
        assertEquals(
                "Argentina of blocking the river trade",
                Drafts.facts(draft, "Claim").getFirst().get("text").asString());
    }

    @Test
    void beingAccusedIsNoClaimOfTheAccused() {
        JsonNode draft = Drafts.of("President Carlos Mendes was accused of blocking the river trade.", THURSDAY);
        assertEquals(
                0, Drafts.facts(draft, "Claim").size(), () -> draft.get("facts").toString());
    }

    @Test
    void callingTheClaimsFalseDeniesTheClaimBefore() {
        JsonNode draft = Drafts.of(
                "Argentina claimed that Chilean troops shelled a village near the border. Chile called the claims"
                        + " false.",
                THURSDAY);
        JsonNode claim = onlyClaim(draft);
        String id = claim.get("id").asString();
        assertTrue(Drafts.has(draft, "CLAIMS", Drafts.entity(draft, "Argentina"), id), () -> draft.toString());
        assertTrue(Drafts.has(draft, "DENIES", Drafts.entity(draft, "Chile"), id), () -> draft.toString());
        assertEquals(List.of(Claims.CALLED_FALSE), rulesFrom(draft, "DENIES", "Chile"));
    }

    @Test
    void callingTheTalksUsefulIsNoDenial() {
        JsonNode draft = Drafts.of(
                "Argentina claimed that Chilean troops shelled a village near the border. Chile called the talks"
                        + " useful.",
                THURSDAY);
        assertTrue(Drafts.relationships(draft, "DENIES").isEmpty(), () -> draft.toString());
    }

    @Test
    void denyingTheseAllegationsDeniesTheEstimateWithAScareQuote() {
        JsonNode draft = Drafts.of(
                "Brazil estimates that 600 Peruvian families have been transferred to \"transit camps\" in the"
                        + " north."
                        + " Peru denies these allegations.",
                THURSDAY);
        JsonNode claim = onlyClaim(draft);
        String id = claim.get("id").asString();
        assertTrue(Drafts.has(draft, "CLAIMS", Drafts.entity(draft, "Brazil"), id), () -> draft.toString());
        assertTrue(Drafts.has(draft, "DENIES", Drafts.entity(draft, "Peru"), id), () -> draft.toString());
    }

    @Test
    void aClauseThatIsMostlyAQuotationIsNoClaim() {
        JsonNode draft = Drafts.of(
                "Brazil estimates that \"the families have all been moved to camps in the north\".", THURSDAY);
        assertEquals(
                0, Drafts.facts(draft, "Claim").size(), () -> draft.get("facts").toString());
    }

    @Test
    void wantingSomethingInTheArticlesOwnVoiceIsADemand() {
        JsonNode draft = Drafts.of("Chile and its partners want firm guarantees against future attacks.", THURSDAY);
        assertEquals(List.of(Demands.VERB_WANT), rulesFrom(draft, "DEMANDS", "Chile"), () -> draft.toString());
        assertEquals(
                "firm guarantees against future attacks",
                Drafts.facts(draft, "Demand").getFirst().get("text").asString());
    }

    @Test
    void aWantSomeoneElseAscribesIsNoDemand() {
        JsonNode draft = Drafts.of("Chile said Peru wants to shift the blame onto Bolivia.", THURSDAY);
        assertEquals(0, Drafts.facts(draft, "Demand").size(), () -> draft.get("facts")
                .toString());
    }

    @Test
    void aVowIsADemandOfWhoVows() {
        JsonNode draft = Drafts.of("President Carlos Mendes vowed to press ahead with the reform.", THURSDAY);
        assertEquals(
                List.of(Demands.VERB_DEMAND), rulesFrom(draft, "DEMANDS", "Carlos Mendes"), () -> draft.toString());
        JsonNode not = Drafts.of("President Carlos Mendes did not vow to press ahead with the reform.", THURSDAY);
        assertEquals(
                0, Drafts.facts(not, "Demand").size(), () -> not.get("facts").toString());
    }

    @Test
    void aDemandStatedAsANounIsADemandOfWhoIssuesIt() {
        JsonNode draft = Drafts.of(
                "Brazil joined twenty other nations in issuing a formal demand that Peru return the seized ships.",
                THURSDAY);
        assertEquals(List.of(Demands.NOUN_DEMAND), rulesFrom(draft, "DEMANDS", "Brazil"), () -> draft.toString());
        JsonNode demand = Drafts.facts(draft, "Demand").getFirst();
        assertEquals("Peru return the seized ships", demand.get("text").asString());
        assertTrue(
                Drafts.has(draft, "DIRECTED_AT", demand.get("id").asString(), Drafts.entity(draft, "Peru")),
                () -> draft.toString());
    }

    @Test
    void aDemandNounWithoutContentIsNoDemand() {
        JsonNode draft = Drafts.of("Brazil issued a demand.", THURSDAY);
        assertEquals(0, Drafts.facts(draft, "Demand").size(), () -> draft.get("facts")
                .toString());
    }

    @Test
    void hadToInAReportedClauseIsADemand() {
        JsonNode draft = Drafts.of("Chancellor Karl Weber said that both sides had to agree to a deal.", THURSDAY);
        assertEquals(List.of(Demands.REPORTED_MUST), rulesFrom(draft, "DEMANDS", "Karl Weber"), () -> draft.toString());
        JsonNode done = Drafts.of("Chancellor Karl Weber said that both sides had agreed to a deal.", THURSDAY);
        assertEquals(
                0, Drafts.facts(done, "Demand").size(), () -> done.get("facts").toString());
    }

    @Test
    void aThreatJoinedToAReportedModalClauseIsTheReporters() {
        JsonNode draft = Drafts.of(
                "President Carlos Mendes said that Brazil would close its ports and threatened to cut off the"
                        + " river trade if Peru kept its tariffs.",
                THURSDAY);
        assertEquals(
                List.of(Demands.VERB_WARN + Demands.IF),
                rulesFrom(draft, "DEMANDS", "Carlos Mendes"),
                () -> draft.toString());
        assertTrue(rulesFrom(draft, "DEMANDS", "Brazil").isEmpty(), () -> draft.toString());
    }

    @Test
    void aThreatOfTheReportedClausesOwnSubjectStaysTheirs() {
        JsonNode draft =
                Drafts.of("President Carlos Mendes said that Brazil threatened to cut off the river trade.", THURSDAY);
        assertTrue(rulesFrom(draft, "DEMANDS", "Carlos Mendes").isEmpty(), () -> draft.toString());
    }

    @Test
    void aReportedRequirementIsADemandNotAStatement() {
        JsonNode draft = Drafts.of(
                "Chancellor Karl Weber noted that any lasting settlement requires the consent of both parliaments.",
                THURSDAY);
        assertEquals(List.of(Demands.REPORTED_MUST), rulesFrom(draft, "DEMANDS", "Karl Weber"), () -> draft.toString());
        assertEquals(0, Drafts.facts(draft, "Statement").size(), () -> draft.get("facts")
                .toString());
        JsonNode past =
                Drafts.of("Chancellor Karl Weber noted that the settlement required long talks in Vienna.", THURSDAY);
        assertEquals(
                0, Drafts.facts(past, "Demand").size(), () -> past.get("facts").toString());
    }

    @Test
    void aPronounThatContinuesIsThePreviousSpeaker() {
        JsonNode draft = Drafts.of(
                "Tom Baker met Karl Weber in Vienna. Weber said, \"We are grateful to our hosts.\"\n\n"
                        + "He continued, without giving details, \"We worked hard. We will meet again.\"",
                THURSDAY);
        List<JsonNode> statements = Drafts.facts(draft, "Statement");
        assertEquals(2, statements.size(), () -> draft.get("facts").toString());
        assertTrue(said(draft, "Karl Weber", statements.get(0)), () -> draft.get("relationships")
                .toString());
        assertTrue(said(draft, "Karl Weber", statements.get(1)), () -> draft.get("relationships")
                .toString());
        assertEquals(Quotes.CONTINUED, statements.get(1).get("rule").asString());
    }

    @Test
    void aPronounThatContinuesAfterAnotherSentenceIsNotThePreviousSpeaker() {
        JsonNode draft = Drafts.of(
                "Tom Baker met Karl Weber in Vienna. Weber said, \"We are grateful to our hosts.\"\n\n"
                        + "Baker listened for an hour. He continued, without giving details, \"We worked hard. We will"
                        + " meet again.\"",
                THURSDAY);
        List<JsonNode> statements = Drafts.facts(draft, "Statement");
        assertEquals(2, statements.size(), () -> draft.get("facts").toString());
        assertFalse(Quotes.CONTINUED.equals(statements.get(1).get("rule").asString()), () -> draft.get("facts")
                .toString());
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

    @Test
    void aQuotationCallingAStoryFalseDeniesIt() {
        JsonNode draft = Drafts.of(
                "\"This whole story that we are trying to force a deal on Spain is silly,\" Karl Weber told reporters.",
                THURSDAY);
        List<JsonNode> denies = Drafts.relationships(draft, "DENIES");
        assertEquals(1, denies.size(), () -> draft.get("relationships").toString());
        assertEquals(
                Drafts.entity(draft, "Karl Weber"),
                denies.getFirst().get("from").asString());
        JsonNode claim = Drafts.facts(draft, "Claim").getFirst();
        assertEquals(Claims.QUOTED_DENIAL, claim.get("rule").asString());
        assertTrue(claim.get("text").asString().contains("force a deal on Spain"), claim::toString);
        assertTrue(Drafts.relationships(draft, "CLAIMS").isEmpty(), () -> draft.get("relationships")
                .toString());
        // the quotation itself is still the speaker's statement
        assertTrue(said(draft, "Karl Weber", onlyStatement(draft)));
    }

    @Test
    void aQuotationCallingAClaimOfTheArticleFalseDeniesThatClaim() {
        JsonNode draft = Drafts.of(
                "Portugal's navy seized a tanker off Faro on Monday, the Portuguese government said."
                        + " \"This claim that our navy seized a tanker is nonsense,\" Spanish Foreign Minister Ana Ruiz said.",
                THURSDAY);
        JsonNode claim = onlyClaim(draft);
        List<JsonNode> denies = Drafts.relationships(draft, "DENIES");
        assertEquals(1, denies.size(), () -> draft.get("relationships").toString());
        assertEquals(
                Drafts.entity(draft, "Ana Ruiz"), denies.getFirst().get("from").asString());
        assertEquals(claim.get("id").asString(), denies.getFirst().get("to").asString());
        assertTrue(
                Drafts.relationships(draft, "CLAIMS").stream()
                        .noneMatch(r -> r.get("from").asString().equals(Drafts.entity(draft, "Ana Ruiz"))),
                () -> draft.get("relationships").toString());
    }

    @Test
    void aQuotationCallingAStoryTrueDeniesNothing() {
        JsonNode draft = Drafts.of("\"The story is true,\" Karl Weber said.", THURSDAY);
        assertTrue(Drafts.relationships(draft, "DENIES").isEmpty(), () -> draft.get("relationships")
                .toString());
    }

    @Test
    void aQuotationReportingAnAdvanceUnderWayIsTheSpeakersClaim() {
        JsonNode draft = Drafts.of(
                "\"Our troops are advancing along the whole front,\" General Tom Baker told a news conference.",
                THURSDAY);
        JsonNode claim = onlyClaim(draft);
        assertEquals(Claims.QUOTED_EVENT, claim.get("rule").asString());
        assertEquals(
                "Our troops are advancing along the whole front",
                claim.get("text").asString());
        assertTrue(Drafts.has(
                draft,
                "CLAIMS",
                Drafts.entity(draft, "Tom Baker"),
                claim.get("id").asString()));
    }

    @Test
    void aQuotedThreatIsNoClaim() {
        JsonNode draft = Drafts.of("\"We will strike back if they attack us,\" Karl Weber said.", THURSDAY);
        assertTrue(
                Drafts.facts(draft, "Claim").isEmpty(), () -> draft.get("facts").toString());
    }

    @Test
    void officialsNamedByTheirCountrysAdjectiveClaimForThatCountry() {
        JsonNode draft = Drafts.of("Portuguese officials claimed they had captured the town of Novopil.", THURSDAY);
        List<JsonNode> claims = Drafts.relationships(draft, "CLAIMS");
        assertEquals(1, claims.size(), () -> draft.get("relationships").toString());
        String portugal = Drafts.entity(draft, "Portugal");
        assertTrue(portugal != null && !portugal.isEmpty(), () -> draft.get("entities")
                .toString());
        assertEquals(portugal, claims.getFirst().get("from").asString());
    }

    @Test
    void aDayOfTheWeekAMeetingWasGivenForPinsItsDate() {
        JsonNode draft = Drafts.of(
                "Karl Weber is set to travel to Vienna this week to meet Chancellor Tom Baker."
                        + " The chancellery said Weber will meet Baker in Vienna on Tuesday.",
                "2025-12-01");
        JsonNode meeting = onlyMeeting(draft);
        assertEquals("2025-12-02", meeting.get("date").asString(), meeting::toString);
        assertEquals("day", meeting.get("datePrecision").asString());
    }

    @Test
    void theAttackNamedAgainWithItsDayIsTheSameEvent() {
        JsonNode draft = Drafts.of(
                "Spanish drones struck a refinery in Bilbao."
                        + " The attack, which the Spanish army said took place on Friday, was the third this month.",
                THURSDAY);
        List<JsonNode> events = Drafts.facts(draft, "Event");
        assertEquals(1, events.size(), () -> draft.get("facts").toString());
        assertEquals("2025-11-28", events.getFirst().get("date").asString(), () -> events.toString());
        assertEquals(2, events.getFirst().get("evidence").size());
    }

    @Test
    void theAttackNamedAgainWithItsDeadKeepsTheNumbers() {
        JsonNode draft = Drafts.of(
                "Spanish drones struck a refinery in Bilbao overnight. The attack killed three people and wounded 12.",
                THURSDAY);
        List<JsonNode> events = Drafts.facts(draft, "Event");
        assertEquals(1, events.size(), () -> draft.get("facts").toString());
        assertEquals(3, events.getFirst().get("killed").asLong(), () -> events.toString());
        assertEquals(12, events.getFirst().get("wounded").asLong(), () -> events.toString());
    }

    @Test
    void theAttackOnAnotherPlaceIsAnotherEvent() {
        JsonNode draft = Drafts.of(
                "Spanish drones struck a refinery in Bilbao. The attack on Porto killed three people.", THURSDAY);
        assertEquals(
                2, Drafts.facts(draft, "Event").size(), () -> draft.get("facts").toString());
    }

    @Test
    void aClaimAfterWhichTheClauseIsHungIsStillTheClaimOfTheOfficialsState() {
        JsonNode draft = Drafts.of(
                "The talks begin hours after Russian officials claimed they had captured Kupiansk.", THURSDAY);
        JsonNode claim = onlyClaim(draft);
        assertEquals("they had captured Kupiansk", claim.get("text").asString());
        assertTrue(Drafts.has(
                draft, "CLAIMS", Drafts.entity(draft, "Russia"), claim.get("id").asString()));
    }

    @Test
    void dueToMeetTakesTheSubjectOfDue() {
        JsonNode meeting = onlyMeeting(Drafts.of(
                "The chancellery said that Austrian Chancellor Tom Baker is due to meet US envoy Karl Weber on Tuesday.",
                "2025-12-01"));
        assertEquals("planned", meeting.get("status").asString());
        assertEquals("2025-12-02", meeting.get("date").asString());
    }

    @Test
    void reportedSpeechAboutWhatAnotherPartyWantsIsAClaim() {
        JsonNode draft =
                Drafts.of("Chancellor Karl Weber said that Portugal wants to shift the blame onto Spain.", THURSDAY);
        JsonNode claim = onlyClaim(draft);
        assertEquals(Claims.REPORTED_OF_ANOTHER, claim.get("rule").asString());
        assertTrue(Drafts.has(
                draft,
                "CLAIMS",
                Drafts.entity(draft, "Karl Weber"),
                claim.get("id").asString()));
        assertTrue(Drafts.facts(draft, "Statement").isEmpty(), () -> draft.get("facts")
                .toString());
    }

    @Test
    void reportedSpeechAboutWhatAnotherPartyMightDoStaysAStatement() {
        JsonNode draft =
                Drafts.of("Chancellor Karl Weber said that Portugal could shift the blame onto Spain.", THURSDAY);
        assertTrue(
                Drafts.facts(draft, "Claim").isEmpty(), () -> draft.get("facts").toString());
        assertEquals(Claims.REPORTED_STATEMENT, onlyStatement(draft).get("rule").asString());
    }

    @Test
    void aBodyOfLeadersDecidingInACityIsTheirGathering() {
        JsonNode draft = Drafts.of(
                "Meanwhile, in Vienna, European Union leaders are deciding whether to extend the sanctions.", THURSDAY);
        JsonNode meeting = onlyMeeting(draft);
        assertEquals(Meetings.BODY_DECIDES, meeting.get("rule").asString().split("\\+")[0]);
        assertEquals("held", meeting.get("status").asString());
        // under way as the article is written: the week it was published in, no day
        assertEquals("2025-12-01", meeting.get("date").asString());
        assertEquals("week", meeting.get("datePrecision").asString());
        String leaders = Drafts.entity(draft, "European Union leaders");
        assertTrue(
                Drafts.has(draft, "ATTENDED", leaders, meeting.get("id").asString())
                        || Drafts.has(
                                draft, "PARTY_TO", leaders, meeting.get("id").asString()),
                () -> draft.toString());
        assertTrue(Drafts.has(draft, "HELD_IN", meeting.get("id").asString(), Drafts.entity(draft, "Vienna")));
    }

    @Test
    void aStateDecidingIsNoGathering() {
        JsonNode draft = Drafts.of(
                "Spain decided on Monday to extend the sanctions, and Portugal struck a deal with Brazil.", THURSDAY);
        assertTrue(Drafts.facts(draft, "Meeting").isEmpty(), () -> draft.get("facts")
                .toString());
    }

    @Test
    void leadersWhoWillDecideHaveAPlannedGathering() {
        JsonNode meeting = onlyMeeting(
                Drafts.of("European Union leaders will decide next week whether to extend the sanctions.", THURSDAY));
        assertEquals("planned", meeting.get("status").asString());
        assertEquals("2025-12-08", meeting.get("date").asString());
    }

    @Test
    void leadersStrikingABlowIsNoGathering() {
        JsonNode draft = Drafts.of("EU leaders struck a blow against the plan in Vienna.", THURSDAY);
        assertTrue(Drafts.facts(draft, "Meeting").isEmpty(), () -> draft.get("facts")
                .toString());
    }

    @Test
    void whatAStateSaysIsSoIsItsClaim() {
        JsonNode draft = Drafts.of(
                "Portugal says that the new pipeline is a legitimate concern for every coastal town.", THURSDAY);
        JsonNode claim = onlyClaim(draft);
        assertEquals(Claims.REPORTED_BY_PARTY, claim.get("rule").asString());
        assertTrue(Drafts.has(
                draft,
                "CLAIMS",
                Drafts.entity(draft, "Portugal"),
                claim.get("id").asString()));
        assertTrue(Drafts.facts(draft, "Statement").isEmpty(), () -> draft.get("facts")
                .toString());
    }

    @Test
    void anOfficeHolderKnownOnlyByOfficeSpeaksForTheirState() {
        JsonNode draft = Drafts.of(
                "The talks between Chile and Peru resumed in Lima on Monday. Chile's deputy interior minister said"
                        + " there was steady progress in the talks.",
                THURSDAY);
        JsonNode claim = onlyClaim(draft);
        assertTrue(
                Drafts.has(
                        draft,
                        "CLAIMS",
                        Drafts.entity(draft, "Chile"),
                        claim.get("id").asString()),
                () -> draft.toString());
    }

    @Test
    void whatAPersonSaysOrAnInstitutionFeelsStaysAStatement() {
        JsonNode person = Drafts.of("Chancellor Karl Weber said the talks were very productive.", THURSDAY);
        assertTrue(Drafts.facts(person, "Claim").isEmpty(), () -> person.get("facts")
                .toString());
        assertEquals(
                Claims.REPORTED_STATEMENT, onlyStatement(person).get("rule").asString());
        JsonNode feeling =
                Drafts.of("The European Commission says it feels optimistic about the fishing talks.", THURSDAY);
        assertTrue(Drafts.facts(feeling, "Claim").isEmpty(), () -> feeling.get("facts")
                .toString());
        // its own doing is its statement, unless an act of war
        JsonNode own = Drafts.of("The Chilean navy said it was looking into the report.", THURSDAY);
        assertTrue(Drafts.facts(own, "Claim").isEmpty(), () -> own.get("facts").toString());
        JsonNode struck = Drafts.of("The Chilean navy said it had struck a smuggling boat off Arica.", THURSDAY);
        assertEquals(Claims.REPORTED_BY_PARTY, onlyClaim(struck).get("rule").asString());
        JsonNode possible = Drafts.of("Portugal says that the new pipeline could harm every coastal town.", THURSDAY);
        assertTrue(Drafts.facts(possible, "Claim").isEmpty(), () -> possible.get("facts")
                .toString());
    }

    @Test
    void aThatClauseAfterACommaIsStillWhatWasSaid() {
        JsonNode draft = Drafts.of(
                "Chile's Foreign Minister said following a storm on the northern coast, that the damaged port plays"
                        + " a vital role in the copper trade.",
                THURSDAY);
        JsonNode claim = onlyClaim(draft);
        assertEquals(
                "the damaged port plays a vital role in the copper trade",
                claim.get("text").asString());
    }

    @Test
    void anAcronymInBracketsRestoresTheNameBeforeIt() {
        JsonNode draft = Drafts.of(
                "According to an analysis by the Agence Lusa-Presse (ALP), the navy seized three cargo ships in"
                        + " October.",
                THURSDAY);
        String lusa = Drafts.entity(draft, "Agence Lusa-Presse");
        assertNotNull(lusa, () -> draft.get("entities").toString());
        assertEquals(
                lusa, Drafts.entity(draft, "ALP"), () -> draft.get("entities").toString());
        JsonNode claim = onlyClaim(draft);
        assertEquals(Claims.ACCORDING_TO, claim.get("rule").asString());
        assertTrue(Drafts.has(draft, "CLAIMS", lusa, claim.get("id").asString()), () -> draft.toString());
    }

    @Test
    void everyNamedMakerOfTheRecordIsAClaimant() {
        JsonNode draft = Drafts.of(
                "According to an analysis conducted by Reuters utilizing data from the Institute for Maritime"
                        + " Studies (IMS), the navy seized three cargo ships in October.",
                THURSDAY);
        String institute = Drafts.entity(draft, "Institute for Maritime Studies");
        assertEquals(institute, Drafts.entity(draft, "IMS"), () -> draft.get("entities")
                .toString());
        JsonNode claim = onlyClaim(draft);
        assertTrue(Drafts.has(
                draft,
                "CLAIMS",
                Drafts.entity(draft, "Reuters"),
                claim.get("id").asString()));
        assertTrue(Drafts.has(draft, "CLAIMS", institute, claim.get("id").asString()), () -> draft.toString());
    }

    @Test
    void anAcronymWhoseLettersDoNotFitRenamesNothing() {
        JsonNode draft = Drafts.of("The Lima Group (UN) met in Quito on Monday to discuss the border.", THURSDAY);
        assertNull(Drafts.entity(draft, "Lima Group (UN)"));
        assertNotEquals(Drafts.entity(draft, "Lima Group"), Drafts.entity(draft, "UN"));
    }

    @Test
    void aQuotationThatReportsSomeonesClaimIsTheirClaim() {
        JsonNode draft = Drafts.of(
                "\u201cThe port is closed. But Karl Weber kept claiming that the ships were leaving on time,\u201d"
                        + " the harbour master said.",
                THURSDAY);
        JsonNode claim = onlyClaim(draft);
        assertEquals("the ships were leaving on time", claim.get("text").asString());
        assertTrue(Drafts.has(
                draft,
                "CLAIMS",
                Drafts.entity(draft, "Karl Weber"),
                claim.get("id").asString()));
        JsonNode own = Drafts.of("\u201cThe ships were leaving on time,\u201d Karl Weber said.", THURSDAY);
        assertTrue(Drafts.facts(own, "Claim").isEmpty(), () -> own.get("facts").toString());
    }

    @Test
    void aWarrantOrAChargeIsTheAccusersClaim() {
        JsonNode draft = Drafts.of(
                "In 2021, the Inter-American Court issued a warrant for the arrest of General Tomas Ruiz over the"
                        + " killing of protesters.",
                THURSDAY);
        JsonNode claim = onlyClaim(draft);
        assertEquals(Claims.CHARGE, claim.get("rule").asString());
        assertTrue(claim.get("text").asString().startsWith("a warrant for the arrest of General Tomas Ruiz"));
        assertTrue(Drafts.has(
                draft,
                "CLAIMS",
                Drafts.entity(draft, "Inter-American Court"),
                claim.get("id").asString()));
        for (String none : List.of(
                "The Inter-American Court issued a statement on Monday about the hearing.",
                "General Tomas Ruiz was charged with fraud by prosecutors in Lima.",
                "The Inter-American Court could issue a warrant for General Tomas Ruiz.")) {
            JsonNode d = Drafts.of(none, THURSDAY);
            assertTrue(Drafts.facts(d, "Claim").isEmpty(), () -> none + " " + d.get("facts"));
        }
    }

    @Test
    void aJudgementTheArticleVouchesForIsItsPublishersClaim() {
        JsonNode draft = Drafts.of(
                "The government is clearly in control of the fishing talks. The delegates did not look happy after"
                        + " the first round.",
                THURSDAY,
                "The Harbour Times");
        String publisher = Drafts.entity(draft, "The Harbour Times");
        List<JsonNode> claims = Drafts.facts(draft, "Claim");
        assertEquals(2, claims.size(), () -> draft.get("facts").toString());
        for (JsonNode claim : claims) {
            assertEquals(Claims.STANCE, claim.get("rule").asString());
            assertTrue(Drafts.has(draft, "CLAIMS", publisher, claim.get("id").asString()));
        }
        assertEquals(
                "The government is clearly in control of the fishing talks",
                claims.getFirst().get("text").asString());
    }

    @Test
    void noPublisherNoReportedJudgementNoQuotationNoHeadingMakesNoStanceClaim() {
        String text = "The government is clearly in control of the fishing talks.";
        JsonNode unpublished = Drafts.of(text, THURSDAY);
        assertTrue(
                Drafts.facts(unpublished, "Claim").isEmpty(),
                () -> unpublished.get("facts").toString());
        for (String none : List.of(
                "The minister said the government is clearly in control of the fishing talks.",
                "\u201cThe government is clearly in control of the fishing talks,\u201d the minister said.",
                "The government is in control of the fishing talks.",
                "Talks Clearly Stalled\nThe fleet stayed in port on Monday.")) {
            JsonNode d = Drafts.of(none, THURSDAY, "The Harbour Times");
            assertTrue(
                    Drafts.facts(d, "Claim").stream()
                            .noneMatch(c -> c.get("rule").asString().equals(Claims.STANCE)),
                    () -> none + " " + d.get("facts"));
        }
    }

    private static final String IN_VIENNA =
            "Spain and Portugal are in Vienna for the negotiations mediated by envoy Karl Weber.";

    /** The meeting Spain and Portugal take part in, of those drafted. */
    private static JsonNode viennaTalks(JsonNode draft) {
        return Drafts.facts(draft, "Meeting").stream()
                .filter(m -> m.get("title").asString().contains("Spain"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(draft.get("facts").toString()));
    }

    @Test
    void theTalksNamedAgainWithTheirDayDateTheMeeting() {
        JsonNode draft = Drafts.of(IN_VIENNA + " The talks resumed on Tuesday.", THURSDAY);
        JsonNode meeting = onlyMeeting(draft);
        assertEquals("2025-12-02", meeting.path("date").asString(""), meeting::toString);
        assertEquals("day", meeting.get("datePrecision").asString());
        assertEquals("on Tuesday", meeting.get("dateText").asString());
        assertTrue(meeting.get("dateRule").asString().endsWith(Meetings.DATE_ANAPHOR));
        assertEquals(2, meeting.get("evidence").size(), meeting::toString);
    }

    @Test
    void talksOnADayWithinTheMeetingsWeekendPinItFurtherOn() {
        // "the weekend talks" keep the meeting in view and give its week; talks someone may join
        // on Saturday, six sentences on, fall within it and give the day (to come: 6 December)
        JsonNode draft = Drafts.of(
                IN_VIENNA
                        + " The weekend talks follow months of pressure from Brussels. Weber said the plan was fair."
                        + " Lisbon rejected it. Madrid agreed. The police closed the roads."
                        + " Weber said he may join talks in Vienna on Saturday.",
                THURSDAY);
        JsonNode meeting = onlyMeeting(draft);
        assertEquals("2025-12-06", meeting.path("date").asString(""), meeting::toString);
        assertEquals("day", meeting.get("datePrecision").asString());
        assertEquals(3, meeting.get("evidence").size(), meeting::toString);
    }

    @Test
    void talksFarFromAnUndatedMeetingDoNotDateIt() {
        JsonNode meeting = onlyMeeting(Drafts.of(
                IN_VIENNA + " Weber said the plan was fair. Lisbon rejected it. Madrid agreed."
                        + " The talks resumed on Tuesday.",
                THURSDAY));
        assertFalse(meeting.has("date"), meeting::toString);
        assertEquals(1, meeting.get("evidence").size());
    }

    @Test
    void aDateOfAnotherClauseDoesNotDateTheTalks() {
        JsonNode meeting = onlyMeeting(Drafts.of(
                IN_VIENNA + " Lisbon, which signed the treaty in February 2022, says the talks are useless.",
                THURSDAY));
        assertFalse(meeting.has("date"), meeting::toString);
    }

    @Test
    void theTalksAfterAnotherMeetingAreNotTheFirstMeetings() {
        JsonNode draft = Drafts.of(
                IN_VIENNA + " Weber met Chancellor Tom Baker in Paris last week. The talks resumed on Tuesday.",
                THURSDAY);
        assertEquals(2, Drafts.facts(draft, "Meeting").size(), () -> draft.get("facts")
                .toString());
        assertFalse(viennaTalks(draft).has("date"), () -> viennaTalks(draft).toString());
    }

    @Test
    void thePreviousTalksAreAnotherMeeting() {
        JsonNode meeting = onlyMeeting(Drafts.of(IN_VIENNA + " The previous talks ended on Tuesday.", THURSDAY));
        assertFalse(meeting.has("date"), meeting::toString);
    }

    @Test
    void aMeetingSomeoneSaidHeMayHoldIsToCome() {
        JsonNode meeting = onlyMeeting(
                Drafts.of("Karl Weber said he may meet Chancellor Tom Baker in Vienna on Saturday.", THURSDAY));
        assertEquals("2025-12-06", meeting.path("date").asString(""), meeting::toString);
    }

    @Test
    void aMeetingSomeoneSaidHeHeldIsPast() {
        JsonNode meeting =
                onlyMeeting(Drafts.of("Karl Weber said he met Chancellor Tom Baker in Vienna on Saturday.", THURSDAY));
        assertEquals("2025-11-29", meeting.path("date").asString(""), meeting::toString);
    }

    private static JsonNode onlyEvent(JsonNode draft) {
        List<JsonNode> events = Drafts.facts(draft, "Event");
        assertEquals(1, events.size(), () -> "one event expected in " + draft.get("facts"));
        return events.getFirst();
    }

    @Test
    void attacksKeptUpOverAStretchOfTimeAreACampaign() {
        JsonNode event = onlyEvent(
                Drafts.of("Spain has been attacking Portuguese refineries throughout 2024 and 2025.", THURSDAY));
        assertEquals(Events.CAMPAIGN, event.get("kind").asString());
        assertFalse(event.has("date"), event::toString);
        assertEquals("throughout 2024", event.get("dateText").asString());
        JsonNode winter = onlyEvent(Drafts.of("Spain attacked Portuguese refineries throughout the winter.", THURSDAY));
        assertEquals(Events.CAMPAIGN, winter.get("kind").asString());
    }

    @Test
    void anAttackInAYearOrJustDoneIsNoCampaign() {
        JsonNode event = onlyEvent(Drafts.of("Spain attacked Portuguese refineries in 2024.", THURSDAY));
        assertEquals("attack", event.get("kind").asString());
        JsonNode perfect = onlyEvent(Drafts.of("Spain has attacked a refinery in Porto.", THURSDAY));
        assertEquals("attack", perfect.get("kind").asString());
    }

    @Test
    void thePassiveSubjectOfAnAttackIsWhatWasHitNotWhoHitIt() {
        JsonNode draft = Drafts.of("The port of Valparaiso was struck by Peruvian drones on Monday.", THURSDAY);
        JsonNode event = onlyEvent(draft);
        String id = event.get("id").asString();
        assertTrue(Drafts.has(draft, "CARRIED_OUT", Drafts.entity(draft, "Peru"), id), () -> draft.toString());
        assertTrue(Drafts.has(draft, "TARGETED", id, Drafts.entity(draft, "Valparaiso")), () -> draft.toString());
        assertFalse(Drafts.has(draft, "CARRIED_OUT", Drafts.entity(draft, "Valparaiso"), id));
        JsonNode active = Drafts.of("Peruvian drones struck the port of Valparaiso on Monday.", THURSDAY);
        String activeId = onlyEvent(active).get("id").asString();
        assertTrue(Drafts.has(active, "CARRIED_OUT", Drafts.entity(active, "Peru"), activeId), () -> active.toString());
        assertTrue(Drafts.has(active, "TARGETED", activeId, Drafts.entity(active, "Valparaiso")));
    }

    @Test
    void aQuotationAfterAnUnnamedSpeakersVerbIsNotTheMainClausesSubjects() {
        JsonNode draft = Drafts.of(
                "The Chilean navy is retreating, as the blog has noted: \u201cThe fleet left the harbour a week"
                        + " ago.\u201d",
                THURSDAY);
        assertTrue(Drafts.relationships(draft, "SAID").isEmpty(), () -> draft.toString());
        JsonNode named = Drafts.of(
                "The Chilean navy is retreating, as Karl Weber has noted: \u201cThe fleet left the harbour a week"
                        + " ago.\u201d",
                THURSDAY);
        assertTrue(said(named, "Karl Weber", onlyStatement(named)), () -> named.toString());
    }

    @Test
    void aWarningOfWhatAnotherPartyDoesIsADemandOfKindWarning() {
        // "said this week could be …" is parsed with "said" as the clause's subject: its subject speaks
        JsonNode draft = Drafts.of(
                "Trade commissioner Lena Brandt said this week could be decisive but warned that Portugal prefers"
                        + " talks with those willing to offer extra quotas.",
                THURSDAY);
        List<JsonNode> demands = Drafts.facts(draft, "Demand");
        assertEquals(1, demands.size(), () -> draft.get("facts").toString());
        assertEquals("warning", demands.getFirst().get("kind").asString());
        assertTrue(Drafts.has(
                draft,
                "DEMANDS",
                Drafts.entity(draft, "Lena Brandt"),
                demands.getFirst().get("id").asString()));
        JsonNode coming = Drafts.of("Lena Brandt warned that the fishing truce could collapse.", THURSDAY);
        assertEquals(1, Drafts.facts(coming, "Demand").size(), () -> coming.get("facts")
                .toString());
    }

    @Test
    void warningThatSomethingRemainsOnlyDescribes() {
        JsonNode draft = Drafts.of(
                "Chancellor Karl Weber called the talks constructive but warned that tough issues remain.", THURSDAY);
        assertTrue(Drafts.facts(draft, "Demand").isEmpty(), () -> draft.get("facts")
                .toString());
    }

    @Test
    void aWireDatelineAndTheCreditLinesAreNotPartOfTheStory() {
        JsonNode draft = Drafts.of(
                "LIMA, Dec 3 (Reuters) - Chile's government said on Wednesday it would not join talks"
                        + " with Peru.\n(Reporting by Ana Torres in Lima; Editing by Mark Heinrich)",
                THURSDAY);
        JsonNode statement = onlyStatement(draft);
        assertEquals("it would not join talks with Peru", statement.get("text").asString(), draft::toString);
        assertNull(Drafts.entity(draft, "Ana Torres"), draft::toString);
        assertNull(Drafts.entity(draft, "Mark Heinrich"), draft::toString);
        assertNull(Drafts.entity(draft, "LIMA"), draft::toString);
        // capitals without an agency or a date and a dash are no dateline; a person named in the
        // story is kept
        JsonNode story = Drafts.of(
                "NATO - the alliance - said on Wednesday that Ana Torres had met Chilean officials.", THURSDAY);
        assertNotNull(Drafts.entity(story, "Ana Torres"), story::toString);
        assertNotNull(Drafts.entity(story, "NATO"), story::toString);
    }

    @Test
    void initialsWithFullStopsAreTheLongNamesEntity() {
        JsonNode draft = Drafts.of(
                "The U.S. said on Wednesday that Chile had broken the truce. The United States also sent"
                        + " an envoy to Santiago.",
                THURSDAY);
        String us = Drafts.entity(draft, "United States");
        assertNotNull(us, draft::toString);
        assertEquals(us, Drafts.entity(draft, "U.S."), draft::toString);
        JsonNode un = Drafts.of(
                "The United Nations said on Wednesday that aid had been stopped. The U.N. sent an envoy to"
                        + " Santiago.",
                THURSDAY);
        assertEquals(Drafts.entity(un, "United Nations"), Drafts.entity(un, "U.N."), un::toString);
        // other initials stay another entity
        JsonNode other = Drafts.of(
                "The U.S. said on Wednesday that Chile had broken the truce. The United Kingdom also sent"
                        + " an envoy to Santiago.",
                THURSDAY);
        assertNotEquals(Drafts.entity(other, "United Kingdom"), Drafts.entity(other, "U.S."), other::toString);
    }

    @Test
    void aCapitalisedTitleBeforeTheNameIsThePersonNotTheStateThatOwnsIt() {
        JsonNode draft = Drafts.of(
                "Chile's Foreign Minister Alberto van Klaveren Stork met Peruvian envoy Elmer Schialer in"
                        + " Lima on Tuesday, the ministry said.",
                THURSDAY);
        JsonNode meeting = onlyMeeting(draft);
        String id = meeting.get("id").asString();
        String person = Drafts.relationships(draft, "ATTENDED").stream()
                .filter(r -> r.get("to").asString().equals(id))
                .map(r -> r.get("from").asString())
                .filter(f -> !f.equals(Drafts.entity(draft, "Elmer Schialer")))
                .findFirst()
                .orElse(null);
        assertNotNull(person, draft::toString);
        assertTrue(person.contains("stork"), draft::toString);
        assertFalse(Drafts.has(draft, "PARTY_TO", Drafts.entity(draft, "Chile"), id), draft::toString);
    }

    @Test
    void theDayOfTheSayingIsNotTheDayOfTheMeetingOrStrike() {
        JsonNode draft = Drafts.of(
                "President Gabriel Boric said on Tuesday that he expected to meet Peruvian President Dina"
                        + " Boluarte early next year, but added that a meeting would only happen if the talks"
                        + " in Lima made progress.",
                THURSDAY);
        JsonNode meeting = onlyMeeting(draft);
        assertNotEquals("2025-12-09", meeting.path("date").asString(""), meeting::toString);
        assertNotEquals("2025-12-02", meeting.path("date").asString(""), meeting::toString);
        assertFalse(
                Drafts.has(draft, "HELD_IN", meeting.get("id").asString(), Drafts.entity(draft, "Lima")),
                draft::toString);
        JsonNode strike = onlyEvent(Drafts.of(
                "The Chilean Red Cross said on Wednesday that a Peruvian drone strike hit one of its"
                        + " ambulances in Arica.",
                THURSDAY));
        assertEquals("", strike.path("date").asString(""), strike::toString);
        // the day on the meeting's own verb still dates it, and a place in its clause places it
        JsonNode dated =
                Drafts.of("Boric met Boluarte in Lima on Tuesday, the Chilean government said on Wednesday.", THURSDAY);
        JsonNode held = onlyMeeting(dated);
        assertEquals("2025-12-02", held.path("date").asString(""), held::toString);
        assertTrue(Drafts.has(dated, "HELD_IN", held.get("id").asString(), Drafts.entity(dated, "Lima")));
        JsonNode struck =
                onlyEvent(Drafts.of("A Peruvian drone strike hit an ambulance in Arica on Monday.", THURSDAY));
        assertEquals("2025-12-01", struck.path("date").asString(""), struck::toString);
    }

    @Test
    void aPlaceInAClauseThatReportsOrStandsBesideTheMeetingDoesNotPlaceIt() {
        JsonNode said = Drafts.of(
                "President Gabriel Boric said in Santiago on Monday that he had met Peruvian President Dina"
                        + " Boluarte.",
                THURSDAY);
        JsonNode meeting = onlyMeeting(said);
        assertFalse(
                Drafts.has(said, "HELD_IN", meeting.get("id").asString(), Drafts.entity(said, "Santiago")),
                said::toString);
        JsonNode captured = Drafts.of(
                "Chile said on Wednesday it would not join truce talks in Lima unless Peru withdraws from"
                        + " the towns it has seized.",
                THURSDAY);
        for (JsonNode e : Drafts.facts(captured, "Event")) {
            assertFalse(
                    Drafts.has(captured, "OCCURRED_IN", e.get("id").asString(), Drafts.entity(captured, "Lima")),
                    captured::toString);
        }
        // a place below the strike's own clause still places it
        JsonNode struck = Drafts.of(
                "Peruvian air strikes killed 27 people overnight, including 11 sheltering in a school in Arica.",
                THURSDAY);
        JsonNode event = onlyEvent(struck);
        assertTrue(
                Drafts.has(struck, "OCCURRED_IN", event.get("id").asString(), Drafts.entity(struck, "Arica")),
                struck::toString);
        JsonNode agreed = Drafts.of(
                "President Gabriel Boric agreed to meet Peruvian President Dina Boluarte in Lima next week.", THURSDAY);
        JsonNode planned = onlyMeeting(agreed);
        assertTrue(
                Drafts.has(agreed, "HELD_IN", planned.get("id").asString(), Drafts.entity(agreed, "Lima")),
                agreed::toString);
    }

    @Test
    void aDeedDeniedInTheGerundIsTheClaimDenied() {
        JsonNode draft =
                Drafts.of("Chile's army has denied killing civilians in Arica, calling the reports lies.", THURSDAY);
        JsonNode claim = onlyClaim(draft);
        assertEquals("killing civilians in Arica", claim.get("text").asString(), draft::toString);
        assertTrue(
                Drafts.has(
                        draft,
                        "DENIES",
                        Drafts.entity(draft, "Chile's army"),
                        claim.get("id").asString()),
                draft::toString);
        JsonNode two = Drafts.of("The Peruvian navy denied shelling Arica.", THURSDAY);
        assertEquals("shelling Arica", onlyClaim(two).get("text").asString(), two::toString);
        // the gerund parsed as an adjective of its object
        JsonNode amod = Drafts.of("Chile's army has denied targeting civilians in Arica.", THURSDAY);
        assertEquals("targeting civilians", onlyClaim(amod).get("text").asString(), amod::toString);
        // not denied, or a gerund that is not what is denied: nothing
        JsonNode notDenied = Drafts.of("Chile's army has not denied targeting civilians in Arica.", THURSDAY);
        assertTrue(Drafts.relationships(notDenied, "DENIES").isEmpty(), notDenied::toString);
        JsonNode began = Drafts.of("Chile's army began targeting civilians in Arica on Monday.", THURSDAY);
        assertTrue(Drafts.relationships(began, "DENIES").isEmpty(), began::toString);
    }

    @Test
    void anAttackThatIsDeniedIsNoEvent() {
        JsonNode gerund = Drafts.of("The Peruvian navy denied shelling Arica.", THURSDAY);
        assertTrue(Drafts.facts(gerund, "Event").isEmpty(), gerund::toString);
        JsonNode clause = Drafts.of("Chile denied that its forces had shelled Arica on Monday.", THURSDAY);
        assertTrue(Drafts.facts(clause, "Event").isEmpty(), clause::toString);
        // reported, not denied: an event
        JsonNode reported = Drafts.of("The Peruvian navy shelled Arica on Monday, Chile said.", THURSDAY);
        JsonNode event = onlyEvent(reported);
        assertTrue(Drafts.has(
                reported,
                "CARRIED_OUT",
                Drafts.entity(reported, "Peruvian navy"),
                event.get("id").asString()));
    }

    @Test
    void aHeadlinesBareInfinitiveIsAPlan() {
        JsonNode headline =
                Drafts.of("Chilean and Peruvian leaders to meet in Lima to finalise peace treaty", THURSDAY);
        assertEquals("planned", onlyMeeting(headline).get("status").asString(), headline::toString);
        JsonNode held = Drafts.of("Chilean and Peruvian leaders met in Lima to finalise a peace treaty", THURSDAY);
        assertEquals("held", onlyMeeting(held).get("status").asString(), held::toString);
    }

    @Test
    void anAccusationEndsBeforeAClauseConjoinedToIt() {
        JsonNode draft = Drafts.of(
                "President Gabriel Boric also accused Peru of financing the rebels, and said Chile would file a"
                        + " new complaint at the U.N. Security Council.",
                THURSDAY);
        assertEquals(
                "Peru of financing the rebels", onlyClaim(draft).get("text").asString(), draft::toString);
        // words conjoined inside the accusation stay
        JsonNode inside = Drafts.of("President Gabriel Boric accused Peru of shelling Arica and Tacna.", THURSDAY);
        assertEquals(
                "Peru of shelling Arica and Tacna",
                onlyClaim(inside).get("text").asString(),
                inside::toString);
    }

    @Test
    void weInAQuotationIsItsSpeakerAndTheDayOfTheSayingFollowsTheSayingsTense() {
        JsonNode draft = Drafts.of(
                "The Chilean Treasury said on Monday it would attend the talks in Lima.\n\u201cWe want a fair"
                        + " deal for our miners, and we are prepared to walk away if we do not get one,\u201d"
                        + " Finance Minister Lena Brandt told reporters on Wednesday.",
                THURSDAY);
        List<JsonNode> demands = Drafts.facts(draft, "Demand");
        assertEquals(1, demands.size(), () -> draft.get("facts").toString());
        String id = demands.getFirst().get("id").asString();
        assertTrue(Drafts.has(draft, "DEMANDS", Drafts.entity(draft, "Lena Brandt"), id), draft::toString);
        assertFalse(Drafts.has(draft, "DEMANDS", Drafts.entity(draft, "Chilean Treasury"), id));
        // told on Wednesday, the day before this Thursday's article
        assertEquals("2025-12-03", demands.getFirst().get("date").asString());
    }

    @Test
    void aNameAfterKnownAsIsAnotherNameOfTheOneBeforeIt() {
        JsonNode draft = Drafts.of(
                "Navy commander Eduardo Ramirez Salas, known as Tito, said his ships were ready. Later, Tito met"
                        + " Karl Weber in Lima.",
                THURSDAY);
        String ramirez = Drafts.entity(draft, "Eduardo Ramirez Salas");
        assertNotNull(ramirez, draft::toString);
        assertEquals(ramirez, Drafts.entity(draft, "Tito"), () -> draft.get("entities")
                .toString());
        JsonNode apart = Drafts.of("The Lima Group, known as Peru's club, met in Quito on Monday.", THURSDAY);
        assertNotEquals(Drafts.entity(apart, "Lima Group"), Drafts.entity(apart, "Peru"));
    }
}
