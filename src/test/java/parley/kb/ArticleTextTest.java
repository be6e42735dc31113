package parley.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass search answers exactly what {@code String.contains} answers, for every fragment. */
class ArticleTextTest {

    private static final String ARTICLE = DocumentValidator.fold(TestDocuments.JSON
            .readTree(BundledDocuments.read(
                    "kb/sources/" + BundledDocuments.names().getFirst()))
            .get("text")
            .asString());

    private static final java.util.regex.Pattern WHITESPACE =
            java.util.regex.Pattern.compile("\\s+", java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);

    /** The fold as it was (the regular expression over every string), to compare the fast path with. */
    private static String regexFold(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    @Test
    void foldGivesWhatTheRegularExpressionGivesForEveryCharacter() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String ch = String.valueOf((char) c);
            for (String s : List.of(ch, "a" + ch + "b", "a " + ch + " b", ch + ch + "x", " " + ch, "x" + ch + " ")) {
                assertEquals(
                        regexFold(s), DocumentValidator.fold(s), "U+" + Integer.toHexString(c) + " in '" + s + "'");
            }
        }
        Random random = new Random(7);
        char[] alphabet = {'a', 'b', ' ', ' ', '\t', '\n', '\u00a0', '\u2028', '\u202f', '\u2019', (char) 0x1c};
        for (int n = 0; n < 20_000; n++) {
            char[] chars = new char[random.nextInt(12)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(chars);
            assertEquals(regexFold(s), DocumentValidator.fold(s), "'" + s + "'");
        }
        assertEquals("Witkoff met Dmitriev", DocumentValidator.fold("  Witkoff\u00a0met \n Dmitriev "));
        assertEquals("Witkoff met Dmitriev", DocumentValidator.fold("Witkoff met Dmitriev"));
    }

    @Test
    void findsWholeSentencesNamesAndFragmentsThatStartInsideAWord() {
        List<String> fragments = List.of(
                "Witkoff met Dmitriev in Miami.",
                "Dmitriev",
                "Washington",
                "ashington's envoy",
                "no.",
                "",
                "Witkoff met Putin",
                "Miami. Washington's envoy said yes.",
                "Witkoff met Dmitriev in Miami. Washington's envoy said no. And more");
        ArticleText text = new ArticleText("Witkoff met Dmitriev in Miami. Washington's envoy said no.", fragments);
        assertTrue(text.contains("Witkoff met Dmitriev in Miami."));
        assertTrue(text.contains("Dmitriev"));
        assertTrue(text.contains("Washington"), "a word the text continues (Washington's)");
        assertTrue(text.contains("ashington's envoy"), "starts inside a word");
        assertTrue(text.contains("no."), "at the very end");
        assertTrue(text.contains(""));
        assertFalse(text.contains("Witkoff met Putin"));
        assertFalse(text.contains("Miami. Washington's envoy said yes."));
        assertFalse(text.contains("Witkoff met Dmitriev in Miami. Washington's envoy said no. And more"), "longer");
        assertThrows(IllegalArgumentException.class, () -> text.contains("never asked"));
    }

    @Test
    void agreesWithStringContainsOnRandomPiecesOfARealArticle() {
        List<String> pieces = pieces(ARTICLE, 5_000, new Random(42));
        ArticleText text = new ArticleText(ARTICLE, pieces);
        for (String piece : pieces) {
            assertEquals(ARTICLE.contains(piece), text.contains(piece), "'" + piece + "'");
        }
    }

    /**
     * Thousands of fragments on a text of megabytes, as a large document brings: the answers are
     * String.contains's. The time of both is printed, never asserted.
     */
    @Test
    void thousandsOfFragmentsOnALargeTextAgreeWithStringContains() {
        StringBuilder large = new StringBuilder();
        for (int copy = 0; large.length() < 2_000_000; copy++) {
            large.append(ARTICLE.replace("the ", "the " + copy + " ")).append(' ');
        }
        String text = large.toString().strip();
        List<String> fragments = pieces(text, 3_000, new Random(7));
        new ArticleText(text, fragments); // once to warm up, the second one timed
        long start = System.nanoTime();
        ArticleText article = new ArticleText(text, fragments);
        long onePass = System.nanoTime() - start;
        int found = 0;
        start = System.nanoTime();
        List<Boolean> expected = new ArrayList<>();
        for (String fragment : fragments) {
            expected.add(text.contains(fragment));
        }
        long each = System.nanoTime() - start;
        for (int i = 0; i < fragments.size(); i++) {
            assertEquals(expected.get(i), article.contains(fragments.get(i)), "'" + fragments.get(i) + "'");
            found += expected.get(i) ? 1 : 0;
        }
        assertTrue(found > 0 && found < fragments.size(), "some found, some not: " + found);
        System.out.printf(
                "%d fragments (%d found) in %d characters: one pass %d ms, String.contains each %d ms%n",
                fragments.size(), found, text.length(), onePass / 1_000_000, each / 1_000_000);
    }

    /** Fragments that are suffixes and prefixes of each other on a text of one repeated letter. */
    @Test
    void fragmentsNestedInEachOtherOnARepetitiveText() {
        String text = "a".repeat(100_000) + "b";
        List<String> fragments = new ArrayList<>();
        for (int k = 1; k <= 400; k++) {
            fragments.add("a".repeat(k));
            fragments.add("a".repeat(k) + "b");
            fragments.add("b" + "a".repeat(k));
            fragments.add("a".repeat(k) + "c");
        }
        ArticleText article = new ArticleText(text, fragments);
        for (String fragment : fragments) {
            assertEquals(text.contains(fragment), article.contains(fragment), fragment);
        }
    }

    /** Random pieces of a text; half of them altered by one character, so most of those do not occur. */
    private static List<String> pieces(String text, int count, Random random) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int from = random.nextInt(text.length());
            int to = Math.min(text.length(), from + random.nextInt(200));
            String piece = text.substring(from, to);
            if (i % 2 == 1 && !piece.isEmpty()) {
                int at = random.nextInt(piece.length());
                piece = piece.substring(0, at) + (char) ('a' + random.nextInt(26)) + piece.substring(at + 1);
            }
            pieces.add(piece);
        }
        return pieces;
    }
}
