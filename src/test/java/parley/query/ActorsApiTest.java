package parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parley.query.ApiClient.fetch;
import static parley.query.ApiClient.items;
import static parley.query.ApiClient.list;
import static parley.query.ApiClient.map;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActorsApiTest implements SharedNeo4j {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void anotherSpellingFindsTheActor() {
        List<Map<String, Object>> found = items(fetch(client, "/api/actors?q=Zelenskyy"));
        assertEquals(
                List.of("volodymyr-zelensky"),
                found.stream().map(a -> a.get("id")).toList());
    }

    @Test
    void actorsCanBeListedByTypeAndPaged() {
        Map<String, Object> page = fetch(client, "/api/actors?type=country&limit=3&offset=3");
        assertEquals(10, ((Number) page.get("total")).intValue());
        assertEquals(3, items(page).size());
        assertTrue(items(page).stream().allMatch(a -> a.get("type").equals("Country")));
        assertEquals(
                "bad_parameter",
                ApiClient.error(client, "/api/actors?type=people", HttpStatus.BAD_REQUEST)
                        .error());
        assertEquals(
                "limit",
                ApiClient.error(client, "/api/actors?limit=501", HttpStatus.BAD_REQUEST)
                        .problems()
                        .getFirst()
                        .path());
    }

    @Test
    void witkoffsProfileHasHisOfficeHisMeetingsAndTheirSources() {
        Map<String, Object> profile = fetch(client, "/api/actors/steve-witkoff");
        assertEquals("Steve Witkoff", map(profile, "actor").get("name"));
        assertTrue(list(profile, "roles").stream()
                .anyMatch(r -> r.get("title").toString().contains("envoy")));
        Map<String, Object> moscow = list(profile, "meetings").stream()
                .filter(m -> m.get("id").equals("witkoff-putin-moscow-2025-12-02"))
                .findFirst()
                .orElseThrow();
        assertEquals("lead", moscow.get("role"));
        assertEquals("2025-12-02", moscow.get("date"));
        assertEquals(List.of("Moscow"), moscow.get("places"));
        assertTrue(
                list(moscow, "evidence").stream().anyMatch(e -> e.get("source").equals("article-004")));
    }

    @Test
    void aProfileListsTheFirstLimitItemsAndCountsThemAll() {
        Map<String, Object> full = fetch(client, "/api/actors/steve-witkoff?limit=500");
        Map<String, Object> counts = map(full, "counts");
        int meetings = ((Number) counts.get("meetings")).intValue();
        assertTrue(meetings >= 3, counts.toString());
        assertEquals(meetings, list(full, "meetings").size());
        assertEquals(list(full, "statements").size(), ((Number) counts.get("statements")).intValue());

        Map<String, Object> capped = fetch(client, "/api/actors/steve-witkoff?limit=2");
        assertEquals(counts, map(capped, "counts"), "counts do not depend on the limit");
        assertEquals(list(full, "meetings").subList(0, 2), list(capped, "meetings"), "the first two in date order");
        assertTrue(list(capped, "statements").size() <= 2);
        Map<String, Object> byDefault = fetch(client, "/api/actors/steve-witkoff");
        assertEquals(counts, map(byDefault, "counts"));
        for (String l : List.of(
                "roles", "relations", "meetings", "demandsMade", "demandsFaced", "positions", "statements", "claims")) {
            List<Map<String, Object>> all = list(full, l);
            assertEquals(
                    all.subList(0, Math.min(10, all.size())), list(byDefault, l), l + ": the first ten by default");
        }
        assertEquals(
                "limit",
                ApiClient.error(client, "/api/actors/steve-witkoff?limit=0", HttpStatus.BAD_REQUEST)
                        .problems()
                        .getFirst()
                        .path());
    }

    @Test
    void aProfileLinksTheListsWhereItsMeetingsMetStatementsAndClaimsContinue() {
        Map<String, Object> profile = fetch(client, "/api/actors/steve-witkoff?limit=1");
        Map<String, Object> links = map(profile, "links");
        List<Object> meetings = items(fetch(client, links.get("meetings") + "&limit=500")).stream()
                .map(m -> m.get("id"))
                .toList();
        assertEquals(((Number) map(profile, "counts").get("meetings")).intValue(), meetings.size());
        assertEquals(list(profile, "meetings").getFirst().get("id"), meetings.getFirst(), "the same order");
        assertTrue(((Number) fetch(client, links.get("met").toString()).get("total")).intValue() > 0);
        List<Map<String, Object>> timeline = items(fetch(client, links.get("timeline") + "&limit=500"));
        List<Object> statements = timeline.stream()
                .filter(i -> "statement".equals(i.get("kind")))
                .map(i -> i.get("id"))
                .toList();
        for (Map<String, Object> s : list(fetch(client, "/api/actors/steve-witkoff?limit=500"), "statements")) {
            assertTrue(statements.contains(s.get("id")), s.get("id") + " on the timeline");
        }
        Map<String, Object> ukraine = map(fetch(client, "/api/actors/ukraine?limit=1"), "links");
        assertEquals(
                "/api/meetings?party=ukraine", ukraine.get("meetings"), "a state's meetings are those it is party to");
        assertNull(ukraine.get("met"), "only people meet");
    }

    @Test
    void theKremlinsProfileShowsTheDemandsItMakesOfUkraine() {
        Map<String, Object> profile = fetch(client, "/api/actors/kremlin");
        Map<String, Object> nato = list(profile, "demandsMade").stream()
                .filter(d -> d.get("id").equals("demand-000-ukraine-abandon-nato-bid"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of("ukraine"),
                list(nato, "others").stream().map(o -> o.get("id")).toList());
        assertEquals(List.of("nato-membership"), nato.get("topics"));
    }

    @Test
    void dmitrievMetWitkoffAndKushnerInMiamiOnTheTwentieth() {
        Map<String, Object> page = fetch(client, "/api/actors/kirill-dmitriev/met");
        Map<String, Map<String, Object>> byOther = items(page).stream()
                .collect(Collectors.toMap(r -> map(r, "other").get("id").toString(), r -> r));
        assertTrue(
                byOther.keySet().containsAll(Set.of("steve-witkoff", "jared-kushner")),
                byOther.keySet().toString());
        Map<String, Object> witkoff = byOther.get("steve-witkoff");
        assertEquals("Miami", witkoff.get("place"));
        assertEquals("2025-12-20", witkoff.get("date"));
        assertEquals("planned", witkoff.get("status"));
        assertEquals("us-russia-talks-miami-2025-12-20", map(witkoff, "meeting").get("id"));
        assertTrue(list(witkoff, "evidence").stream().anyMatch(e -> e.get("sentence")
                .toString()
                .contains("is scheduled to meet with US President Donald Trump's envoy, Steve Witkoff")));
    }

    @Test
    void metIsPagedAndAnUnknownActorIs404() {
        Map<String, Object> page = fetch(client, "/api/actors/kirill-dmitriev/met?limit=1&offset=1");
        assertEquals(1, items(page).size());
        assertTrue(((Number) page.get("total")).intValue() >= 2);
        ApiClient.error(client, "/api/actors/nobody-at-all/met", HttpStatus.NOT_FOUND);
        ApiClient.error(client, "/api/actors/nobody-at-all", HttpStatus.NOT_FOUND);
    }

    @Test
    void theNetworkIsReadyToDraw() {
        Map<String, Object> network = fetch(client, "/api/actors/kirill-dmitriev/network?depth=1");
        List<Object> nodeIds =
                list(network, "nodes").stream().map(n -> n.get("id")).toList();
        assertTrue(
                nodeIds.containsAll(List.of("kirill-dmitriev", "steve-witkoff", "us-russia-talks-miami-2025-12-20")),
                nodeIds.toString());
        assertTrue(
                list(network, "edges").stream()
                        .allMatch(e -> nodeIds.contains(e.get("from")) && nodeIds.contains(e.get("to"))),
                "every edge joins drawn nodes");
        assertTrue(list(network, "edges").stream()
                .anyMatch(e ->
                        e.get("type").equals("MET") && "us-russia-talks-miami-2025-12-20".equals(e.get("meeting"))));
        int deeper = list(fetch(client, "/api/actors/kirill-dmitriev/network?depth=2"), "nodes")
                .size();
        assertTrue(deeper > nodeIds.size(), "depth 2 reaches further: " + deeper + " > " + nodeIds.size());
        assertEquals(
                "depth",
                ApiClient.error(client, "/api/actors/kirill-dmitriev/network?depth=4", HttpStatus.BAD_REQUEST)
                        .problems()
                        .getFirst()
                        .path());
    }
}
