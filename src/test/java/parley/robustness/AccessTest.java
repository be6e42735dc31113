package parley.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import parley.kb.BundledDocuments;
import parley.kb.GraphFingerprint;
import parley.kb.TestDocuments;

/**
 * Suite 6: the write endpoints answer 401 without the token, with a wrong one, and with one of the
 * right length but wrong bytes; nothing is written; and the token appears in no log line (every
 * logger at DEBUG while the requests run) and no error body.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTest extends UnchangedGraphSuite {

    static final String TOKEN = "test-token-0123456789";
    static final String SOURCE = "test-access";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private Level rootLevel;

    @BeforeAll
    void captureEveryLogLine() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        captured.start();
        root.iteratorForAppenders().forEachRemaining(detached::add);
        detached.forEach(root::detachAppender);
        root.addAppender(captured);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        setLevel("parley", Level.DEBUG);
        setLevel("org.neo4j.driver", Level.DEBUG);
    }

    @AfterAll
    void restoreLogging() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(captured);
        detached.forEach(root::addAppender);
        root.setLevel(rootLevel);
        setLevel("parley", Level.INFO);
        setLevel("org.neo4j.driver", null);
        assertEquals(before, GraphFingerprint.of(graph));
    }

    private static void setLevel(String logger, Level level) {
        ((Logger) LoggerFactory.getLogger(logger)).setLevel(level);
    }

    /** Every wrong way of presenting the token, by name. */
    static Map<String, Map<String, String>> wrongCredentials() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("no Authorization header", Map.of());
        cases.put("empty bearer", Map.of("Authorization", "Bearer "));
        cases.put("wrong token", Map.of("Authorization", "Bearer not-the-token"));
        cases.put("right length, last byte wrong", Map.of("Authorization", "Bearer test-token-0123456780"));
        cases.put("right length, first byte wrong", Map.of("Authorization", "Bearer Test-token-0123456789"));
        cases.put("right length, all bytes wrong", Map.of("Authorization", "Bearer " + "x".repeat(TOKEN.length())));
        cases.put("token as a prefix", Map.of("Authorization", "Bearer " + TOKEN + "0"));
        cases.put("token truncated", Map.of("Authorization", "Bearer " + TOKEN.substring(0, TOKEN.length() - 1)));
        cases.put("basic scheme", Map.of("Authorization", "Basic " + TOKEN));
        cases.put("token without a scheme", Map.of("Authorization", TOKEN));
        cases.put("token in another header", Map.of("X-Api-Token", TOKEN));
        cases.put("lower-case scheme, wrong token", Map.of("Authorization", "bearer test-token-0123456780"));
        return cases;
    }

    @Test
    void everyWrongCredentialIs401AndWritesNothing() {
        byte[] document = BundledDocuments.read("kb/sources/article-004.json");
        List<String> bodies = new ArrayList<>();
        for (String path : List.of("/api/documents", "/api/documents/reload")) {
            wrongCredentials().forEach((name, headers) -> {
                Map<String, String> all = new LinkedHashMap<>(headers);
                all.put("Content-Type", "application/json");
                Http.Answer answer = http.post(path, document, all);
                assertEquals(401, answer.status(), path + " with " + name + ": " + answer);
                assertEquals("unauthorized", answer.error(), answer.toString());
                assertFalse(answer.json().get("message").asString().isBlank());
                bodies.add(answer.body());
            });
        }
        assertEquals(before, GraphFingerprint.of(graph), "nothing written by refused requests");
        bodies.forEach(body -> assertFalse(body.contains(TOKEN), "the token is in an error body: " + body));
        bodies.forEach(body -> assertFalse(body.contains("0123456780"), "a presented token is echoed: " + body));
        assertTokenNotLogged();
    }

    @Test
    void theRightTokenWritesAndIsNotLoggedEither() {
        String claim = "Kremlin spokesman Dmitry Peskov confirmed that Witkoff will meet Putin on Tuesday afternoon.";
        var doc = TestDocuments.over("article-004", SOURCE)
                .fact("test-access-claim", "Claim", Map.of("text", "Witkoff will meet Putin"), claim)
                .relationship("dmitry-peskov", "CLAIMS", "test-access-claim", Map.of(), claim);
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN);
        Http.Answer loaded = http.post("/api/documents", doc.bytes(), headers);
        assertEquals(201, loaded.status(), loaded.toString());
        Http.Answer invalid = http.post("/api/documents", "{".getBytes(), headers);
        assertEquals(400, invalid.status());
        assertFalse(invalid.body().contains(TOKEN));
        Http.Answer emptied = http.post(
                "/api/documents", TestDocuments.over("article-004", SOURCE).bytes(), headers);
        assertEquals(201, emptied.status(), emptied.toString());
        graph.writeTransaction(tx -> tx.run("MATCH (s:Source {id: $id}) DETACH DELETE s", Map.of("id", SOURCE))
                .consume());
        assertEquals(before, GraphFingerprint.of(graph));
        assertTokenNotLogged();
    }

    private void assertTokenNotLogged() {
        List<ILoggingEvent> events;
        synchronized (captured) {
            events = List.copyOf(captured.list);
        }
        assertTrue(
                events.stream().anyMatch(e -> e.getFormattedMessage().contains("/api/documents")),
                "the capture sees the service's log lines");
        for (ILoggingEvent event : events) {
            String line = event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                    + throwable(event.getThrowableProxy());
            assertFalse(line.contains(TOKEN), "the token is in a log line: " + line);
        }
    }

    private static String throwable(IThrowableProxy proxy) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
            text.append(' ').append(p.getClassName()).append(": ").append(p.getMessage());
        }
        return text.toString();
    }
}
