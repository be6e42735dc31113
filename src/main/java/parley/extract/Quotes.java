package parley.extract;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreQuote;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    static final String GOVERNING_REPORT = "quote:governing-report-subject";
    static final String REPORT_AGENT = "quote:report-agent";
    static final String CONTINUED = "quote:continues-previous-speaker";
    static final String NO_SPEAKER = "quote:no-speaker";
    static final String UNNAMED_SPEAKER = "quote:unnamed-speaker";
    /** Words that pick someone out of a group without naming them ("one of the delegates"). */
    private static final Set<String> PARTITIVES = Set.of("one", "some", "several", "many", "few", "two", "three");

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

    /**
     * Words of reporting that may govern a quotation inside a sentence ("characterized the talks
     * as '…'", "a statement asserting that …", "dismissed it as '…'"): verbs and nouns of saying.
     */
    static final Set<String> REPORTING = Set.of(
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
            "characterize",
            "characterise",
            "label",
            "dub",
            "term",
            "articulate",
            "affirm",
            "assert",
            "remark",
            "hail",
            "dismiss",
            "accuse",
            "deny",
            "confirm",
            "acknowledge",
            "emphasise",
            "emphasize",
            "underscore",
            "caution",
            "reply",
            "respond",
            "suggest",
            "admit",
            "promise",
            "vow",
            "pledge",
            "explain",
            "comment",
            "observe",
            "predict",
            "concede",
            "inform",
            "express",
            "demand",
            "urge",
            "report",
            "tweet",
            "post",
            "statement",
            "declaration",
            "accusation",
            "warning",
            "message",
            "assessment",
            "reiterate",
            "recall");

    /**
     * Verbs that report only when the quotation is their own clause ("He continued, '…'"), not when
     * it sits deeper ("continue meeting 'as many times as needed'").
     */
    static final Set<String> REPORTING_IF_CLAUSE = Set.of("continue", "conclude", "begin", "go");

    private Entities.Cluster lastSpeaker;
    private int lastEnd = -1;

    /**
     * Whether the text between two quotations is one paragraph's short stretch (no blank line, at
     * most one sentence end): '"…," he wrote. "…"' or 'the "groundwork" at this stage. "…"'.
     */
    static boolean samePassage(String text, int from, int to) {
        String between = text.substring(from, to);
        if (between.contains("\n\n") || between.length() > 200) {
            return false;
        }
        int ends = 0;
        for (int i = 0; i < between.length(); i++) {
            char ch = between.charAt(i);
            if (ch == '.' || ch == '!' || ch == '?') {
                ends++;
            }
        }
        return ends <= 1;
    }

    /** Verbs of going on speaking: "he continued", "she went on". */
    private static final Set<String> GOING_ON = Set.of("continue", "go");

    /**
     * Whether the quotation is introduced by a pronoun going on speaking ("He continued, …") with
     * nothing but that clause since the quotation before it: no sentence ends in between.
     */
    static boolean goesOn(Context cx, int s, String text, int previousEnd, int begin) {
        String between = text.substring(previousEnd, begin);
        if (between.length() > 150 || between.chars().anyMatch(ch -> ch == '.' || ch == '!' || ch == '?')) {
            return false;
        }
        SemanticGraph g = cx.article.graph(s);
        for (IndexedWord w : g.vertexSet()) {
            if (w.tag() == null
                    || !w.tag().startsWith("VB")
                    || w.beginPosition() >= begin
                    || !GOING_ON.contains(Tense.lemma(w))) {
                continue;
            }
            for (IndexedWord subject : AnnotatedArticle.children(g, w, "nsubj")) {
                if (subject.tag() != null && subject.tag().equals("PRP")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Spans already taken by direct quotations (character offsets), for the reported-speech extractor. */
    final List<int[]> spans = new ArrayList<>();

    /** A direct quotation given to a speaker: its character span and the sentences it is in. */
    record Attributed(int begin, int end, Entities.Cluster speaker, List<Integer> sentences) {}

    /** The direct quotations of the article that have a named speaker, in text order. */
    final List<Attributed> attributed = new ArrayList<>();

    void extract(Context cx) {
        int n = 0;
        List<CoreQuote> quotes = new ArrayList<>(cx.article.doc.quotes());
        quotes.sort((a, b) -> Integer.compare(begin(a), begin(b)));
        for (CoreQuote q : quotes) {
            int begin = begin(q);
            int end = q.quoteCharOffsets().second();
            spans.add(new int[] {begin, end});
            String inner = inner(cx.article.text, begin, end);
            List<Integer> sentences = sentencesOf(cx, begin, end);
            sentences.removeIf(s -> !cx.usable(s));
            Governing governing = sentences.isEmpty() ? null : governing(cx, sentences.getFirst(), begin, end);
            Entities.Cluster previous = lastSpeaker;
            int previousEnd = lastEnd;
            if (governing != null) {
                lastSpeaker = governing.speaker();
                lastEnd = end;
            }
            if (inner == null || inner.split("\\s+").length < 2 || sentences.isEmpty()) {
                continue;
            }
            Entities.Cluster speaker = null;
            String rule = NO_SPEAKER;
            double confidence = 0.45;
            boolean unnamed = governing != null && governing.speaker() == null;
            if (governing != null && !unnamed) {
                speaker = governing.speaker();
                rule = governing.rule();
                confidence = 0.8;
            }
            if (unnamed) {
                // "One of the delegates called it '…'": the speaker is someone the article does
                // not name; no other reading (CoreNLP's attribution, a nearby name) replaces that
                rule = UNNAMED_SPEAKER;
            }
            if (!unnamed
                    && previous != null
                    && previousEnd <= begin
                    && goesOn(cx, sentences.getFirst(), cx.article.text, previousEnd, begin)) {
                // '“…” / He continued, “…”': a pronoun that goes on speaking right after a
                // quotation is the one who spoke it, whatever coreference says
                speaker = previous;
                rule = CONTINUED;
                confidence = 0.7;
            }
            Entities.Cluster c = speaker != null || unnamed ? null : byOffsets(cx, q.canonicalSpeakerCharOffsets());
            if (Context.isActor(c)) {
                speaker = c;
                rule = CANONICAL_SPEAKER;
                confidence = 0.85;
            }
            if (speaker == null && !unnamed) {
                c = byOffsets(cx, q.speakerCharOffsets());
                if (Context.isActor(c)) {
                    speaker = c;
                    rule = SPEAKER;
                    confidence = 0.8;
                }
            }
            if (speaker == null && !unnamed) {
                for (int s : sentences) {
                    speaker = speechVerbSubject(cx, s);
                    if (speaker != null) {
                        rule = SPEECH_VERB;
                        confidence = 0.7;
                        break;
                    }
                }
            }
            if (speaker == null
                    && !unnamed
                    && previous != null
                    && previousEnd <= begin
                    && samePassage(cx.article.text, previousEnd, begin)) {
                // '"…," he wrote. "…"': a quotation that goes on from the one before it, in the same
                // paragraph with no one else named as speaking in between, is the same speaker's.
                speaker = previous;
                rule = CONTINUED;
                confidence = 0.65;
            }
            if (speaker != null) {
                lastSpeaker = speaker;
                lastEnd = end;
            }
            n++;
            String id = cx.draft.freshId("statement-" + cx.sourceId + "-" + n);
            Draft.Fact fact = cx.draft.fact(id, "Statement", confidence, rule, cx.evidence(sentences.getFirst()));
            sentences.forEach(s -> fact.evidence.add(cx.evidence(s)));
            fact.properties.put("text", inner);
            if (speaker != null) {
                speaker.referenced = true;
                cx.draft.relate("SAID", speaker.id, id, cx.evidence(sentences.getFirst()), confidence, rule);
                attributed.add(new Attributed(begin, end, speaker, List.copyOf(sentences)));
            }
        }
    }

    /** A speaker read from the sentence around a quotation, and the rule that read it. */
    record Governing(Entities.Cluster speaker, String rule) {}

    /**
     * The speaker of a quotation that is part of a longer sentence, read from the dependency tree:
     * from the quotation's head up through its governors, the first subject that names an actor at
     * or above a word of reporting ("Trump characterized the talks as '…'", "X issued a statement
     * asserting that Russia must '…'": the subject of a verb below the word of reporting is the
     * reported content's, not the speaker); or the agent of a reporting clause on the way ("as
     * articulated by the Kremlin"). Null when the quotation is the whole sentence or no word of
     * reporting governs it.
     */
    static Governing governing(Context cx, int s, int begin, int end) {
        SemanticGraph basic = cx.article.basic(s);
        if (basic == null) {
            return null;
        }
        IndexedWord head = null;
        for (IndexedWord w : basic.vertexListSorted()) {
            if (w.beginPosition() < begin || w.endPosition() > end) {
                continue;
            }
            IndexedWord parent = basic.getParent(w);
            if (parent != null && (parent.beginPosition() < begin || parent.endPosition() > end)) {
                head = w;
                break;
            }
        }
        if (head == null) {
            return null;
        }
        IndexedWord enhancedHead = cx.article.graph(s).getNodeByIndexSafe(head.index());
        if (enhancedHead != null) {
            Entities.Cluster source = according(cx, s, enhancedHead);
            if (source != null) {
                return new Governing(source, REPORT_AGENT);
            }
        }
        boolean reported = false;
        IndexedWord w = basic.getParent(head);
        for (int depth = 0; w != null && depth < 8; depth++, w = basic.getParent(w)) {
            String lemma = Tense.lemma(w);
            if (REPORTING.contains(lemma)) {
                reported = true;
            }
            if (depth == 0 && REPORTING_IF_CLAUSE.contains(lemma)) {
                String rel = basic.getEdge(w, head) == null
                        ? ""
                        : basic.getEdge(w, head).getRelation().toString();
                reported |= rel.startsWith("ccomp") || rel.startsWith("parataxis") || rel.equals("dep");
            }
            IndexedWord enhanced = cx.article.graph(s).getNodeByIndexSafe(w.index());
            if (enhanced == null) {
                continue;
            }
            Entities.Cluster agent = reportingAgent(cx, s, enhanced);
            if (agent != null) {
                return new Governing(agent, REPORT_AGENT);
            }
            if (reported && w.tag().startsWith("VB")) {
                if (partitiveSubject(cx, s, enhanced)) {
                    return new Governing(null, UNNAMED_SPEAKER);
                }
                Entities.Cluster c = cx.subject(s, enhanced);
                if (Context.isActor(c)) {
                    return new Governing(c, GOVERNING_REPORT);
                }
                if (REPORTING.contains(lemma)
                        && !AnnotatedArticle.children(cx.article.graph(s), enhanced, "nsubj")
                                .isEmpty()) {
                    // "X is collapsing, as the blog has noted: “…”": the verb of saying has a
                    // speaker of its own, one the article does not name; not the clause above's
                    return new Governing(null, UNNAMED_SPEAKER);
                }
            }
        }
        return null;
    }

    /** Whether the verb's subject picks an unnamed member out of a group ("one of the delegates"). */
    static boolean partitiveSubject(Context cx, int s, IndexedWord verb) {
        SemanticGraph g = cx.article.graph(s);
        for (IndexedWord subject : AnnotatedArticle.children(g, verb, "nsubj")) {
            String word = subject.word().toLowerCase(Locale.ROOT);
            if (PARTITIVES.contains(word)
                    && !AnnotatedArticle.children(g, subject, "nmod:of").isEmpty()) {
                return true;
            }
            // the parser's reading: "one of" as a quantifier of "delegates"
            for (IndexedWord q : AnnotatedArticle.children(g, subject, "det:qmod")) {
                if (PARTITIVES.contains(q.word().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "(as) articulated by X", "according to X" hanging from the word: X. */
    private static Entities.Cluster reportingAgent(Context cx, int s, IndexedWord w) {
        SemanticGraph g = cx.article.graph(s);
        Entities.Cluster source = according(cx, s, w);
        if (source != null) {
            return source;
        }
        List<IndexedWord> clauses = new ArrayList<>(AnnotatedArticle.children(g, w, "advcl"));
        clauses.addAll(AnnotatedArticle.children(g, w, "dep"));
        if (REPORTING.contains(Tense.lemma(w)) && w.tag().equals("VBN")) {
            clauses.add(w);
        }
        for (IndexedWord clause : clauses) {
            if (!REPORTING.contains(Tense.lemma(clause))) {
                continue;
            }
            for (String rel : List.of("obl:agent", "obl:by")) {
                for (IndexedWord by : AnnotatedArticle.children(g, clause, rel)) {
                    Entities.Cluster c = cx.groupState(s, by);
                    if (c == null) {
                        c = cx.entities.resolve(s, by);
                    }
                    if (Context.isActor(c)) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    /** "according to X" hanging from the word: X, when it names an actor (or is a pronoun for one). */
    private static Entities.Cluster according(Context cx, int s, IndexedWord w) {
        SemanticGraph g = cx.article.graph(s);
        for (String rel : List.of("obl:according_to", "nmod:according_to")) {
            for (IndexedWord source : AnnotatedArticle.children(g, w, rel)) {
                if (!source.tag().startsWith("NNP")
                        && !source.tag().startsWith("PRP")
                        && AnnotatedArticle.children(g, source, "appos").isEmpty()) {
                    continue;
                }
                Entities.Cluster c = cx.entities.resolve(s, source);
                if (Context.isActor(c)) {
                    return c;
                }
            }
        }
        return null;
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
