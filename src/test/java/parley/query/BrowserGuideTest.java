package parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;

/** The Browser guide is served to Browser's origin, and every query in it runs read-only with rows. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserGuideTest implements SharedNeo4j {

    private static final Pattern RUNNABLE =
            Pattern.compile("<pre[^>]*class=\"runnable\"[^>]*>(.*?)</pre>", Pattern.DOTALL);

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void theGuideIsServedToNeo4jBrowsersOrigin() {
        HttpResponse<String> response = client.toBlocking()
                .exchange(
                        HttpRequest.GET("/guide/parley.html").header("Origin", "http://localhost:7474"), String.class);
        assertEquals("http://localhost:7474", response.getHeaders().get("Access-Control-Allow-Origin"));
        String guide = response.body();
        assertEquals(8, guide.split("<slide").length - 1, "eight slides");
    }

    @Test
    void everyGuideQueryRunsReadOnlyAndReturnsRows() {
        String guide = client.toBlocking().retrieve("/guide/parley.html");
        Matcher m = RUNNABLE.matcher(guide);
        List<String> empty = new ArrayList<>();
        int queries = 0;
        while (m.find()) {
            String query = m.group(1)
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&")
                    .replace("&quot;", "\"")
                    .strip();
            queries++;
            Map<String, Object> result = client.toBlocking()
                    .retrieve(
                            HttpRequest.POST("/api/cypher", Map.of("query", query)),
                            Argument.mapOf(String.class, Object.class));
            if (((List<?>) result.get("rows")).isEmpty()) {
                empty.add(query);
            }
        }
        assertTrue(queries >= 15, "queries in the guide: " + queries);
        assertEquals(List.of(), empty, "every guide query answers something");
    }

    @Test
    void theStyleSheetStylesEveryLabel() throws IOException {
        String grass = Files.readString(Path.of("cypher/browser.grass"));
        for (String label : List.of(
                "Person",
                "Institution",
                "Country",
                "Place",
                "Topic",
                "Meeting",
                "Demand",
                "Plan",
                "Statement",
                "Claim",
                "Event",
                "Source")) {
            assertTrue(grass.contains("node." + label + " {"), label);
        }
        assertTrue(
                grass.indexOf("node.Actor {") < grass.indexOf("node.Person {"), "Actor first, so Person's colour wins");
        assertFalse(grass.contains("/*"), "GraSS has no comments");
    }
}
