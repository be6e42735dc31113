package parley.extract;

import java.text.Normalizer;
import java.util.Locale;

/** Lowercase ASCII slugs for ids ({@code ^[a-z0-9]+(-[a-z0-9]+)*$}), and folded names to compare. */
final class Slugs {

    private Slugs() {}

    static String slug(String text, int maxLength) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replaceAll("['’]s\\b", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > maxLength) {
            slug = slug.substring(0, maxLength);
            int cut = slug.lastIndexOf('-');
            if (cut > maxLength / 2) {
                slug = slug.substring(0, cut);
            }
            slug = slug.replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "x" : slug;
    }

    /** A name folded for comparison: no accents, case, possessive, leading article or punctuation. */
    static String fold(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT)
                .replaceAll("['’]s?$", "")
                .replaceAll("^the\\s+", "")
                .replaceAll("[^a-z0-9]+", " ")
                .strip();
    }

    /** Levenshtein distance, for spelling variants of one name (Zelensky / Zelenskyy). */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Whether two folded single words are spellings of one name: long enough and at most one or two edits apart. */
    static boolean variant(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        if (shorter < 5 || a.charAt(0) != b.charAt(0)) {
            return false;
        }
        return distance(a, b) <= (shorter >= 8 ? 2 : 1);
    }
}
