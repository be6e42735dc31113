package parley.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An article's folded text, searched for many fragments (evidence sentences, names, quotations).
 * {@code String.contains} for each of them costs fragments × text length, which is quadratic in
 * the size of a large document. The start of every word is indexed by its first word (at most
 * {@value #KEY} characters), so a fragment that begins a word in the text is found by checking
 * only the places where that word starts. A fragment the index cannot answer (one word shorter
 * than the key, or one that starts inside a word) falls back to a plain search, so the answer is
 * always exactly {@code text.contains(fragment)}.
 */
final class ArticleText {

    private static final int KEY = 12;

    private final String text;
    private final Map<String, List<Integer>> wordStarts = new HashMap<>();
    private final Map<String, Boolean> answers = new HashMap<>();

    ArticleText(String foldedText) {
        this.text = foldedText;
        for (int i = 0; i < text.length(); i++) {
            if (i == 0 || text.charAt(i - 1) == ' ') {
                wordStarts.computeIfAbsent(key(text, i), k -> new ArrayList<>()).add(i);
            }
        }
    }

    /** Whether the folded fragment occurs in the text, exactly as {@code String.contains} answers. */
    boolean contains(String fragment) {
        return answers.computeIfAbsent(fragment, this::search);
    }

    private boolean search(String fragment) {
        String key = key(fragment, 0);
        boolean keyIsWholeFirstWord = key.length() == KEY || key.length() < fragment.length();
        if (keyIsWholeFirstWord) {
            for (int start : wordStarts.getOrDefault(key, List.of())) {
                if (text.startsWith(fragment, start)) {
                    return true;
                }
            }
        }
        return text.contains(fragment);
    }

    /** The word starting at {@code from}, cut at {@value #KEY} characters. */
    private static String key(String s, int from) {
        int end = from;
        int limit = Math.min(s.length(), from + KEY);
        while (end < limit && s.charAt(end) != ' ') {
            end++;
        }
        return s.substring(from, end);
    }
}
