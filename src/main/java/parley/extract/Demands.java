package parley.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Demands and positions: "X demands / insists / urges Y to / calls on Y to …" (demand), "X
 * warns …" (warning), "X rejects / refuses / opposes …" (red line), "X's demands include …",
 * "X is ready to … if …" (condition). The demanded clause is the Demand's text, verbatim; the
 * one of whom it is demanded (the clause's subject, or the one urged) is DIRECTED_AT; an "if"
 * clause makes it a condition and is kept as {@code condition}.
 */
final class Demands {

    static final String VERB_DEMAND = "demand:verb-demand";
    static final String VERB_WARN = "demand:verb-warn";
    static final String VERB_REJECT = "demand:verb-reject";
    static final String NOUN_DEMANDS = "demand:noun-demands+include";
    static final String READINESS = "demand:readiness";
    static final String REPORTED_MUST = "demand:reported-must";
    static final String VERB_WANT = "demand:verb-want";
    static final String NOUN_DEMAND = "demand:noun-demand+clause";

    /** Words of obligation in a reported clause: "X said that Y must …", "had to agree". */
    private static final Set<String> OBLIGATION_AUX = Set.of("must", "should");

    static final String IF = "+if";

    private static final Map<String, String> VERB_KINDS = Map.ofEntries(
            Map.entry("demand", "demand"),
            Map.entry("insist", "demand"),
            Map.entry("urge", "demand"),
            Map.entry("call", "demand"),
            Map.entry("require", "demand"),
            Map.entry("press", "demand"),
            Map.entry("push", "demand"),
            Map.entry("vow", "demand"),
            Map.entry("pledge", "demand"),
            Map.entry("want", "demand"),
            Map.entry("warn", "warning"),
            Map.entry("threaten", "warning"),
            Map.entry("reject", "red-line"),
            Map.entry("refuse", "red-line"),
            Map.entry("oppose", "red-line"));

    private static final Set<String> DEMONSTRATIVES = Set.of("that", "this", "these", "those", "it", "them");

    private static final Set<String> READY = Set.of("ready", "readiness", "willing", "willingness", "prepared");

    private Demands() {}

    static void extract(Context cx, Quotes quotes) {
        int n = 0;
        for (int s = 0; s < cx.article.sentences.size(); s++) {
            if (!cx.usable(s)) {
                continue;
            }
            SemanticGraph g = cx.article.graph(s);
            for (IndexedWord w : cx.words(s)) {
                Found f = verb(cx, s, g, w, quotes);
                if (f == null) {
                    f = noun(cx, s, g, w);
                }
                if (f == null) {
                    f = reportedObligation(cx, s, g, w);
                }
                if (f != null) {
                    Entities.Cluster speaker = firstPersonSpeaker(g, w, quotes);
                    f.actor = speaker != null ? speaker : f.actor;
                }
                if (f == null || f.content.isEmpty() || !Context.isActor(f.actor)) {
                    continue;
                }
                String text = cx.article.span(f.content);
                if (text.split("\\s+").length < 2) {
                    continue;
                }
                IndexedWord conditionHead = condition(g, f.head);
                String kind = f.kind;
                String rule = f.rule;
                String condition = null;
                if (conditionHead != null) {
                    condition = cx.article.span(cx.article.subtree(s, conditionHead, Set.of()));
                    if (kind.equals("demand")) {
                        kind = "condition";
                    }
                    rule += IF;
                }
                n++;
                String id = cx.draft.freshId("demand-" + cx.sourceId + "-" + n);
                double confidence = f.confidence;
                Draft.Fact fact = cx.draft.fact(id, "Demand", confidence, rule, cx.evidence(s));
                fact.properties.put("text", text);
                fact.properties.put("kind", kind);
                if (condition != null) {
                    fact.properties.put("condition", condition);
                }
                Dates.Resolved date = Dates.of(cx.article, s, w);
                if (date != null && date.date() != null) {
                    fact.properties.put("date", date.date());
                    fact.properties.put("datePrecision", date.precision());
                    fact.properties.put("dateText", date.text());
                }
                f.actor.referenced = true;
                cx.draft.relate("DEMANDS", f.actor.id, id, cx.evidence(s), confidence, rule);
                if (Context.isActor(f.target) && f.target != f.actor) {
                    f.target.referenced = true;
                    cx.draft.relate("DIRECTED_AT", id, f.target.id, cx.evidence(s), confidence, rule);
                }
            }
        }
    }

    /**
     * "“… we are prepared to walk away if …,” X told …": "I" or "we" inside a quotation with a
     * named speaker is that speaker, not whatever coreference joined the pronoun to; else null.
     */
    private static Entities.Cluster firstPersonSpeaker(SemanticGraph g, IndexedWord w, Quotes quotes) {
        List<IndexedWord> subjects = new ArrayList<>(AnnotatedArticle.children(g, w, "nsubj"));
        subjects.addAll(AnnotatedArticle.children(g, w, "nsubj:xsubj"));
        for (IndexedWord subj : subjects) {
            String word = subj.word().toLowerCase(Locale.ROOT);
            if (!word.equals("i") && !word.equals("we")) {
                continue;
            }
            for (Quotes.Attributed q : quotes.attributed) {
                if (q.begin() <= subj.beginPosition()
                        && subj.endPosition() <= q.end()
                        && Context.isActor(q.speaker())) {
                    return q.speaker();
                }
            }
        }
        return null;
    }

    private static final class Found {
        Entities.Cluster actor;
        Entities.Cluster target;
        List<IndexedWord> content = List.of();
        IndexedWord head;
        String kind;
        String rule;
        double confidence;
    }

    private static Found verb(Context cx, int s, SemanticGraph g, IndexedWord w, Quotes quotes) {
        String lemma = Tense.lemma(w);
        String kind = VERB_KINDS.get(lemma);
        if (kind == null || !w.tag().startsWith("VB") || Tense.negated(g, w) || conditional(g, w)) {
            return null;
        }
        boolean want = lemma.equals("want");
        if (want && !ownWant(g, w, quotes)) {
            return null;
        }
        Found f = new Found();
        f.kind = kind;
        f.rule = want
                ? VERB_WANT
                : kind.equals("warning") ? VERB_WARN : kind.equals("red-line") ? VERB_REJECT : VERB_DEMAND;
        f.confidence = kind.equals("demand") && !want ? 0.75 : 0.7;
        // one wants for oneself: "X wants …" is X's position only with X its own subject
        f.actor = want ? cx.subject(s, w) : speaker(cx, s, g, w);
        List<IndexedWord> ccomp = AnnotatedArticle.children(g, w, "ccomp");
        List<IndexedWord> xcomp = AnnotatedArticle.children(g, w, "xcomp");
        List<IndexedWord> obj = AnnotatedArticle.children(g, w, "obj");
        List<IndexedWord> oblOn = AnnotatedArticle.children(g, w, "obl:on");
        List<IndexedWord> oblFor = AnnotatedArticle.children(g, w, "obl:for");
        if (lemma.equals("call") && oblOn.isEmpty() && oblFor.isEmpty()) {
            return null;
        }
        if (!ccomp.isEmpty() && kind.equals("red-line")) {
            // one rejects, refuses or opposes a thing or a "to" clause, not a "that" clause: a
            // clause below such a verb is a misparse ("X rejects that option firmly, and Y …")
            return null;
        }
        if (!ccomp.isEmpty()) {
            f.head = ccomp.getFirst();
            f.content = cx.article.subtree(s, f.head, Set.of("mark", "cc", "conj"));
            if (!kind.equals("warning")) {
                for (IndexedWord subj : AnnotatedArticle.children(g, f.head, "nsubj")) {
                    f.target = cx.entities.resolve(s, subj);
                }
            } else {
                // a warning is directed at whoever the "if" clause names: "if Ukraine rejects …"
                IndexedWord cond = condition(g, f.head);
                if (cond != null) {
                    for (IndexedWord subj : AnnotatedArticle.children(g, cond, "nsubj")) {
                        f.target = cx.entities.resolve(s, subj);
                        break;
                    }
                }
                if (cond == null && !warning(cx, s, g, w, f.head, f.actor)) {
                    return null;
                }
            }
        } else if (!xcomp.isEmpty()) {
            f.head = xcomp.getFirst();
            f.content = cx.article.subtree(s, f.head, Set.of("mark", "cc", "conj"));
            for (IndexedWord o : obj.isEmpty() ? oblOn : obj) {
                f.target = cx.entities.resolve(s, o);
            }
        } else if (!oblFor.isEmpty()) {
            f.head = oblFor.getFirst();
            f.content = cx.article.subtree(s, f.head, Set.of("case"));
        } else if (!obj.isEmpty() && !lemma.equals("urge") && !lemma.equals("press")) {
            f.head = obj.getFirst();
            f.content = cx.article.subtree(s, f.head, Set.of());
            if (f.content.size() <= 2
                    && DEMONSTRATIVES.contains(f.content.getFirst().word().toLowerCase(Locale.ROOT))) {
                // "X rejects that option": the text would name nothing but a reference back
                return null;
            }
        } else {
            return null;
        }
        return f;
    }

    /**
     * Whether "X warned that …" warns: of what may come ("… that the truce could collapse"), of
     * what another named party does ("… that Y prefers talks with …"), or someone warned ("warned
     * Europe that …"); "warned that tough issues remain" only describes, a statement's matter.
     */
    private static boolean warning(
            Context cx, int s, SemanticGraph g, IndexedWord verb, IndexedWord clause, Entities.Cluster speaker) {
        if (!AnnotatedArticle.children(g, verb, "obj").isEmpty()
                || !AnnotatedArticle.children(g, verb, "iobj").isEmpty()
                || Tense.of(g, clause) == Tense.Time.FUTURE
                || AnnotatedArticle.children(g, clause, "aux").stream()
                        .anyMatch(a -> a.tag().equals("MD"))) {
            return true;
        }
        for (IndexedWord subj : AnnotatedArticle.children(g, clause, "nsubj")) {
            Entities.Cluster c = cx.entities.resolve(s, subj);
            return Context.isActor(c) && c != speaker;
        }
        return false;
    }

    /**
     * "X wants …" as a position: a want stated in the article's own voice (the verb heads its
     * sentence, or a clause joined to it), not one someone else reports or ascribes ("Y said X
     * wants …", a claim of Y's), nor one inside a quotation.
     */
    private static boolean ownWant(SemanticGraph g, IndexedWord w, Quotes quotes) {
        for (int[] q : quotes.spans) {
            if (q[0] <= w.beginPosition() && w.endPosition() <= q[1]) {
                return false;
            }
        }
        var up = AnnotatedArticle.parentEdge(g, w);
        return up == null
                || up.getRelation().toString().startsWith("conj")
                        && g.getRoots().contains(up.getGovernor());
    }

    /**
     * "X issued a demand that Y …", "X's demand for …": a demand stated as a noun with its content;
     * the one demanding is the possessor, else whoever issues it (the subject of the verb it is the
     * object of, through "joined … in issuing").
     */
    private static Found nounDemand(Context cx, int s, SemanticGraph g, IndexedWord w) {
        IndexedWord content = null;
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            String rel = e.getRelation().toString();
            IndexedWord d = e.getDependent();
            boolean subjunctive = d.tag().equals("VB")
                    || AnnotatedArticle.children(g, d, "aux").stream()
                            .anyMatch(a -> OBLIGATION_AUX.contains(a.word().toLowerCase(Locale.ROOT)));
            // "a demand that Peru return …" is sometimes parsed as a relative clause: a content
            // clause in the subjunctive ("return", "should return"), not a relative one ("that
            // Peru made")
            if (rel.equals("ccomp")
                    || rel.equals("acl")
                    || rel.equals("nmod:for")
                    || rel.equals("acl:relcl") && subjunctive) {
                content = d;
                break;
            }
        }
        if (content == null) {
            return null;
        }
        Found f = new Found();
        f.kind = "demand";
        f.rule = NOUN_DEMAND;
        f.confidence = 0.65;
        for (IndexedWord poss : AnnotatedArticle.children(g, w, "nmod:poss")) {
            f.actor = cx.entities.resolve(s, poss);
        }
        if (f.actor == null) {
            SemanticGraphEdgeView up = SemanticGraphEdgeView.of(g, w);
            if (up == null || !up.relation.equals("obj")) {
                return null;
            }
            f.actor = speaker(cx, s, g, up.governor);
        }
        f.head = content;
        f.content = new ArrayList<>(cx.article.subtree(s, content, Set.of("mark", "dep", "case")));
        if (!f.content.isEmpty() && f.content.getFirst().word().equalsIgnoreCase("that")) {
            f.content.removeFirst();
        }
        for (IndexedWord subj : AnnotatedArticle.children(g, content, "nsubj")) {
            f.target = cx.entities.resolve(s, subj);
        }
        return f;
    }

    /** "Putin's core demands include …", "a conditional readiness to drop … if …". */
    private static Found noun(Context cx, int s, SemanticGraph g, IndexedWord w) {
        String lemma = Tense.lemma(w);
        if (Tense.isNoun(w) && lemma.equals("demand")) {
            SemanticGraphEdgeView gov = SemanticGraphEdgeView.of(g, w);
            if (gov == null
                    || !gov.relation.startsWith("nsubj")
                    || !Tense.lemma(gov.governor).equals("include")) {
                return nounDemand(cx, s, g, w);
            }
            SemanticGraphEdgeView up = gov;
            Found f = new Found();
            f.kind = "demand";
            f.rule = NOUN_DEMANDS;
            f.confidence = 0.7;
            for (IndexedWord poss : AnnotatedArticle.children(g, w, "nmod:poss")) {
                f.actor = cx.entities.resolve(s, poss);
            }
            List<IndexedWord> obj = AnnotatedArticle.children(g, up.governor, "obj");
            if (obj.isEmpty()) {
                return null;
            }
            f.head = obj.getFirst();
            f.content = cx.article.subtree(s, f.head, Set.of());
            return f;
        }
        if (READY.contains(lemma)) {
            List<IndexedWord> to = new ArrayList<>(AnnotatedArticle.children(g, w, "acl"));
            to.addAll(AnnotatedArticle.children(g, w, "xcomp"));
            SemanticGraphEdgeView gov = SemanticGraphEdgeView.of(g, w);
            if (to.isEmpty() && gov != null && gov.relation.equals("obj")) {
                // "expressed a readiness to drop …": the parser hangs the clause on the verb
                to.addAll(AnnotatedArticle.children(g, gov.governor, "xcomp"));
            }
            if (to.isEmpty()) {
                return null;
            }
            Found f = new Found();
            f.kind = "demand";
            f.rule = READINESS;
            f.confidence = 0.65;
            f.actor = cx.subject(s, w);
            if (f.actor == null) {
                SemanticGraphEdgeView up = SemanticGraphEdgeView.of(g, w);
                if (up != null) {
                    f.actor = cx.subject(s, up.governor);
                }
            }
            f.head = to.getFirst();
            f.content = cx.article.subtree(s, f.head, Set.of("mark", "advcl"));
            IndexedWord cond = condition(g, f.head);
            if (cond != null) {
                for (IndexedWord subj : AnnotatedArticle.children(g, cond, "nsubj")) {
                    f.target = cx.entities.resolve(s, subj);
                    break;
                }
            }
            return f;
        }
        return null;
    }

    /**
     * "X said / stressed / asserted that Y must …", "… that both sides had to agree": an obligation
     * the speaker states is a demand of the speaker, directed at the clause's subject.
     */
    private static Found reportedObligation(Context cx, int s, SemanticGraph g, IndexedWord w) {
        String lemma = Tense.lemma(w);
        if (!w.tag().startsWith("VB")
                || !Quotes.REPORTING.contains(lemma)
                || VERB_KINDS.containsKey(lemma)
                || Tense.negated(g, w)
                || conditional(g, w)) {
            return null;
        }
        for (IndexedWord c : AnnotatedArticle.children(g, w, "ccomp")) {
            boolean must = AnnotatedArticle.children(g, c, "aux").stream()
                    .anyMatch(a -> OBLIGATION_AUX.contains(a.word().toLowerCase(java.util.Locale.ROOT)));
            String head = Tense.lemma(c);
            if (!must && (head.equals("have") || head.equals("need"))) {
                must = AnnotatedArticle.children(g, c, "xcomp").stream()
                        .anyMatch(x -> AnnotatedArticle.children(g, x, "mark").stream()
                                .anyMatch(m -> m.word().equalsIgnoreCase("to")));
            }
            must |= Claims.obligation(g, c);
            if (!must || Tense.negated(g, c)) {
                continue;
            }
            Found f = new Found();
            f.kind = "demand";
            f.rule = REPORTED_MUST;
            f.confidence = 0.6;
            f.actor = speaker(cx, s, g, w);
            f.head = c;
            f.content = cx.article.subtree(s, c, Set.of("mark", "cc", "conj"));
            for (IndexedWord subj : AnnotatedArticle.children(g, c, "nsubj")) {
                f.target = cx.entities.resolve(s, subj);
            }
            return f;
        }
        return null;
    }

    /**
     * Who states a position: the verb's subject, else (a verb without one of its own: "issued a
     * statement insisting that …", "…, insisting that …") the subject of the nearest governor that
     * has one, up to three steps.
     */
    static Entities.Cluster speaker(Context cx, int s, SemanticGraph g, IndexedWord w) {
        Entities.Cluster reporter = reporterOfConjoinedPast(cx, s, g, w);
        if (reporter != null) {
            return reporter;
        }
        Entities.Cluster c = cx.subject(s, w);
        IndexedWord v = w;
        for (int depth = 0; c == null && depth < 3; depth++) {
            if (!AnnotatedArticle.children(g, v, "nsubj").isEmpty()) {
                break;
            }
            var up = AnnotatedArticle.parentEdge(g, v);
            if (up == null) {
                break;
            }
            String rel = up.getRelation().toString();
            if (!(rel.startsWith("acl")
                    || rel.startsWith("advcl")
                    || rel.startsWith("xcomp")
                    || rel.equals("dep")
                    || rel.startsWith("conj"))) {
                break;
            }
            v = up.getGovernor();
            if (Tense.isNoun(v)) {
                // "a statement insisting …": the noun's own governor says it
                var nounUp = AnnotatedArticle.parentEdge(g, v);
                if (nounUp == null) {
                    break;
                }
                v = nounUp.getGovernor();
            }
            c = cx.subject(s, v);
        }
        return c;
    }

    /**
     * "X said that Y would expand … and threatened to …": a finite past verb cannot share the
     * modal of the reported clause it is joined to, so it goes with the verb of saying, and X
     * threatened, not Y (the parser joins it to the reported verb).
     */
    private static Entities.Cluster reporterOfConjoinedPast(Context cx, int s, SemanticGraph g, IndexedWord w) {
        if (!w.tag().equals("VBD")) {
            return null;
        }
        for (SemanticGraphEdge in : g.incomingEdgeList(w)) {
            IndexedWord joined = in.getGovernor();
            if (!in.getRelation().toString().startsWith("conj")
                    || !joined.tag().equals("VB")
                    || AnnotatedArticle.children(g, joined, "aux").stream()
                            .noneMatch(a -> Set.of("would", "could", "might", "will", "may", "can")
                                    .contains(a.word().toLowerCase(Locale.ROOT)))) {
                continue;
            }
            var up = AnnotatedArticle.parentEdge(g, joined);
            if (up != null
                    && up.getRelation().toString().equals("ccomp")
                    && Quotes.REPORTING.contains(Tense.lemma(up.getGovernor()))) {
                return cx.subject(s, up.getGovernor());
            }
        }
        return null;
    }

    /** A verb inside an "if" clause is a hypothesis, not a position: "if Ukraine rejected …". */
    static boolean conditional(SemanticGraph g, IndexedWord w) {
        for (IndexedWord mark : AnnotatedArticle.children(g, w, "mark")) {
            String m = mark.word().toLowerCase(java.util.Locale.ROOT);
            if (m.equals("if") || m.equals("unless") || m.equals("whether")) {
                return true;
            }
        }
        return false;
    }

    /** The "if" clause under the demanded clause (or the verb), or null. */
    private static IndexedWord condition(SemanticGraph g, IndexedWord head) {
        if (head == null) {
            return null;
        }
        for (IndexedWord a : AnnotatedArticle.children(g, head, "advcl")) {
            for (IndexedWord mark : AnnotatedArticle.children(g, a, "mark")) {
                String m = mark.word().toLowerCase(java.util.Locale.ROOT);
                if (m.equals("if") || m.equals("unless") || m.equals("provided")) {
                    return a;
                }
            }
        }
        for (IndexedWord x : AnnotatedArticle.children(g, head, "xcomp")) {
            IndexedWord inner = condition(g, x);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    /** A word's governor and the relation to it. */
    record SemanticGraphEdgeView(IndexedWord governor, String relation) {
        static SemanticGraphEdgeView of(SemanticGraph g, IndexedWord w) {
            var e = AnnotatedArticle.parentEdge(g, w);
            return e == null
                    ? null
                    : new SemanticGraphEdgeView(e.getGovernor(), e.getRelation().toString());
        }
    }
}
