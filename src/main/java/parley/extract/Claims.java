package parley.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Claims and denials. An assertion ("X stated / reported / claimed that …") is a Claim whose text
 * is the reported clause, verbatim, CLAIMED by the speaker; plain reported speech ("X said that
 * …") is a Statement of the speaker with that text. A denial ("Y denied that …",
 * "Y dismissed the claims") DENIES the claim of the article it refers to (the same assertion:
 * most of its words shared, or a denied "claim"/"report" right after one), else a Claim of its own.
 */
final class Claims {

    static final String REPORTED_SPEECH = "claim:verb-say+ccomp";
    static final String DENIAL = "claim:verb-deny";
    static final String DENIAL_OF_CLAIM = "claim:verb-deny+same-claim";

    static final String REPORTED_STATEMENT = "statement:verb-say+ccomp";

    /**
     * Verbs that assert: what they report is a Claim. The plain verbs of saying ({@link
     * #STATEMENT_VERBS}) report a Statement instead: a claim where the curated documents have none
     * costs more than a claim missed.
     */
    static final Set<String> CLAIM_VERBS = Set.of(
            "state",
            "claim",
            "report",
            "confirm",
            "announce",
            "allege",
            "assert",
            "argue",
            "estimate",
            "indicate",
            "show",
            "accuse",
            "maintain",
            "contend",
            "acknowledge",
            "admit",
            "disclose",
            "reveal");
    /** "X said / told / added / noted that …": reported speech, a Statement of X. */
    static final Set<String> STATEMENT_VERBS = Set.of("say", "tell", "add", "note");

    static final Set<String> DENY_VERBS = Set.of("deny", "dismiss", "refute", "dispute", "rebut", "reject");
    /** Verbs of denial that take a clause ("denied that …"); the others take a claim as object. */
    static final Set<String> CLAUSE_DENY_VERBS = Set.of("deny", "refute", "dispute");

    private static final Set<String> OBLIGATION = Set.of("must", "should");
    private static final Set<String> ASSERTION_NOUNS =
            Set.of("claim", "report", "allegation", "accusation", "assertion", "suggestion", "statement");

    private static final Set<String> STOP = Set.of(
            "the", "a", "an", "of", "to", "in", "on", "and", "or", "that", "it", "its", "was", "is", "were", "be",
            "would", "will", "has", "have", "had", "for", "with", "by", "at", "as", "from", "not");

    private record Made(Draft.Fact fact, Entities.Cluster by, int sentence, Set<String> words) {}

    private Claims() {}

    static void extract(Context cx, Quotes quotes) {
        List<Made> made = new ArrayList<>();
        int n = 0;
        int statements = 0;
        for (int s = 0; s < cx.article.sentences.size(); s++) {
            if (!cx.usable(s)) {
                continue;
            }
            SemanticGraph g = cx.article.graph(s);
            for (IndexedWord w : cx.words(s)) {
                if (!w.tag().startsWith("VB")) {
                    continue;
                }
                String lemma = Tense.lemma(w);
                boolean deny = DENY_VERBS.contains(lemma);
                boolean statement = STATEMENT_VERBS.contains(lemma);
                if (!deny && !statement && !CLAIM_VERBS.contains(lemma)) {
                    continue;
                }
                Entities.Cluster speaker = cx.subject(s, w);
                if (speaker == null) {
                    speaker = sourceOf(cx, s, g, w);
                }
                if (!Context.isActor(speaker) || Tense.negated(g, w)) {
                    continue;
                }
                List<IndexedWord> content = new ArrayList<>();
                boolean obligation = false;
                for (IndexedWord c : AnnotatedArticle.children(g, w, "ccomp")) {
                    if (deny && !CLAUSE_DENY_VERBS.contains(lemma)) {
                        // one denies or disputes that something happened, but rejects or dismisses
                        // a claim or report: a clause below "reject" is a misparse ("X rejects that
                        // option firmly, and Y …")
                        break;
                    }
                    content = cx.article.subtree(s, c, Set.of("mark", "cc", "conj"));
                    // "X said that Y must …" states a demand (Demands reads it), not a claim of fact
                    obligation = AnnotatedArticle.children(g, c, "aux").stream()
                            .anyMatch(a -> OBLIGATION.contains(a.word().toLowerCase(Locale.ROOT)));
                    break;
                }
                if (obligation && !deny) {
                    continue;
                }
                boolean assertionObject = false;
                if (content.isEmpty() && deny) {
                    for (IndexedWord o : AnnotatedArticle.children(g, w, "obj")) {
                        assertionObject = ASSERTION_NOUNS.contains(Tense.lemma(o));
                        if (assertionObject || lemma.equals("deny")) {
                            content = cx.article.subtree(s, o, Set.of());
                        }
                        break;
                    }
                }
                if (content.isEmpty() && !assertionObject) {
                    continue;
                }
                String text = cx.article.span(content);
                if (overlapsQuote(cx, quotes, content) || text.split("\\s+").length < 3 && !assertionObject) {
                    continue;
                }
                if (statement) {
                    statements++;
                    String id = cx.draft.freshId("statement-" + cx.sourceId + "-reported-" + statements);
                    Draft.Fact fact = cx.draft.fact(id, "Statement", 0.7, REPORTED_STATEMENT, cx.evidence(s));
                    fact.properties.put("text", text);
                    speaker.referenced = true;
                    cx.draft.relate("SAID", speaker.id, id, cx.evidence(s), 0.7, REPORTED_STATEMENT);
                    continue;
                }
                Set<String> words = words(text);
                if (deny) {
                    Made target = null;
                    double best = 0;
                    for (Made m : made) {
                        if (m.by == speaker) {
                            continue;
                        }
                        double overlap = overlap(words, m.words);
                        if (overlap > best && overlap >= 0.4) {
                            best = overlap;
                            target = m;
                        }
                    }
                    if (target == null && assertionObject && !made.isEmpty()) {
                        Made last = made.getLast();
                        if (s - last.sentence <= 2 && last.by != speaker) {
                            target = last;
                        }
                    }
                    if (target != null) {
                        speaker.referenced = true;
                        target.fact.evidence.add(cx.evidence(s));
                        cx.draft.relate("DENIES", speaker.id, target.fact.id, cx.evidence(s), 0.7, DENIAL_OF_CLAIM);
                        continue;
                    }
                    if (assertionObject && text.split("\\s+").length < 3) {
                        continue;
                    }
                }
                n++;
                String id = cx.draft.freshId("claim-" + cx.sourceId + "-" + n);
                String rule = deny ? DENIAL : REPORTED_SPEECH;
                double confidence = deny ? 0.65 : 0.75;
                Draft.Fact fact = cx.draft.fact(id, "Claim", confidence, rule, cx.evidence(s));
                fact.properties.put("text", text);
                Dates.Resolved date = Dates.of(cx.article, s, w);
                if (date != null && date.date() != null) {
                    fact.properties.put("date", date.date());
                    fact.properties.put("datePrecision", date.precision());
                    fact.properties.put("dateText", date.text());
                }
                speaker.referenced = true;
                cx.draft.relate(deny ? "DENIES" : "CLAIMS", speaker.id, id, cx.evidence(s), confidence, rule);
                made.add(new Made(fact, speaker, s, words));
            }
        }
    }

    /** Nouns of a record that speaks for whoever it comes from: "figures from X indicate that …". */
    static final Set<String> SOURCE_NOUNS =
            Set.of("figure", "data", "statistic", "estimate", "analysis", "record", "survey", "study", "assessment");

    /** "Official figures from X indicate that …": X, the body the record comes from, if named. */
    static Entities.Cluster sourceOf(Context cx, int s, SemanticGraph g, IndexedWord verb) {
        for (IndexedWord subject : AnnotatedArticle.children(g, verb, "nsubj")) {
            if (!SOURCE_NOUNS.contains(Tense.lemma(subject))) {
                continue;
            }
            for (String rel : List.of("nmod:from", "nmod:of", "nmod:by")) {
                for (IndexedWord from : AnnotatedArticle.children(g, subject, rel)) {
                    Entities.Cluster c = cx.entities.resolve(s, from);
                    if (c == null) {
                        c = cx.groupState(s, from);
                    }
                    if (Context.isActor(c)) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    private static boolean overlapsQuote(Context cx, Quotes quotes, List<IndexedWord> content) {
        int begin = content.getFirst().beginPosition();
        int end = content.getLast().endPosition();
        for (int[] q : quotes.spans) {
            if (q[0] < end && q[1] > begin) {
                return true;
            }
        }
        return false;
    }

    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && !STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long shared = a.stream().filter(b::contains).count();
        return (double) shared / Math.min(a.size(), b.size());
    }
}
