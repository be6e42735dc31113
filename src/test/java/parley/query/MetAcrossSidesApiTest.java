package parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parley.query.ApiClient.fetch;
import static parley.query.ApiClient.items;
import static parley.query.ApiClient.list;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;

/**
 * What "met" means (issue 10): MET joins two people on different sides of one meeting, says its
 * status in words, and states and bodies appear as parties of their meetings, not as people met.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetAcrossSidesApiTest implements SharedNeo4j {

    /** "met" as a word, so "meeting" and "to meet" do not count. */
    private static final Pattern MET_WORD = Pattern.compile("\\bmet\\b");

    @Inject
    @Client("/")
    HttpClient client;

    private List<Map<String, Object>> met(String id) {
        return items(fetch(client, "/api/actors/" + id + "/met?limit=500"));
    }

    private static Set<String> others(List<Map<String, Object>> items) {
        return items.stream()
                .map(i -> (String) ((Map<?, ?>) i.get("other")).get("id"))
                .collect(Collectors.toSet());
    }

    @Test
    void dmitrievIsToMeetExactlyWitkoffAndKushnerInMiamiOnTheTwentieth() {
        List<Map<String, Object>> items = met("kirill-dmitriev");
        assertEquals(Set.of("steve-witkoff", "jared-kushner"), others(items), "not Russia, not a colleague");
        assertEquals(2, items.size());
        for (Map<String, Object> i : items) {
            assertEquals("us-russia-talks-miami-2025-12-20", ((Map<?, ?>) i.get("meeting")).get("id"));
            assertEquals("Miami", i.get("place"));
            assertEquals("2025-12-20", i.get("date"));
            assertEquals("planned", i.get("status"), "article 001, published that Saturday, has him on the way");
            assertEquals("russia", i.get("side"));
            assertEquals("united-states", i.get("otherSide"));
            String summary = (String) i.get("summary");
            assertTrue(summary.startsWith("Kirill Dmitriev and "), summary);
            assertTrue(summary.contains(" to meet in Miami on 2025-12-20"), summary);
            assertFalse(MET_WORD.matcher(summary).find(), "a planned meeting is never worded 'met': " + summary);
            List<Map<String, Object>> evidence = list(i, "evidence");
            assertTrue(
                    evidence.stream()
                            .anyMatch(
                                    e -> e.get("sentence")
                                            .toString()
                                            .startsWith(
                                                    "Kirill Dmitriev, the head of Russia's sovereign wealth fund, is scheduled to meet")),
                    evidence.toString());
            assertEquals(evidence.size(), Set.copyOf(evidence).size(), "no sentence twice");
        }
    }

    @Test
    void umerovMetWitkoffOnTheThirtiethOfNovemberAndTheFourthOfDecember() {
        List<Map<String, Object>> items = met("rustem-umerov");
        Set<String> witkoffDates = items.stream()
                .filter(i -> "steve-witkoff".equals(((Map<?, ?>) i.get("other")).get("id")))
                .map(i -> (String) i.get("date"))
                .collect(Collectors.toSet());
        assertTrue(witkoffDates.containsAll(Set.of("2025-11-30", "2025-12-04")), witkoffDates.toString());
        assertTrue(others(items).contains("marco-rubio"), "Rubio led the American side on 30 November");
        assertFalse(others(items).contains("keir-starmer"), "004 does not put Starmer in a room with Umerov");
        assertFalse(others(items).contains("volodymyr-zelensky"), "his own president is on his side");
        assertTrue(
                items.stream().allMatch(i -> "ukraine".equals(i.get("side"))),
                "Umerov acts for Ukraine at every meeting");
        Map<String, Object> thirtieth = items.stream()
                .filter(i -> "steve-witkoff".equals(((Map<?, ?>) i.get("other")).get("id"))
                        && "2025-11-30".equals(i.get("date")))
                .findFirst()
                .orElseThrow();
        assertEquals("held", thirtieth.get("status"));
        assertEquals("Rustem Umerov and Steve Witkoff met in Miami on 2025-11-30", thirtieth.get("summary"));
        assertTrue(
                list(thirtieth, "evidence").stream().anyMatch(e -> e.get("sentence")
                        .toString()
                        .contains("State Secretary Rubio, Steve Witkoff, Jared Kushner")),
                "003: Umerov thanks Witkoff after the meeting");
    }

    @Test
    void colleaguesOfOneDelegationDidNotMeetEachOther() {
        assertFalse(others(met("jared-kushner")).contains("steve-witkoff"));
        assertFalse(others(met("steve-witkoff")).contains("jared-kushner"));
        assertFalse(others(met("marco-rubio")).contains("jared-kushner"));
        assertFalse(others(met("volodymyr-zelensky")).contains("rustem-umerov"));
    }

    @Test
    void noCountryOrInstitutionMetAnyone() {
        assertEquals(0L, ((Number) fetch(client, "/api/actors/russia/met").get("total")).longValue());
        assertEquals(
                0L, ((Number) fetch(client, "/api/actors/united-states/met").get("total")).longValue());
        Set<String> umerov = others(met("rustem-umerov"));
        for (String country : List.of("ukraine", "united-states", "france", "germany", "united-kingdom")) {
            assertFalse(umerov.contains(country), country);
        }
    }

    @Test
    void theStatusFilterKeepsEachItemsStatus() {
        Map<String, Object> planned = fetch(client, "/api/actors/kirill-dmitriev/met?status=planned");
        assertEquals(2L, ((Number) planned.get("total")).longValue());
        Map<String, Object> held = fetch(client, "/api/actors/kirill-dmitriev/met?status=held");
        assertEquals(0L, ((Number) held.get("total")).longValue());
        assertTrue(items(held).isEmpty());
        List<Map<String, Object>> umerovHeld = items(fetch(client, "/api/actors/rustem-umerov/met?status=held"));
        assertFalse(umerovHeld.isEmpty());
        assertTrue(umerovHeld.stream().allMatch(i -> "held".equals(i.get("status"))));
        var error = ApiClient.error(client, "/api/actors/rustem-umerov/met?status=met", HttpStatus.BAD_REQUEST);
        assertEquals("status", error.problems().getFirst().path());
    }

    @Test
    void aPlannedMeetingIsNeverWordedMetInAPath() {
        Map<String, Object> answer = fetch(client, "/api/paths?from=kirill-dmitriev&to=steve-witkoff&maxHops=1");
        List<Map<String, Object>> paths = list(answer, "paths");
        assertFalse(paths.isEmpty());
        Map<String, Object> hop = list(paths.getFirst(), "hops").getFirst();
        assertEquals("MET", hop.get("type"));
        String explanation = (String) hop.get("explanation");
        assertTrue(explanation.contains("to meet in Miami on 2025-12-20"), explanation);
        assertFalse(MET_WORD.matcher(explanation).find(), explanation);
        String held = (String) list(
                        list(fetch(client, "/api/paths?from=vladimir-putin&to=steve-witkoff&maxHops=1"), "paths")
                                .getFirst(),
                        "hops")
                .getFirst()
                .get("explanation");
        assertTrue(held.contains(" met in Moscow on 2025-12-02"), held);
    }

    @Test
    void everyMetOfEveryPersonIsWordedByItsStatus() {
        List<Map<String, Object>> people = items(fetch(client, "/api/actors?type=person&limit=500"));
        int checked = 0;
        for (Map<String, Object> p : people) {
            for (Map<String, Object> i : met((String) p.get("id"))) {
                String summary = (String) i.get("summary");
                boolean saysMet = MET_WORD.matcher(summary).find();
                assertEquals("held".equals(i.get("status")), saysMet, summary + " is " + i.get("status"));
                assertFalse(i.get("side") != null && i.get("side").equals(i.get("otherSide")), "one side: " + summary);
                checked++;
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void countriesArePartiesOfTheirMeetingsAndPeopleCarryASide() {
        Map<String, Object> m = fetch(client, "/api/meetings/us-ukraine-talks-miami-2025-11-30");
        Set<String> parties =
                list(m, "parties").stream().map(p -> (String) p.get("id")).collect(Collectors.toSet());
        assertEquals(Set.of("united-states", "ukraine"), parties);
        Map<String, String> sides = list(m, "participants").stream()
                .collect(Collectors.toMap(p -> (String) p.get("id"), p -> (String) p.get("side")));
        assertEquals(
                Map.of(
                        "marco-rubio", "united-states",
                        "steve-witkoff", "united-states",
                        "jared-kushner", "united-states",
                        "rustem-umerov", "ukraine"),
                sides);
        assertTrue(list(m, "participants").stream().allMatch(p -> "Person".equals(p.get("type"))));
        assertTrue(list(m, "participants").stream().allMatch(p -> "source".equals(p.get("sideFrom"))));
    }

    @Test
    void theMeetingsOfAStateAreFoundByParty() {
        Set<String> russia = items(fetch(client, "/api/meetings?party=russia")).stream()
                .map(m -> (String) m.get("id"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("us-russia-talks-miami-2025-12-20", "witkoff-putin-moscow-2025-12-02"), russia);
        Map<String, Object> berlin =
                items(fetch(client, "/api/meetings?party=european-officials")).getFirst();
        assertEquals("berlin-talks-2025-12", berlin.get("id"));
        assertEquals(
                Set.of("ukraine", "european-officials"),
                list(berlin, "parties").stream().map(p -> p.get("id")).collect(Collectors.toSet()),
                "000: Witkoff and Kushner discussed the US proposal with Ukrainian and European officials");
    }

    @Test
    void witkoffsMeetingsBeforeMoscowAreKeptApart() {
        Set<String> starmer = others(met("keir-starmer"));
        assertEquals(Set.of("steve-witkoff"), starmer, "004 says Witkoff met Starmer; nobody else with him");
        Set<String> zelensky = others(met("volodymyr-zelensky"));
        assertTrue(zelensky.containsAll(Set.of("steve-witkoff", "emmanuel-macron")), zelensky.toString());
        assertFalse(zelensky.contains("keir-starmer"));
        ApiClient.error(client, "/api/meetings/witkoff-starmer-zelensky-umerov-meeting", HttpStatus.NOT_FOUND);
    }

    @Test
    void theBrowserQueryDrawsPeopleOnly() {
        Map<String, Object> body = Map.of("query", "MATCH (p:Person)-[m:MET]-(o) RETURN p, m, o", "params", Map.of());
        Map<String, Object> result = client.toBlocking()
                .retrieve(HttpRequest.POST("/api/cypher", body), Argument.mapOf(String.class, Object.class));
        @SuppressWarnings("unchecked")
        List<List<Map<String, Object>>> rows = (List<List<Map<String, Object>>>) result.get("rows");
        assertFalse(rows.isEmpty());
        for (List<Map<String, Object>> row : rows) {
            assertEquals(
                    List.of("Actor", "Person"),
                    ((List<?>) row.get(0).get("labels"))
                            .stream().map(Object::toString).sorted().toList());
            assertEquals(
                    List.of("Actor", "Person"),
                    ((List<?>) row.get(2).get("labels"))
                            .stream().map(Object::toString).sorted().toList());
        }
        Set<String> pairs = rows.stream()
                .map(r -> ((Map<?, ?>) r.get(0).get("properties")).get("id") + "-"
                        + ((Map<?, ?>) r.get(2).get("properties")).get("id"))
                .collect(Collectors.toSet());
        assertTrue(pairs.contains("kirill-dmitriev-steve-witkoff"));
        assertTrue(pairs.contains("rustem-umerov-steve-witkoff"));
        assertFalse(pairs.contains("jared-kushner-steve-witkoff"));
    }

    @Test
    void aCountrysProfileListsTheMeetingsItWasPartyTo() {
        Map<String, Object> profile = fetch(client, "/api/actors/ukraine?limit=500");
        List<Map<String, Object>> meetings = list(profile, "meetings");
        assertTrue(meetings.stream()
                .anyMatch(m -> "us-ukraine-talks-geneva".equals(m.get("id")) && "party".equals(m.get("role"))));
        assertNull(
                list(fetch(client, "/api/actors/ukraine"), "roles").stream()
                        .filter(r -> ((Map<?, ?>) r.get("of")).get("label") == null)
                        .findAny()
                        .orElse(null),
                "every role reference names its label");
    }
}
