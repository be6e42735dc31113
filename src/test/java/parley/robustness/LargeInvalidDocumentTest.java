package parley.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.kb.GraphFingerprint;
import parley.kb.TestDocuments;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, finding 7: a 5 MB document with 2,000 evidence fragments, none of them in its text,
 * is answered 400 naming every one of them, and nothing is written. The evidence check is one pass
 * over the text (it used to search the text once per fragment); the time is printed, not asserted.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeInvalidDocumentTest extends UnchangedGraphSuite {

    static final Map<String, String> HEADERS =
            Map.of("Content-Type", "application/json", "Authorization", "Bearer test-token-0123456789");
    static final int FRAGMENTS = 2_000;

    @Test
    void twoThousandFragmentsNotInAFiveMegabyteTextAreEachNamed() {
        String article = TestDocuments.bundled("article-000").get("text").asString();
        StringBuilder text = new StringBuilder();
        for (int copy = 0; text.length() < 5_000_000; copy++) {
            text.append(article.replace("the ", "the " + copy + " ")).append('\n');
        }
        var doc = TestDocuments.over("article-000", "test-large-invalid");
        String sentence = article.substring(0, Math.min(article.length(), 120)).strip();
        for (int i = 0; i < FRAGMENTS; i++) {
            // A real sentence with one word changed: it looks like evidence but is not in the text.
            String fake = sentence + " and fragment " + i + " that the article never says";
            doc.fact("test-large-invalid-" + i, "Statement", Map.of("text", sentence), fake);
        }
        Map<String, Object> tree = doc.tree();
        tree.put("text", text.toString());
        byte[] body = TestDocuments.JSON.writeValueAsBytes(tree);
        long start = System.nanoTime();
        Http.Answer answer = http.post("/api/documents", body, HEADERS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(400, answer.status(), answer.toString());
        JsonNode problems = answer.json().get("problems");
        assertEquals(FRAGMENTS, problems.size(), "one problem per fragment");
        for (int i = 0; i < FRAGMENTS; i++) {
            assertEquals(
                    "$.facts[" + i + "].evidence[0]",
                    problems.get(i).get("path").asString());
        }
        assertEquals(before, GraphFingerprint.of(graph));
        System.out.printf(
                "a %d-byte document with %d evidence fragments not in its text: 400 with %d problems in %d ms%n",
                body.length, FRAGMENTS, problems.size(), millis);
    }
}
