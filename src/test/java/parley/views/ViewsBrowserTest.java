package parley.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import parley.SharedNeo4j;
import parley.browser.HeadlessChromium;

/**
 * The timeline and network pages in a real headless Chromium (Debian's, through chromedriver, as
 * {@link HeadlessChromium} starts it): what a user sees and does, with screenshots at 1280x800 in
 * {@code target/}. Runs with {@code ./mvnw -B verify -Pbrowser}; skipped, saying why, when {@code
 * /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing.
 */
@Tag("browser")
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewsBrowserTest implements SharedNeo4j {

    static final String MOSCOW = "witkoff-putin-moscow-2025-12-02";

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    HeadlessChromium chromium;
    RemoteWebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startChromium() {
        chromium = HeadlessChromium.start();
        browser = (RemoteWebDriver) chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    @Test
    void theTimelineShowsTheMoscowMeetingInTheUsAndRussiaLanes() throws Exception {
        browser.get(url("/views/timeline.html"));
        String mark = "g.mark[data-meeting='" + MOSCOW + "']";
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(mark)));
        List<String> lanes = browser.findElements(By.cssSelector(mark)).stream()
                .map(e -> e.getDomAttribute("data-lane"))
                .toList();
        assertTrue(lanes.containsAll(List.of("united-states", "russia")), "lanes of the Moscow meeting: " + lanes);
        WebElement us = browser.findElement(By.cssSelector(mark + "[data-lane='united-states']"));
        assertEquals("held", us.getDomAttribute("data-status"));
        assertTrue(
                us.getAriaRole().equals("button") && us.getAccessibleName().contains("Moscow"), us.getAccessibleName());

        // Keyboard: focus the mark, the tooltip names the participants; Enter opens the evidence.
        browser.executeScript("arguments[0].focus()", us);
        WebElement tip = browser.findElement(By.id("tip"));
        wait.until(ExpectedConditions.visibilityOf(tip));
        assertTrue(tip.getText().contains("Steve Witkoff"), tip.getText());
        assertTrue(tip.getText().contains("Vladimir Putin"), tip.getText());
        screenshot("timeline.png");
        us.sendKeys(Keys.ENTER);
        WebElement detail = browser.findElement(By.id("detail"));
        wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(detail, By.tagName("blockquote")));
        assertTrue(detail.getText().contains("Witkoff"), detail.getText());
        assertTrue(detail.getText().contains("article-"), "each sentence names its source: " + detail.getText());

        // The SVG can be downloaded: the button serialises the drawn chart.
        Object svg = browser.executeScript(
                "return new XMLSerializer().serializeToString(document.querySelector('#chart svg'))");
        assertTrue(svg.toString().contains("data-meeting=\"" + MOSCOW + "\""));
    }

    @Test
    void theNetworkOfDmitrievShowsWitkoffAndKushnerAndReCentres() throws Exception {
        browser.get(url("/views/network.html"));
        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys("Dmitriev");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#results button[data-id='kirill-dmitriev']")));
        search.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("g.node[data-node='steve-witkoff']")));
        assertTrue(browser.findElements(By.cssSelector("g.node[data-node='jared-kushner']"))
                        .size()
                == 1);
        assertEquals(
                "united-states",
                browser.findElement(By.cssSelector("g.node[data-node='steve-witkoff']"))
                        .getDomAttribute("data-lane"));
        WebElement link =
                browser.findElement(By.cssSelector("g.link[data-from='kirill-dmitriev'][data-to='steve-witkoff'],"
                        + " g.link[data-from='steve-witkoff'][data-to='kirill-dmitriev']"));
        browser.executeScript("arguments[0].focus()", link);
        WebElement tip = browser.findElement(By.id("tip"));
        wait.until(ExpectedConditions.visibilityOf(tip));
        assertTrue(tip.getText().contains("Miami"), "they are to meet in Miami: " + tip.getText());
        // The page says each meeting in the words of /api/actors/{id}/met (its summary), not its own.
        List<String> summaries = metSummaries("kirill-dmitriev", "steve-witkoff");
        assertFalse(summaries.isEmpty());
        for (String summary : summaries) {
            String swapped = summary.replace("Kirill Dmitriev and Steve Witkoff", "Steve Witkoff and Kirill Dmitriev");
            assertTrue(
                    tip.getText().contains(summary) || tip.getText().contains(swapped),
                    "the tooltip should say '" + summary + "': " + tip.getText());
        }
        screenshot("network.png");

        browser.findElement(By.cssSelector("g.node[data-node='steve-witkoff']")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Steve Witkoff"));
        assertTrue(browser.getCurrentUrl().contains("id=steve-witkoff"), browser.getCurrentUrl());
    }

    /** The summaries /api/actors/{id}/met gives for one person's meetings with another. */
    @SuppressWarnings("unchecked")
    List<String> metSummaries(String id, String other) {
        Map<String, Object> page = client.toBlocking()
                .retrieve(
                        HttpRequest.GET("/api/actors/" + id + "/met?limit=100"),
                        io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
        return ((List<Map<String, Object>>) page.get("items"))
                .stream()
                        .filter(item -> other.equals(((Map<String, Object>) item.get("other")).get("id")))
                        .map(item -> (String) item.get("summary"))
                        .toList();
    }

    /** The screenshot as target/NAME (the README's pictures are made from these). */
    void screenshot(String name) throws Exception {
        Path shot = chromium.screenshot(name.replace(".png", ""));
        Files.copy(shot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }

    static {
        // Selenium must not look for a driver of its own on the network.
        System.setProperty("SE_AVOID_STATS", "true");
    }
}
