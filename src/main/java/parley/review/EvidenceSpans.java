package parley.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where sentences sit in an article's text, so the page can highlight each candidate's evidence
 * in place. Whitespace may differ between a sentence and the text (as the validator allows): the
 * words are matched in order with any run of whitespace between them.
 */
final class EvidenceSpans {

    private static final Pattern WORDS = Pattern.compile("\\S+");

    private final String text;

    EvidenceSpans(String text) {
        this.text = text;
    }

    /** The first place of each fragment in the text; fragments not found are left out. */
    List<Drafts.Span> of(List<String> fragments) {
        List<Drafts.Span> spans = new ArrayList<>();
        for (String fragment : fragments) {
            List<String> words = new ArrayList<>();
            Matcher m = WORDS.matcher(fragment);
            while (m.find()) {
                words.add(Pattern.quote(m.group()));
            }
            if (words.isEmpty()) {
                continue;
            }
            Matcher found = Pattern.compile(String.join("\\s+", words), Pattern.UNICODE_CHARACTER_CLASS)
                    .matcher(text);
            if (found.find()) {
                spans.add(new Drafts.Span(found.start(), found.end()));
            }
        }
        return spans;
    }
}
