package parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PositionsClaimsPathsSearchApiTest implements SharedNeo4j {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void positionsOnNatoMembership() {
        Map<String, Object> answer = fetch(client, "/api/topics/nato-membership/positions");
        Map<String, Object> kremlin = list(answer, "demands").stream()
                .filter(d -> d.get("id").equals("demand-000-ukraine-abandon-nato-bid"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of("kremlin"),
                list(kremlin, "by").stream().map(a -> a.get("id")).toList());
        assertEquals(
                List.of("ukraine"),
                list(kremlin, "of").stream().map(a -> a.get("id")).toList());
        Map<String, Object> zelensky = list(kremlin, "positions").stream()
                .filter(p -> map(p, "actor").get("id").equals("volodymyr-zelensky"))
                .findFirst()
                .orElseThrow();
        assertEquals("SUPPORTS", zelensky.get("stance"));
        assertTrue(zelensky.get("condition").toString().contains("security guarantees"));
        assertTrue(list(answer, "positions").stream()
                .anyMatch(p -> p.get("stance").equals("OPPOSES")
                        && map(p, "actor").get("id").equals("donald-trump")));
        assertTrue(
                list(kremlin, "evidence").stream().allMatch(e -> e.get("source").equals("article-000")));
        ApiClient.error(client, "/api/topics/no-such-topic/positions", HttpStatus.NOT_FOUND);
    }

    @Test
    void topicsAreListedMostDiscussedFirst() {
        List<Map<String, Object>> topics = items(fetch(client, "/api/topics"));
        assertTrue(topics.stream().anyMatch(t -> t.get("id").equals("nato-membership")));
        assertEquals(14, topics.size());
    }

    @Test
    void thePokrovskClaimAndItsDenial() {
        List<Map<String, Object>> claims = items(fetch(client, "/api/claims?contested=true"));
        Map<String, Object> pokrovsk = claims.stream()
                .filter(c -> c.get("id").equals("claim-pokrovsk-captured"))
                .findFirst()
                .orElseThrow();
        assertTrue(list(pokrovsk, "claimedBy").stream()
                .anyMatch(s -> map(s, "actor").get("id").equals("russia")));
        Map<String, Object> denial = list(pokrovsk, "deniedBy").getFirst();
        assertEquals("ukraine", map(denial, "actor").get("id"));
        assertTrue(list(denial, "evidence").stream()
                .anyMatch(e -> e.get("source").equals("article-004")
                        && e.get("sentence").equals("Ukrainian authorities denied any such losses.")));
        assertTrue(list(pokrovsk, "about").stream().anyMatch(a -> a.get("id").equals("pokrovsk")));
        assertTrue(
                claims.stream().allMatch(c -> !list(c, "deniedBy").isEmpty()),
                "contested=true keeps denied claims only");
        assertTrue(((Number) fetch(client, "/api/claims").get("total")).intValue() > claims.size());
    }

    @Test
    void thePathFromDmitrievToZelenskyIsExplainedHopByHop() {
        Map<String, Object> answer = fetch(client, "/api/paths?from=kirill-dmitriev&to=volodymyr-zelensky");
        Map<String, Object> path = list(answer, "paths").getFirst();
        assertEquals(2, ((Number) path.get("length")).intValue());
        List<Map<String, Object>> hops = list(path, "hops");
        assertEquals("kirill-dmitriev", map(hops.getFirst(), "from").get("id"));
        assertEquals("volodymyr-zelensky", map(hops.getLast(), "to").get("id"));
        assertEquals(
                map(hops.getFirst(), "to").get("id"),
                map(hops.getLast(), "from").get("id"));
        assertTrue(
                hops.getFirst()
                        .get("explanation")
                        .toString()
                        .startsWith("Kirill Dmitriev and Steve Witkoff were to meet in Miami"),
                "the Miami meeting is planned, so nobody 'met': " + hops.getFirst());
        assertTrue(
                hops.getLast().get("explanation").toString().contains(" met "),
                "Witkoff met Zelensky before heading to Moscow (004): " + hops.getLast());
        for (Map<String, Object> hop : hops) {
            assertEquals("MET", hop.get("type"));
            assertTrue(!list(hop, "evidence").isEmpty(), "a MET hop carries the sentences placing both at the meeting");
        }
        assertEquals(
                List.of(),
                list(fetch(client, "/api/paths?from=kirill-dmitriev&to=volodymyr-zelensky&maxHops=1"), "paths"));
    }

    @Test
    void badPathRequests() {
        assertEquals(
                "to",
                ApiClient.error(client, "/api/paths?from=kirill-dmitriev", HttpStatus.BAD_REQUEST)
                        .problems()
                        .getFirst()
                        .path());
        assertEquals(
                "maxHops",
                ApiClient.error(client, "/api/paths?from=a&to=b&maxHops=9", HttpStatus.BAD_REQUEST)
                        .problems()
                        .getFirst()
                        .path());
        ApiClient.error(client, "/api/paths?from=kirill-dmitriev&to=nobody-at-all", HttpStatus.NOT_FOUND);
    }

    @Test
    void searchFindsAlternateAndMisspeltSpellings() {
        assertEquals("volodymyr-zelensky", firstHit("Zelenskyy"));
        assertEquals("volodymyr-zelensky", firstHit("Zelenskiy"));
        assertEquals("ukraine", firstHit("Kiev"));
        assertEquals("andrii-sybiha", firstHit("Sybhia"));
        assertEquals("kaja-kallas", firstHit("Katja Kallas"));
    }

    @Test
    void quotationsMatchTheWordAsTypedNamesAlsoMisspelt() {
        List<Map<String, Object>> exact = hits("warmongers");
        assertTrue(
                exact.stream()
                        .anyMatch(h -> "Statement".equals(h.get("label"))
                                && h.get("text").toString().contains("warmongers")),
                "the quotation holding the word: " + exact);
        // One edit away: names, other spellings and titles would still match, quotations do not.
        assertTrue(
                hits("warmongerz").stream()
                        .noneMatch(h -> String.valueOf(h.get("text")).contains("warmongers")),
                "a misspelt word in a quotation finds nothing");
        assertEquals("volodymyr-zelensky", firstHit("Zelenskyy"), "while a misspelt name still finds its node");
    }

    @Test
    void thePlaceWhoseNameItIsComesBeforeTheCountryCalledSo() {
        assertEquals("moscow", firstHit("Moscow"), "Russia is also called Moscow, but Moscow is the city");
        assertEquals("washington", firstHit("Washington"));
        assertEquals("russia", firstHit("Russia"));
        List<Object> moscow = list(fetch(client, "/api/search?q=moscow"), "items").stream()
                .map(h -> h.get("id"))
                .toList();
        assertEquals(List.of("moscow", "russia"), moscow.subList(0, 2), "then the country it names");
    }

    @Test
    void searchTreatsLuceneSyntaxAsText() {
        Map<String, Object> answer =
                fetch(client, "/api/search?q=" + URLEncoder.encode("Pokrovsk OR *:* (", StandardCharsets.UTF_8));
        assertTrue(list(answer, "items").size() <= 20);
        assertEquals(
                "q",
                ApiClient.error(client, "/api/search", HttpStatus.BAD_REQUEST)
                        .problems()
                        .getFirst()
                        .path());
    }

    private List<Map<String, Object>> hits(String q) {
        return list(fetch(client, "/api/search?limit=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)), "items");
    }

    private String firstHit(String q) {
        return list(fetch(client, "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)), "items")
                .getFirst()
                .get("id")
                .toString();
    }
}
