package parley.extract;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreQuote;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Direct quotations and who said them. CoreNLP's quote annotator finds the quotations and
 * attributes each to a speaker (through coreference where the speaker is a pronoun); where it
 * names none, the subject of a verb of saying in the quotation's sentence is taken. A quotation
 * whose speaker cannot be told is kept without a SAID, at low confidence.
 */
final class Quotes {

    static final String CANONICAL_SPEAKER = "quote:corenlp-canonical-speaker";
    static final String SPEAKER = "quote:corenlp-speaker";
    static final String SPEECH_VERB = "quote:speech-verb-subject";
    static final String NO_SPEAKER = "quote:no-speaker";

    static final Set<String> SPEECH_VERBS = Set.of(
            "say",
            "state",
            "tell",
            "add",
            "write",
            "warn",
            "insist",
            "declare",
            "announce",
            "stress",
            "note",
            "argue",
            "claim",
            "call",
            "describe",
            "emphasise",
            "emphasize",
            "ask",
            "reply",
            "respond",
            "quote");

    /** Spans already taken by direct quotations (character offsets), for the reported-speech extractor. */
    final List<int[]> spans = new ArrayList<>();

    void extract(Context cx) {
        int n = 0;
        List<CoreQuote> quotes = new ArrayList<>(cx.article.doc.quotes());
        quotes.sort((a, b) -> Integer.compare(begin(a), begin(b)));
        for (CoreQuote q : quotes) {
            int begin = begin(q);
            int end = q.quoteCharOffsets().second();
            spans.add(new int[] {begin, end});
            String inner = inner(cx.article.text, begin, end);
            if (inner == null || inner.split("\\s+").length < 2) {
                continue;
            }
            List<Integer> sentences = sentencesOf(cx, begin, end);
            sentences.removeIf(s -> !cx.usable(s));
            if (sentences.isEmpty()) {
                continue;
            }
            Entities.Cluster speaker = null;
            String rule = NO_SPEAKER;
            double confidence = 0.45;
            Entities.Cluster c = byOffsets(cx, q.canonicalSpeakerCharOffsets());
            if (Context.isActor(c)) {
                speaker = c;
                rule = CANONICAL_SPEAKER;
                confidence = 0.85;
            }
            if (speaker == null) {
                c = byOffsets(cx, q.speakerCharOffsets());
                if (Context.isActor(c)) {
                    speaker = c;
                    rule = SPEAKER;
                    confidence = 0.8;
                }
            }
            if (speaker == null) {
                for (int s : sentences) {
                    speaker = speechVerbSubject(cx, s);
                    if (speaker != null) {
                        rule = SPEECH_VERB;
                        confidence = 0.7;
                        break;
                    }
                }
            }
            n++;
            String id = cx.draft.freshId("statement-" + cx.sourceId + "-" + n);
            Draft.Fact fact = cx.draft.fact(id, "Statement", confidence, rule, cx.evidence(sentences.getFirst()));
            sentences.forEach(s -> fact.evidence.add(cx.evidence(s)));
            fact.properties.put("text", inner);
            if (speaker != null) {
                speaker.referenced = true;
                cx.draft.relate("SAID", speaker.id, id, cx.evidence(sentences.getFirst()), confidence, rule);
            }
        }
    }

    private static int begin(CoreQuote q) {
        return q.quoteCharOffsets().first();
    }

    /** The quotation without its marks and a trailing comma; a verbatim part of the input. */
    static String inner(String text, int begin, int end) {
        int b = begin;
        int e = end;
        while (b < e && isQuoteMark(text.charAt(b))) {
            b++;
        }
        while (e > b && isQuoteMark(text.charAt(e - 1))) {
            e--;
        }
        while (e > b && (text.charAt(e - 1) == ',' || Character.isWhitespace(text.charAt(e - 1)))) {
            e--;
        }
        while (b < e && Character.isWhitespace(text.charAt(b))) {
            b++;
        }
        return b < e ? text.substring(b, e) : null;
    }

    private static boolean isQuoteMark(char c) {
        return c == '"' || c == '“' || c == '”' || c == '\'' || c == '‘' || c == '’' || c == '«' || c == '»';
    }

    static List<Integer> sentencesOf(Context cx, int begin, int end) {
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < cx.article.sentences.size(); s++) {
            Pair<Integer, Integer> o = cx.article.sentences.get(s).charOffsets();
            if (o.first() < end && o.second() > begin) {
                out.add(s);
            }
        }
        return out;
    }

    /** The entity at a character offset range: the first token inside it that belongs to one. */
    private static Entities.Cluster byOffsets(Context cx, Optional<Pair<Integer, Integer>> offsets) {
        if (offsets.isEmpty()) {
            return null;
        }
        int begin = offsets.get().first();
        int end = offsets.get().second();
        for (int s = 0; s < cx.article.sentences.size(); s++) {
            for (CoreLabel t : cx.article.sentences.get(s).tokens()) {
                if (t.beginPosition() >= begin && t.endPosition() <= end) {
                    SemanticGraph g = cx.article.graph(s);
                    IndexedWord w = g.getNodeByIndexSafe(t.index());
                    Entities.Cluster c = w == null ? cx.entities.at(s, t.index()) : cx.entities.resolve(s, w);
                    if (c != null) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    private static Entities.Cluster speechVerbSubject(Context cx, int s) {
        for (IndexedWord w : cx.words(s)) {
            if (w.tag().startsWith("VB") && SPEECH_VERBS.contains(Tense.lemma(w))) {
                Entities.Cluster c = cx.subject(s, w);
                if (Context.isActor(c)) {
                    return c;
                }
            }
        }
        return null;
    }
}
