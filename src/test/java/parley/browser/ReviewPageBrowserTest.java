package parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Value;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import parley.SharedNeo4j;
import parley.kb.GraphFingerprint;
import parley.kb.TestDocuments;
import parley.neo4j.Graph;

/**
 * A person at the review desk, in a real headless Chromium: opens a draft, accepts what the
 * program is confident of, rejects a wrong person and, from the keyboard, the attendance that
 * rested on them, links a candidate to the node the graph already has, publishes, and the graph
 * holds exactly what they accepted.
 */
@Tag("browser")
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewPageBrowserTest implements SharedNeo4j {

    private static final String TOKEN = "test-token-0123456789";
    private static final String SOURCE = "test-browser-review";
    private static final String MOSCOW = "witkoff-putin-moscow-2025-12-02";
    private static final String WHITE_HOUSE =
            "The White House says it feels very optimistic about progress toward ending the war in Ukraine.";
    private static final String KUSHNER =
            "Jared Kushner, Donald Trump’s son-in-law and informal adviser, will also join the talks.";
    private static final String PESKOV =
            "Kremlin spokesman Dmitry Peskov confirmed that Witkoff will meet Putin on Tuesday afternoon.";

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Graph graph;

    @AfterEach
    void takeBack() {
        if (!graph.read("MATCH (s:Source {id: $id}) RETURN s", Map.of("id", SOURCE))
                .records()
                .isEmpty()) {
            client.toBlocking()
                    .exchange(HttpRequest.DELETE("/api/sources/" + SOURCE).bearerAuth(TOKEN), String.class);
        }
    }

    private String draft() {
        byte[] doc = TestDocuments.over("article-004", SOURCE)
                .entity(
                        "steve-witkoff",
                        "Person",
                        "Steve Witkoff",
                        Map.of(
                                "aliases",
                                List.of("Witkoff"),
                                "description",
                                "US special envoy of President Donald Trump"))
                .entity(
                        SOURCE + "-white-house",
                        "Institution",
                        "White House",
                        Map.of("kind", "government", "confidence", 0.6, "rule", "test:institution"))
                .entity(
                        SOURCE + "-kushner",
                        "Person",
                        "Jared Kushner",
                        Map.of("description", "adviser", "confidence", 0.3, "rule", "test:person"))
                .fact(
                        SOURCE + "-statement",
                        "Statement",
                        Map.of("text", WHITE_HOUSE, "confidence", 0.9, "rule", "test:quote"),
                        WHITE_HOUSE)
                .relationship(SOURCE + "-white-house", "SAID", SOURCE + "-statement", Map.of(), WHITE_HOUSE)
                .relationship(SOURCE + "-kushner", "ATTENDED", MOSCOW, Map.of("role", "delegate"), KUSHNER)
                .relationship("steve-witkoff", "ATTENDED", MOSCOW, Map.of("role", "lead"), PESKOV)
                .bytes();
        String answer = client.toBlocking()
                .retrieve(
                        HttpRequest.POST("/api/drafts", doc)
                                .contentType(MediaType.APPLICATION_JSON_TYPE)
                                .bearerAuth(TOKEN),
                        String.class);
        return TestDocuments.JSON.readTree(answer).get("id").asString();
    }

    private static WebElement item(WebDriver page, String key) {
        return page.findElement(By.cssSelector(".item[data-key='" + key + "']"));
    }

    private static boolean state(WebDriver page, String key, String state) {
        return item(page, key).getAttribute("class").contains(state);
    }

    @Test
    void aPersonReviewsAndPublishesADraftInTheBrowser() {
        String before = GraphFingerprint.of(graph);
        String draftId = draft();
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver page = chromium.driver();
            page.get(server.getURI() + "/review");

            // The token, once for this browser session.
            page.findElement(By.id("token")).sendKeys(TOKEN, Keys.ENTER);
            chromium.await(ExpectedConditions.textToBe(By.id("token-state"), "token set for this session"));

            // Open the draft from the list.
            chromium.await(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='#" + draftId + "']")))
                    .click();
            chromium.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".item[data-key='facts[0]']")));
            Object highlighted = ((org.openqa.selenium.JavascriptExecutor) page)
                    .executeScript("return [...document.querySelectorAll(\"#article mark[data-keys~='facts[0]']\")]"
                            + ".map(m => m.textContent).join('')");
            assertEquals(WHITE_HOUSE, highlighted, "the statement's evidence is highlighted in place");
            chromium.screenshot("review-1-draft-opened");

            // Accept every pending item the program is at least 50% sure of (and those a person wrote).
            WebElement threshold = page.findElement(By.id("threshold"));
            threshold.clear();
            threshold.sendKeys("0.5");
            page.findElement(By.id("accept-above")).click();
            chromium.await(p -> state(p, "facts[0]", "accepted"));
            assertTrue(state(page, "entities[2]", "pending"), "0.3 is below the threshold");
            chromium.await(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "$.relationships[1].from"));

            // Reject the second "Jared Kushner" with its button, and the attendance resting on it from the keyboard.
            item(page, "entities[2]")
                    .findElement(By.cssSelector("button.reject"))
                    .click();
            chromium.await(p -> state(p, "entities[2]", "rejected"));
            item(page, "relationships[1]").sendKeys("r");
            chromium.await(p -> state(p, "relationships[1]", "rejected"));

            // The White House is already in the graph: link the candidate to it through search.
            WebElement whiteHouse = item(page, "entities[1]");
            whiteHouse.findElement(By.tagName("summary")).click();
            whiteHouse.findElement(By.cssSelector("input[type=search]")).sendKeys("White House", Keys.ENTER);
            chromium.await(ExpectedConditions.elementToBeClickable(
                            By.xpath("//article[@data-key='entities[1]']//button[contains(., '(white-house)')]")))
                    .click();
            chromium.await(p -> item(p, "entities[1]").getText().contains("merges into Institution “White House”"));
            chromium.await(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "New nodes (2)"));
            chromium.screenshot("review-2-reviewed-with-preview");

            page.findElement(By.id("publish")).click();
            chromium.await(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Published " + SOURCE));
            chromium.screenshot("review-3-published");
        }

        assertEquals(
                List.of(SOURCE),
                graph.read(
                                "MATCH (:Institution {id: 'white-house'})-[r:SAID]->(:Statement {id: $id}) RETURN r.sources AS s",
                                Map.of("id", SOURCE + "-statement"))
                        .records()
                        .getFirst()
                        .get("s")
                        .asList(Value::asString),
                "published, said by the White House the graph already had");
        assertEquals(0, count("MATCH (n {id: $id}) RETURN count(n)", SOURCE + "-kushner"), "rejected, never written");
        assertEquals(0, count("MATCH (n {id: $id}) RETURN count(n)", SOURCE + "-white-house"), "linked, not created");
        assertEquals(
                1,
                count(
                        "MATCH (:Person {id: 'steve-witkoff'})-[r:ATTENDED]->(:Meeting {id: '" + MOSCOW
                                + "'}) WHERE $id IN r.sources RETURN count(r)",
                        SOURCE));
        client.toBlocking()
                .exchange(HttpRequest.DELETE("/api/sources/" + SOURCE).bearerAuth(TOKEN), String.class);
        client.toBlocking()
                .exchange(HttpRequest.DELETE("/api/drafts/" + draftId).bearerAuth(TOKEN));
        assertEquals(before, GraphFingerprint.of(graph));
    }

    private long count(String cypher, String id) {
        return graph.read(cypher, Map.of("id", id)).records().getFirst().get(0).asLong();
    }
}
