package parley.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a predicate reports something past, to come, or called off: from the verb's tense
 * (part-of-speech tag), its auxiliaries ("will", "has"), the verbs it depends on ("is set to",
 * "is scheduled to", "is due to"), and words of cancelling ("called off", "cancelled").
 */
final class Tense {

    enum Time {
        PAST,
        FUTURE,
        PRESENT,
        UNKNOWN
    }

    static final Set<String> FUTURE_AUX = Set.of("will", "'ll", "shall", "wo");
    /** Modals of a bare verb that put it ahead of the time of speaking: "may join", "might meet". */
    static final Set<String> PROSPECTIVE_MODALS = Set.of("may", "might");
    /** Verbs whose complement is to come: "is set to meet", "plans to travel". */
    static final Set<String> FUTURE_GOVERNORS = Set.of(
            "set",
            "schedule",
            "due",
            "expect",
            "plan",
            "prepare",
            "intend",
            "go",
            "hope",
            "aim",
            "agree",
            "seek",
            "propose",
            "want",
            "arrange",
            "slate");
    /** Adjectives of a meeting noun that put it ahead: "the upcoming talks". */
    static final Set<String> FUTURE_MODIFIERS =
            Set.of("upcoming", "planned", "impending", "scheduled", "proposed", "next", "future", "expected");

    static final Set<String> CANCEL_VERBS =
            Set.of("cancel", "scrap", "abandon", "scuttle", "nix", "axe", "shelve", "call-off", "suspend");

    private Tense() {}

    /** The time of the predicate, following its governors up through complements. */
    static Time of(SemanticGraph g, IndexedWord predicate) {
        IndexedWord w = predicate;
        for (int depth = 0; w != null && depth < 4; depth++) {
            if (isNoun(w)) {
                for (IndexedWord mod : AnnotatedArticle.children(g, w, "amod")) {
                    if (FUTURE_MODIFIERS.contains(lemma(mod))) {
                        return Time.FUTURE;
                    }
                }
            }
            for (IndexedWord aux : auxiliaries(g, w)) {
                String l = lemma(aux);
                if (FUTURE_AUX.contains(l) || aux.word().equalsIgnoreCase("will")) {
                    return Time.FUTURE;
                }
            }
            if (w.tag().equals("VB")
                    && auxiliaries(g, w).stream()
                            .anyMatch(aux ->
                                    PROSPECTIVE_MODALS.contains(aux.word().toLowerCase(Locale.ROOT)))) {
                // "he said he may join talks on Saturday": what may happen is still to come
                return Time.FUTURE;
            }
            if (depth > 0 && FUTURE_GOVERNORS.contains(lemma(w))) {
                return Time.FUTURE;
            }
            if (!isNoun(w)) {
                String tag = w.tag();
                if (tag.equals("VBD")) {
                    return Time.PAST;
                }
                if (tag.equals("VBN") && hasAux(g, w, "have")) {
                    return Time.PAST;
                }
                if (tag.equals("VB")
                        && hasAux(g, w, "be")
                        && AnnotatedArticle.children(g, w, "mark").stream()
                                .anyMatch(m -> m.word().equalsIgnoreCase("to"))) {
                    // "X is to visit Y": a plan
                    return Time.FUTURE;
                }
                if (tag.equals("VB")
                        && g.getRoots().contains(w)
                        && auxiliaries(g, w).isEmpty()
                        && AnnotatedArticle.children(g, w, "mark").stream()
                                .anyMatch(m -> m.word().equalsIgnoreCase("to"))) {
                    // a headline's bare infinitive, "Leaders to meet in Geneva": a plan
                    return Time.FUTURE;
                }
                if (tag.equals("VBN")
                        && auxiliaries(g, w).isEmpty()
                        && g.getRoots().contains(w)) {
                    // "Ministers convened on Wednesday": a finite main verb the tagger took for a
                    // participle (no auxiliary, the root of its sentence) is a past tense.
                    return Time.PAST;
                }
                if (tag.equals("VBN") && hasAux(g, w, "be") && pastAux(g, w)) {
                    return Time.PAST;
                }
                if (tag.equals("VBZ") || tag.equals("VBP") || (tag.equals("VBG") && hasAux(g, w, "be"))) {
                    if (tag.equals("VBG") && pastAux(g, w)) {
                        return Time.PAST;
                    }
                    return FUTURE_GOVERNORS.contains(lemma(w)) ? Time.FUTURE : Time.PRESENT;
                }
                if (tag.equals("VBN") && hasAux(g, w, "be")) {
                    return Time.PRESENT;
                }
            }
            SemanticGraphEdge up = AnnotatedArticle.parentEdge(g, w);
            if (up == null) {
                break;
            }
            String rel = up.getRelation().toString();
            if (!(rel.startsWith("xcomp")
                    || rel.startsWith("nsubj")
                    || rel.startsWith("obj")
                    || rel.startsWith("ccomp")
                    || rel.startsWith("obl")
                    || rel.startsWith("acl")
                    || rel.startsWith("advcl")
                    || rel.startsWith("conj")
                    || rel.startsWith("nmod"))) {
                break;
            }
            w = up.getGovernor();
        }
        return Time.UNKNOWN;
    }

    /** Whether the predicate or a governor within three steps cancels it ("talks were called off"). */
    static boolean cancelled(SemanticGraph g, IndexedWord predicate) {
        IndexedWord w = predicate;
        for (int depth = 0; w != null && depth < 3; depth++) {
            String l = lemma(w);
            if (CANCEL_VERBS.contains(l)) {
                return true;
            }
            if (l.equals("call")) {
                for (IndexedWord prt : AnnotatedArticle.children(g, w, "compound:prt")) {
                    if (lemma(prt).equals("off")) {
                        return true;
                    }
                }
            }
            SemanticGraphEdge up = AnnotatedArticle.parentEdge(g, w);
            w = up == null ? null : up.getGovernor();
        }
        return false;
    }

    /** Words that put what they govern in doubt: "it is unlikely X would meet Y". */
    static final Set<String> DOUBT = Set.of("unlikely", "doubtful", "improbable", "impossible");

    /**
     * Whether a governor within three steps doubts the predicate ("it is unlikely X would hold
     * talks"), or a word of doubt before the predicate hangs from it or from one of those governors
     * (the parser may read "it is unlikely" as a clause beside the predicate, not above it).
     */
    static boolean doubted(SemanticGraph g, IndexedWord predicate) {
        IndexedWord w = predicate;
        for (int depth = 0; w != null && depth < 3; depth++) {
            if (DOUBT.contains(lemma(w))) {
                return true;
            }
            for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
                IndexedWord d = e.getDependent();
                if (d.index() < predicate.index() && DOUBT.contains(lemma(d))) {
                    return true;
                }
                // "it is unlikely X would …" read with "unlikely" as a modifier of the subject X
                if (e.getRelation().toString().startsWith("nsubj")) {
                    for (SemanticGraphEdge m : g.outgoingEdgeList(d)) {
                        if (m.getDependent().index() < d.index() && DOUBT.contains(lemma(m.getDependent()))) {
                            return true;
                        }
                    }
                }
            }
            SemanticGraphEdge up = AnnotatedArticle.parentEdge(g, w);
            w = up == null ? null : up.getGovernor();
        }
        return false;
    }

    /** Negated: "has not met", "never met", "no talks". */
    static boolean negated(SemanticGraph g, IndexedWord predicate) {
        for (SemanticGraphEdge e : g.outgoingEdgeList(predicate)) {
            String rel = e.getRelation().toString();
            String w = e.getDependent().word().toLowerCase(Locale.ROOT);
            if ((rel.equals("advmod") || rel.equals("det"))
                    && (w.equals("not") || w.equals("n't") || w.equals("never") || w.equals("no"))) {
                return true;
            }
        }
        return false;
    }

    /** The status of a meeting: held, planned or cancelled, from its predicate's time. */
    static String status(SemanticGraph g, IndexedWord predicate) {
        if (cancelled(g, predicate)) {
            return "cancelled";
        }
        return switch (of(g, predicate)) {
            case PAST -> "held";
            case FUTURE, PRESENT -> "planned";
            case UNKNOWN -> "unknown";
        };
    }

    private static List<IndexedWord> auxiliaries(SemanticGraph g, IndexedWord w) {
        List<IndexedWord> out = new ArrayList<>(AnnotatedArticle.children(g, w, "aux"));
        out.addAll(AnnotatedArticle.children(g, w, "cop"));
        return out;
    }

    private static boolean hasAux(SemanticGraph g, IndexedWord w, String lemma) {
        return auxiliaries(g, w).stream().anyMatch(a -> lemma(a).equals(lemma));
    }

    private static boolean pastAux(SemanticGraph g, IndexedWord w) {
        return auxiliaries(g, w).stream().anyMatch(a -> a.tag().equals("VBD"));
    }

    static boolean isNoun(IndexedWord w) {
        return w.tag() != null && w.tag().startsWith("NN");
    }

    static String lemma(IndexedWord w) {
        return w.lemma() == null ? w.word().toLowerCase(Locale.ROOT) : w.lemma().toLowerCase(Locale.ROOT);
    }
}
