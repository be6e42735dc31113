package parley.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The indexed search answers exactly what {@code String.contains} answers. */
class ArticleTextTest {

    private static final String ARTICLE = DocumentValidator.fold(TestDocuments.JSON
            .readTree(BundledDocuments.read(
                    "kb/sources/" + BundledDocuments.names().getFirst()))
            .get("text")
            .asString());

    @Test
    void findsWholeSentencesNamesAndFragmentsThatStartInsideAWord() {
        ArticleText text = new ArticleText("Witkoff met Dmitriev in Miami. Washington's envoy said no.");
        assertTrue(text.contains("Witkoff met Dmitriev in Miami."));
        assertTrue(text.contains("Dmitriev"));
        assertTrue(text.contains("Washington"), "a word the text continues (Washington's)");
        assertTrue(text.contains("ashington's envoy"), "starts inside a word");
        assertTrue(text.contains("no."), "at the very end");
        assertTrue(text.contains(""));
        assertFalse(text.contains("Witkoff met Putin"));
        assertFalse(text.contains("Miami. Washington's envoy said yes."));
    }

    @Test
    void agreesWithStringContainsOnRandomPiecesOfARealArticle() {
        ArticleText text = new ArticleText(ARTICLE);
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            int from = random.nextInt(ARTICLE.length());
            int to = Math.min(ARTICLE.length(), from + random.nextInt(200));
            String piece = ARTICLE.substring(from, to);
            // Half of them altered by one character, so most of those no longer occur.
            if (i % 2 == 1 && !piece.isEmpty()) {
                int at = random.nextInt(piece.length());
                piece = piece.substring(0, at) + (char) ('a' + random.nextInt(26)) + piece.substring(at + 1);
            }
            assertEquals(ARTICLE.contains(piece), text.contains(piece), "'" + piece + "'");
            assertEquals(ARTICLE.contains(piece), text.contains(piece), "asked again: '" + piece + "'");
        }
    }
}
