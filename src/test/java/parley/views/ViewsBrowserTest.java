package parley.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import parley.SharedNeo4j;

/**
 * The timeline and network pages in a real headless Chromium (Debian's, through chromedriver):
 * what a user sees and does, with screenshots at 1280x800 in {@code target/}. Runs with {@code
 * ./mvnw -B verify -Pbrowser}; skipped, saying why, when {@code /usr/bin/chromium} or {@code
 * /usr/bin/chromedriver} is missing.
 */
@Tag("browser")
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewsBrowserTest implements SharedNeo4j {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String MOSCOW = "witkoff-putin-moscow-2025-12-02";

    @Inject
    EmbeddedServer server;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startChromium() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipped: the browser tests need Debian's Chromium at " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install -y chromium chromium-driver)");
        Path profile = Files.createTempDirectory("parley-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterAll
    void stopChromium() {
        if (browser != null) {
            browser.quit();
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
        screenshot("network.png");

        browser.findElement(By.cssSelector("g.node[data-node='steve-witkoff']")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Steve Witkoff"));
        assertTrue(browser.getCurrentUrl().contains("id=steve-witkoff"), browser.getCurrentUrl());
    }

    void screenshot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    static {
        // Selenium must not look for a driver of its own on the network.
        System.setProperty("SE_AVOID_STATS", "true");
    }
}
