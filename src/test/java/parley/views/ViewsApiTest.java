package parley.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;

/** The JSON the pages draw: lanes per side, an actor's MET network. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewsApiTest implements SharedNeo4j {

    /** A shared, busy machine can take longer than the client's default 10 s to plan these queries. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new java.util.HashMap<>(SharedNeo4j.super.getProperties());
        p.put("micronaut.http.client.read-timeout", "120s");
        return p;
    }

    @Inject
    @Client("/")
    HttpClient client;

    @SuppressWarnings("unchecked")
    Map<String, Object> get(String uri) {
        return client.toBlocking().retrieve(HttpRequest.GET(uri), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @Test
    void theMoscowMeetingIsInTheUsAndRussiaLanes() {
        Map<String, Object> timeline = get("/api/views/timeline?from=2025-12-02&to=2025-12-02");
        assertEquals(
                List.of("united-states", "russia", "ukraine", "europe", "others"),
                list(timeline.get("lanes")).stream().map(l -> l.get("id")).toList());
        Map<String, Object> moscow = list(timeline.get("items")).stream()
                .filter(m -> m.get("id").equals("witkoff-putin-moscow-2025-12-02"))
                .findFirst()
                .orElseThrow();
        assertEquals("held", moscow.get("status"));
        List<?> lanes = (List<?>) moscow.get("lanes");
        assertTrue(lanes.containsAll(List.of("united-states", "russia")), lanes.toString());
        Map<String, Object> putin = list(moscow.get("participants")).stream()
                .filter(p -> p.get("id").equals("vladimir-putin"))
                .findFirst()
                .orElseThrow();
        assertEquals("russia", putin.get("lane"));
        Map<String, Object> witkoff = list(moscow.get("participants")).stream()
                .filter(p -> p.get("id").equals("steve-witkoff"))
                .findFirst()
                .orElseThrow();
        assertEquals("united-states", witkoff.get("lane"));
    }

    @Test
    void timelineFiltersByActorAndKeepsUndatedMeetingsLast() {
        List<Map<String, Object>> items =
                list(get("/api/views/timeline?actor=kirill-dmitriev").get("items"));
        assertTrue(items.stream().anyMatch(m -> m.get("id").equals("us-russia-talks-miami-2025-12-20")));
        for (Map<String, Object> m : items) {
            assertTrue(
                    list(m.get("participants")).stream()
                            .anyMatch(p -> p.get("id").equals("kirill-dmitriev")),
                    m.get("id") + " has Dmitriev");
        }
        List<Map<String, Object>> all = list(get("/api/views/timeline").get("items"));
        boolean undatedSeen = false;
        for (Map<String, Object> m : all) {
            undatedSeen |= m.get("date") == null;
            assertTrue(!undatedSeen || m.get("date") == null, "undated last");
        }
    }

    @Test
    void dmitrievsNetworkHoldsWitkoffAndKushnerAndTheirMeetings() {
        Map<String, Object> net = get("/api/views/network/kirill-dmitriev?depth=1");
        List<Map<String, Object>> nodes = list(net.get("nodes"));
        Map<String, Object> witkoff = nodes.stream()
                .filter(n -> n.get("id").equals("steve-witkoff"))
                .findFirst()
                .orElseThrow();
        assertEquals("united-states", witkoff.get("lane"));
        assertEquals(1, witkoff.get("hops"));
        assertTrue(nodes.stream().anyMatch(n -> n.get("id").equals("jared-kushner")), nodes.toString());
        Map<String, Object> link = list(net.get("links")).stream()
                .filter(l ->
                        List.of(l.get("from"), l.get("to")).containsAll(List.of("kirill-dmitriev", "steve-witkoff")))
                .findFirst()
                .orElseThrow();
        assertTrue(list(link.get("meetings")).stream().anyMatch(m -> "Miami".equals(m.get("place"))), link.toString());
        int deeper = list(get("/api/views/network/kirill-dmitriev?depth=2").get("nodes"))
                .size();
        assertTrue(deeper >= nodes.size());
    }

    @Test
    void eachMeetingOfTheNetworkIsWordedAsTheMetAnswerWordsIt() {
        // /api/actors/{id}/met and the network page say the same of each meeting ("were to meet"
        // once a planned date has passed), for every person Dmitriev met.
        Map<String, Object> net = get("/api/views/network/kirill-dmitriev?depth=1");
        Map<String, String> names = new java.util.HashMap<>();
        list(net.get("nodes")).forEach(n -> names.put((String) n.get("id"), (String) n.get("name")));
        List<Map<String, Object>> met =
                list(get("/api/actors/kirill-dmitriev/met?limit=100").get("items"));
        assertTrue(met.size() >= 2, met.toString());
        for (Map<String, Object> item : met) {
            String other = (String) ((Map<?, ?>) item.get("other")).get("id");
            String meeting = (String) ((Map<?, ?>) item.get("meeting")).get("id");
            Map<String, Object> link = list(net.get("links")).stream()
                    .filter(l -> List.of(l.get("from"), l.get("to")).containsAll(List.of("kirill-dmitriev", other)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no link to " + other));
            Map<String, Object> at = list(link.get("meetings")).stream()
                    .filter(m -> m.get("meeting").equals(meeting))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no meeting " + meeting + " on the link to " + other));
            String expected = (String) item.get("summary");
            String swapped = expected.replace(
                    names.get("kirill-dmitriev") + " and " + names.get(other),
                    names.get(other) + " and " + names.get("kirill-dmitriev"));
            assertTrue(
                    at.get("summary").equals(expected) || at.get("summary").equals(swapped),
                    at.get("summary") + " is not worded as " + expected);
        }
    }

    @Test
    void badDepthIs400AndUnknownActor404() {
        HttpClientResponseException bad = assertThrows(
                HttpClientResponseException.class, () -> get("/api/views/network/kirill-dmitriev?depth=3"));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
        assertTrue(bad.getResponse().getBody(String.class).orElse("").contains("depth"));
        HttpClientResponseException unknown =
                assertThrows(HttpClientResponseException.class, () -> get("/api/views/network/nobody-at-all"));
        assertEquals(HttpStatus.NOT_FOUND, unknown.getStatus());
        HttpClientResponseException range = assertThrows(
                HttpClientResponseException.class, () -> get("/api/views/timeline?from=2025-12-31&to=2025-12-01"));
        assertEquals(HttpStatus.BAD_REQUEST, range.getStatus());
    }

    @Test
    void thePagesAreServed() {
        String timeline = client.toBlocking().retrieve("/views/timeline.html");
        assertTrue(timeline.contains("timeline.js") && timeline.contains("Download SVG"));
        String network = client.toBlocking().retrieve("/views/network.html");
        assertTrue(network.contains("network.js") && network.contains("any spelling"));
    }
}
