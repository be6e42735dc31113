package parley.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import parley.kb.GraphFingerprint;
import parley.kb.TestDocuments;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Suite 2: bad documents against {@code POST /api/documents}, with a valid token. Each is answered
 * 400 (or 413) naming what was wrong, and nothing is written: the graph's checksum is unchanged.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadDocumentsTest extends UnchangedGraphSuite {

    static final String TOKEN = "test-token-0123456789";
    static final String SOURCE = "test-bad-doc";
    static final String PESKOV =
            "Kremlin spokesman Dmitry Peskov confirmed that Witkoff will meet Putin on Tuesday afternoon.";
    static final Map<String, String> HEADERS =
            Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN);

    /** One bad document: its bytes, the status expected, and a fragment the answer must contain. */
    record Case(String name, Supplier<byte[]> body, int status, String names) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("micronaut.server.max-request-size", "1MB");
        return properties;
    }

    @AfterAll
    void nothingWasWritten() {
        assertEquals(before, GraphFingerprint.of(graph));
    }

    /** A valid document over article 004's text: a place, a claim, who claims it. */
    static TestDocuments.Builder valid() {
        return TestDocuments.over("article-004", SOURCE)
                .entity("test-bad-moscow", "Place", "Moscow", Map.of("kind", "city"))
                .fact("test-bad-claim", "Claim", Map.of("text", "Witkoff will meet Putin on Tuesday"), PESKOV)
                .relationship("dmitry-peskov", "CLAIMS", "test-bad-claim", Map.of(), PESKOV);
    }

    static Supplier<byte[]> text(String json) {
        return () -> json.getBytes(StandardCharsets.UTF_8);
    }

    /** The valid document, changed by {@code change}. */
    static Supplier<byte[]> edited(Consumer<ObjectNode> change) {
        return () -> {
            ObjectNode doc = (ObjectNode) TestDocuments.JSON.valueToTree(valid().tree());
            change.accept(doc);
            return TestDocuments.JSON.writeValueAsBytes(doc);
        };
    }

    static ObjectNode at(ObjectNode doc, String array, int index) {
        return (ObjectNode) doc.get(array).get(index);
    }

    static Supplier<byte[]> withBytes(byte[] bad) {
        return () -> {
            String json = valid().json();
            int at = json.indexOf("Witkoff will meet Putin on Tuesday\"");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bad);
            out.writeBytes(json.substring(at).getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        };
    }

    static Case c(String name, Supplier<byte[]> body, String names) {
        return new Case(name, body, 400, names);
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // Malformed and truncated JSON.
        cases.add(c("truncated object", text("{\"source\": {\"id\": \"x\","), "not valid JSON"));
        cases.add(c(
                "truncated document",
                () -> Arrays.copyOf(valid().bytes(), valid().bytes().length / 2),
                "not valid JSON"));
        cases.add(c("unquoted names", text("{source: {id: 'x'}}"), "not valid JSON"));
        cases.add(c(
                "trailing garbage after the document",
                () -> (valid().json() + " {").getBytes(StandardCharsets.UTF_8),
                "not valid JSON"));
        cases.add(c(
                "two documents in one body",
                () -> (valid().json() + valid().json()).getBytes(StandardCharsets.UTF_8),
                "not valid JSON"));
        cases.add(c("empty body", () -> new byte[0], "empty"));
        cases.add(c("only whitespace", text("  \n "), "empty"));
        cases.add(c("JSON null", text("null"), "object"));
        cases.add(c("JSON array", text("[]"), "object"));
        cases.add(c("JSON string", text("\"a document\""), "object"));
        cases.add(c(
                "duplicate keys",
                () -> {
                    String json = valid().json();
                    return ("{\"text\": \"Nothing here.\"," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
                },
                "Duplicate"));
        // Wrong types.
        cases.add(c("source id a number", edited(d -> ((ObjectNode) d.get("source")).put("id", 42)), "$.source.id"));
        cases.add(c("entities an object", edited(d -> d.putObject("entities")), "$.entities"));
        cases.add(
                c("evidence a string", edited(d -> at(d, "facts", 0).put("evidence", PESKOV)), "$.facts[0].evidence"));
        cases.add(c(
                "aliases a string",
                edited(d -> at(d, "entities", 0).put("aliases", "Moskva")),
                "$.entities[0].aliases"));
        cases.add(c(
                "fact property an object",
                edited(d -> at(d, "facts", 0).putObject("killed").put("n", 1)),
                "$.facts[0].killed"));
        cases.add(c("text a list", edited(d -> d.putArray("text").add("x")), "$.text"));
        cases.add(c(
                "relationship properties a list",
                edited(d -> at(d, "relationships", 0).putArray("properties")),
                "$.relationships[0].properties"));
        // Missing fields.
        cases.add(c("no source", edited(d -> d.remove("source")), "source"));
        cases.add(c("no text", edited(d -> d.remove("text")), "text"));
        cases.add(c("entity without a name", edited(d -> at(d, "entities", 0).remove("name")), "name"));
        cases.add(c("place without a kind", edited(d -> at(d, "entities", 0).remove("kind")), "kind"));
        cases.add(c("claim without its text", edited(d -> at(d, "facts", 0).remove("text")), "text"));
        cases.add(c(
                "relationship without a target",
                edited(d -> at(d, "relationships", 0).remove("to")),
                "to"));
        // Unknown labels and types, references and ids.
        cases.add(c(
                "unknown entity label",
                edited(d -> at(d, "entities", 0).put("label", "Alien")),
                "$.entities[0].label"));
        cases.add(c("unknown fact label", edited(d -> at(d, "facts", 0).put("label", "Rumour")), "$.facts[0].label"));
        cases.add(c(
                "unknown relationship type",
                edited(d -> at(d, "relationships", 0).put("type", "HATES")),
                "$.relationships[0].type"));
        cases.add(c(
                "relationship between the wrong labels",
                edited(d -> at(d, "relationships", 0).put("type", "HELD_IN")),
                "cannot start at"));
        cases.add(c(
                "reserved relationship property",
                edited(d -> at(d, "relationships", 0).putObject("properties").put("sources", "x")),
                "$.relationships[0].properties"));
        cases.add(c(
                "dangling reference",
                edited(d -> at(d, "relationships", 0).put("from", "nobody-at-all")),
                "defined neither"));
        cases.add(c(
                "id clashing with another label in the graph",
                edited(d -> {
                    at(d, "entities", 0)
                            .put("id", "moscow")
                            .put("label", "Person")
                            .put("description", "not a person")
                            .remove("kind");
                }),
                "already a Place"));
        cases.add(c(
                "id of an entity and a fact",
                edited(d -> at(d, "facts", 0).put("id", "test-bad-moscow")),
                "defined twice"));
        cases.add(c("id of the source itself", edited(d -> at(d, "facts", 0).put("id", SOURCE)), "source's own id"));
        cases.add(c("id not a slug", edited(d -> at(d, "entities", 0).put("id", "Moscow City")), "$.entities[0].id"));
        // Quotes and names not in the text.
        cases.add(c(
                "evidence not in the text",
                edited(d -> ((ArrayNode) at(d, "facts", 0).get("evidence")).set(0, "Putin said the deal is signed.")),
                "not verbatim"));
        cases.add(c(
                "statement not in the text",
                edited(d -> at(d, "facts", 0).put("label", "Statement").put("text", "We will sign tomorrow.")),
                "$.facts[0].text"));
        cases.add(c(
                "entity name not in the text",
                edited(d -> at(d, "entities", 0).put("name", "Atlantis")),
                "$.entities[0].name"));
        // Dates that do not exist.
        cases.add(c("30 February", edited(d -> at(d, "facts", 0).put("date", "2025-02-30")), "$.facts[0].date"));
        cases.add(c(
                "29 February of a common year",
                edited(d -> at(d, "facts", 0).put("date", "2025-02-29")),
                "$.facts[0].date"));
        cases.add(c(
                "month 13",
                edited(d -> ((ObjectNode) d.get("source")).put("published", "2025-13-01")),
                "$.source.published"));
        cases.add(c("date not ISO", edited(d -> at(d, "facts", 0).put("date", "2 December 2025")), "$.facts[0].date"));
        // Size, encoding, nesting.
        cases.add(new Case(
                "body over the size limit",
                () -> {
                    String json = valid().json();
                    return ("{\"padding\": \"" + "x".repeat(2 * 1024 * 1024) + "\"," + json.substring(1))
                            .getBytes(StandardCharsets.UTF_8);
                },
                413,
                "413"));
        cases.add(c("invalid UTF-8 byte", withBytes(new byte[] {(byte) 0xC3, (byte) 0x28}), "UTF-8"));
        cases.add(c("overlong UTF-8 encoding", withBytes(new byte[] {(byte) 0xC0, (byte) 0xAF}), "UTF-8"));
        cases.add(c("lone continuation byte", withBytes(new byte[] {(byte) 0x80}), "UTF-8"));
        cases.add(c("deeply nested arrays", text("[".repeat(100_000) + "]".repeat(100_000)), "not valid JSON"));
        cases.add(c(
                "deeply nested objects", text("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)), "not valid JSON"));
        cases.add(c(
                "nested value inside a fact",
                edited(d -> {
                    ObjectNode node = at(d, "facts", 0).putObject("extra");
                    for (int i = 0; i < 200; i++) {
                        node = node.putObject("a");
                    }
                }),
                "$.facts[0].extra"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedNamingTheProblemAndWritesNothing(Case bad) {
        Http.Answer answer = http.post("/api/documents", bad.body().get(), HEADERS);
        assertEquals(bad.status(), answer.status(), bad + ": " + answer);
        JsonNode error = answer.json();
        assertEquals(bad.status(), error.get("status").asInt());
        assertTrue(answer.body().contains(bad.names()), bad + " must name '" + bad.names() + "': " + answer);
        if (bad.status() == 400) {
            assertEquals("invalid_document", error.get("error").asString(), answer.toString());
            assertFalse(error.get("problems").isEmpty(), answer.toString());
        }
        assertEquals(
                0L,
                graph.read("MATCH (s:Source {id: $id}) RETURN count(s) AS n", Map.of("id", SOURCE))
                        .records()
                        .getFirst()
                        .get("n")
                        .asLong());
        assertEquals(before, GraphFingerprint.of(graph), "nothing written by " + bad);
    }

    @Test
    void theValidDocumentTheCasesStartFromLoadsAndIsTakenBack() {
        Http.Answer loaded = http.post("/api/documents", valid().bytes(), HEADERS);
        assertEquals(201, loaded.status(), loaded.toString());
        Http.Answer emptied = http.post(
                "/api/documents", TestDocuments.over("article-004", SOURCE).bytes(), HEADERS);
        assertEquals(201, emptied.status(), emptied.toString());
        graph.writeTransaction(tx -> tx.run("MATCH (s:Source {id: $id}) DETACH DELETE s", Map.of("id", SOURCE))
                .consume());
        assertEquals(before, GraphFingerprint.of(graph));
    }
}
