package parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parley.query.ApiClient.fetch;
import static parley.query.ApiClient.items;
import static parley.query.ApiClient.list;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingsAndTimelineApiTest implements SharedNeo4j {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void witkoffsMeetingsInDateOrder() {
        List<Map<String, Object>> meetings = items(fetch(client, "/api/meetings?participant=steve-witkoff"));
        List<Object> dated =
                meetings.stream().map(m -> m.get("date")).filter(d -> d != null).toList();
        assertEquals(dated.stream().map(Object::toString).sorted().toList(), dated, "in date order");
        List<Object> ids = meetings.stream().map(m -> m.get("id")).toList();
        assertTrue(
                ids.indexOf("witkoff-putin-moscow-2025-12-02") < ids.indexOf("witkoff-umerov-miami-2025-12-04"),
                ids.toString());
        assertTrue(
                ids.indexOf("witkoff-umerov-miami-2025-12-04") < ids.indexOf("us-russia-talks-miami-2025-12-20"),
                ids.toString());
        assertEquals(null, meetings.getLast().get("date"), "an undated meeting comes last");
    }

    @Test
    void meetingsFilterByStatusDatesAndPlaceWithin() {
        List<Object> planned = items(fetch(client, "/api/meetings?status=planned")).stream()
                .map(m -> m.get("id"))
                .toList();
        assertEquals(List.of("us-russia-talks-miami-2025-12-20"), planned);
        List<Object> early = items(fetch(client, "/api/meetings?from=2025-12-01&to=2025-12-02")).stream()
                .map(m -> m.get("id"))
                .toList();
        assertEquals(List.of("zelensky-macron-paris-2025-12-01", "witkoff-putin-moscow-2025-12-02"), early);
        List<Object> inFlorida = items(fetch(client, "/api/meetings?place=florida")).stream()
                .map(m -> m.get("id"))
                .toList();
        assertTrue(inFlorida.contains("witkoff-umerov-miami-2025-12-04"), "Miami lies in Florida: " + inFlorida);
    }

    @Test
    void badMeetingFiltersAre400NamingTheParameter() {
        assertEquals(
                "from",
                ApiClient.error(client, "/api/meetings?from=yesterday", HttpStatus.BAD_REQUEST)
                        .problems()
                        .getFirst()
                        .path());
        assertEquals(
                "status",
                ApiClient.error(client, "/api/meetings?status=done", HttpStatus.BAD_REQUEST)
                        .problems()
                        .getFirst()
                        .path());
        assertEquals(
                "from",
                ApiClient.error(client, "/api/meetings?from=2025-12-05&to=2025-12-01", HttpStatus.BAD_REQUEST)
                        .problems()
                        .getFirst()
                        .path());
    }

    @Test
    void theMoscowMeetingWithParticipantsReportsAndWhatItFollows() {
        Map<String, Object> m = fetch(client, "/api/meetings/witkoff-putin-moscow-2025-12-02");
        assertEquals("held", m.get("status"));
        assertEquals("2025-12-02", m.get("date"));
        assertEquals(
                List.of("kushner:delegate", "putin:host", "witkoff:lead"),
                list(m, "participants").stream()
                        .map(p -> p.get("id").toString().replaceAll(".*-", "") + ":" + p.get("role"))
                        .sorted()
                        .toList());
        assertEquals(
                List.of("us-ukraine-talks-miami-2025-11-30", "witkoff-starmer-meeting", "witkoff-zelensky-meeting"),
                list(m, "follows").stream().map(f -> f.get("id")).toList(),
                "004: 'Before heading to Moscow, Witkoff met …'");
        assertEquals(
                List.of("russia", "united-states"),
                list(m, "parties").stream().map(p -> p.get("id")).sorted().toList(),
                "002: 'The recent US-Russia consultations at the Kremlin …'");
        assertEquals(4, list(m, "reports").size());
        assertTrue(list(m, "reports").stream()
                .anyMatch(r ->
                        r.get("source").equals("article-003") && r.get("status").equals("planned")));
        ApiClient.error(client, "/api/meetings/no-such-meeting", HttpStatus.NOT_FOUND);
    }

    @Test
    void theTimelineOfWitkoffInDateOrderWithSources() {
        Map<String, Object> page = fetch(client, "/api/timeline?actor=steve-witkoff&from=2025-12-01&to=2025-12-31");
        List<Map<String, Object>> timeline = items(page);
        List<String> dates =
                timeline.stream().map(i -> i.get("date").toString()).toList();
        assertEquals(dates.stream().sorted().toList(), dates);
        assertTrue(dates.stream().allMatch(d -> d.compareTo("2025-12-01") >= 0 && d.compareTo("2025-12-31") <= 0));
        assertTrue(timeline.stream().allMatch(i -> ((List<?>) i.get("actors")).contains("steve-witkoff")));
        assertTrue(timeline.stream().allMatch(i -> !list(i, "evidence").isEmpty()), "every item names its sources");
        assertEquals("witkoff-putin-moscow-2025-12-02", timeline.getFirst().get("id"));
    }

    @Test
    void theWholeTimelineHoldsEveryKindAndIsPaged() {
        Map<String, Object> page = fetch(client, "/api/timeline?limit=500");
        List<Object> kinds =
                items(page).stream().map(i -> i.get("kind")).distinct().sorted().toList();
        assertEquals(List.of("claim", "event", "meeting", "statement"), kinds);
        Map<String, Object> second = fetch(client, "/api/timeline?limit=5&offset=5");
        assertEquals(items(page).get(5).get("id"), items(second).getFirst().get("id"));
        // The curated graph's items are fewer than a page and the count past it: exact totals.
        assertEquals(items(page).size(), ((Number) page.get("total")).intValue());
        assertEquals(page.get("total"), second.get("total"));
        assertEquals(false, page.get("more"));
        assertEquals(false, second.get("more"));
    }

    @Test
    void statementsAndClaimsWithoutADateStandOnTheirSourcesPublicationDate() {
        List<Map<String, Object>> all = items(fetch(client, "/api/timeline?limit=500"));
        Map<String, Object> kallas = all.stream()
                .filter(i -> ((List<?>) i.get("actors")).contains("kaja-kallas") && "statement".equals(i.get("kind")))
                .filter(i -> "published".equals(i.get("dateSource")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Kallas's undated statements are on the timeline"));
        String source = list(kallas, "evidence").getFirst().get("source").toString();
        String published = ApiClient.map(ApiClient.fetch(client, "/api/sources/" + source), "source")
                .get("published")
                .toString();
        assertEquals(published, kallas.get("date"), "on the publication date of " + source);
        assertTrue(all.stream().allMatch(i -> Set.of("stated", "published").contains(i.get("dateSource"))));
        assertTrue(
                all.stream()
                        .filter(i -> "published".equals(i.get("dateSource")))
                        .allMatch(i -> Set.of("statement", "claim").contains(i.get("kind"))),
                "only statements and claims borrow their source's date");
        long statementsAndClaims = all.stream()
                .filter(i -> Set.of("statement", "claim").contains(i.get("kind")))
                .count();
        assertEquals(104, statementsAndClaims, "all 64 statements and 40 claims");
    }

    @Test
    void meetingsAreFoundInThePlacesAndCountriesTheyLieIn() {
        List<Object> europe = items(fetch(client, "/api/meetings?place=europe")).stream()
                .map(m -> m.get("id"))
                .toList();
        assertTrue(
                europe.containsAll(List.of("zelensky-macron-paris-2025-12-01", "us-ukraine-talks-geneva")),
                europe.toString());
        List<Object> france = items(fetch(client, "/api/meetings?place=france")).stream()
                .map(m -> m.get("id"))
                .toList();
        assertEquals(List.of("zelensky-macron-paris-2025-12-01"), france);
    }
}
