package parley.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Meetings: who meets whom ("X met Y", "X is set to meet with Y", "X discussed … with Y", "X
 * hosted Y", "X held talks with Y", "talks between X and Y"), where ("in Miami"), when, and
 * whether held, planned or called off. People ATTEND, with the side their description names;
 * states and bodies taking part as a whole are PARTY_TO. Mentions of one meeting in the article
 * are merged; a meeting the graph already holds (same day, place and participants) is referenced
 * by its id so its evidence grows instead of a duplicate appearing.
 */
final class Meetings {

    static final String VERB_MEET = "meeting:verb-meet";
    static final String VERB_TALK = "meeting:verb-talk+obl-with";
    static final String VERB_DISCUSS = "meeting:verb-discuss+obl-with";
    static final String VERB_HOST = "meeting:verb-host";
    static final String VERB_HOLD_TALKS = "meeting:verb-hold+talks";
    static final String NOUN_TALKS = "meeting:noun-talks+with";
    static final String VERB_VISIT = "meeting:verb-visit+person";
    static final String VERB_CONVENE = "meeting:verb-convene+where";
    static final String BODY_DECIDES = "meeting:body-decides";
    static final String SPLIT = "+split-by-side";
    static final String PLACE_IN = "+obl-in";
    static final String MERGED = "+merged";
    static final String GRAPH_MATCH = "+graph-match";
    /** Appended to the date rule of a meeting dated by a later "the talks" that gives its day. */
    static final String DATE_ANAPHOR = "+anaphor";

    /** Sentences after a meeting's last mention in which "the talks" still name it. */
    static final int NEAR = 3;
    /** Sentences after it in which a mention of talks on a day within the meeting's date still does. */
    static final int AGREEING = 10;

    /** Determiners of a meeting noun that name talks already told of: "the talks", "these negotiations". */
    private static final Set<String> DEFINITE = Set.of("the", "this", "these", "that", "those");
    /** Verbs whose bare object is talks already under way: "he may join talks on Saturday". */
    private static final Set<String> JOIN = Set.of("join", "attend");
    /** Adjectives that set a meeting apart from the one told of: "the previous talks", "separate talks". */
    private static final Set<String> ANOTHER = Set.of(
            "previous",
            "earlier",
            "last",
            "past",
            "prior",
            "next",
            "future",
            "further",
            "new",
            "separate",
            "other",
            "first",
            "second",
            "third",
            "final",
            "fresh",
            "later",
            "subsequent");

    private static final Set<String> MEETING_NOUNS = Set.of(
            "talk", "talks", "meeting", "summit", "negotiation", "dialogue", "consultation", "discussion", "session");

    /**
     * What a body of office holders does only together: "EU leaders are deciding whether …", "NATO
     * defence ministers agreed …", "EU leaders struck a deal …" (with {@link #AGREEMENTS} as object).
     */
    private static final Set<String> DECIDE =
            Set.of("decide", "agree", "approve", "adopt", "vote", "consider", "debate");
    /** Verbs that take an agreement as object to mean agreeing: "struck / reached a deal". */
    private static final Set<String> CONCLUDE = Set.of("strike", "reach", "seal", "clinch");

    private static final Set<String> AGREEMENTS = Set.of("deal", "agreement", "accord", "compromise");
    /** The last word of a body's name that makes it a gathering of office holders: "EU leaders". */
    private static final Set<String> BODY_HEADS =
            Set.of("leaders", "ministers", "lawmakers", "parliamentarians", "envoys", "governors", "chiefs");

    /** Verbs whose subject takes part in the meeting noun that is their object ("attended the talks"). */
    private static final Set<String> TAKE_PART = Set.of("attend", "join", "hold", "participate", "be", "host");

    /** Verbs of a body gathering: "NATO foreign ministers convened in Brussels". */
    private static final Set<String> GATHER = Set.of("convene", "gather", "meet");

    /** Verbs of travelling whose destination is where the meeting they lead to is held. */
    private static final Set<String> TRAVEL = Set.of("travel", "fly", "head", "go", "arrive", "come", "return");

    /** One meeting being assembled from its mentions. */
    static final class Found {
        final List<Entities.Cluster> participants = new ArrayList<>();
        Entities.Cluster place;
        Dates.Resolved date;
        String status;
        String rule;
        double confidence;
        final Set<Integer> sentences = new LinkedHashSet<>();
        Entities.Cluster host;
        /** How many of the participants are the trigger's subjects (the rest are whom they met). */
        int subjects = -1;
    }

    private Meetings() {}

    static void extract(Context cx) {
        List<Found> found = new ArrayList<>();
        for (int s = 0; s < cx.article.sentences.size(); s++) {
            if (!cx.usable(s)) {
                continue;
            }
            SemanticGraph g = cx.article.graph(s);
            Set<Integer> usedTriggers = new LinkedHashSet<>();
            for (IndexedWord w : cx.words(s)) {
                Found f = trigger(cx, s, g, w);
                if (f == null
                        || f.participants.size() < (f.rule.equals(BODY_DECIDES) ? 1 : 2)
                        || Tense.negated(g, w)
                        || Tense.doubted(g, w)
                        || !usedTriggers.add(w.index())) {
                    continue;
                }
                f.place = place(cx, s, g, w);
                if (f.place != null) {
                    f.rule += PLACE_IN;
                }
                f.date = Dates.ofHappening(cx.article, s, w);
                f.status = Tense.status(g, w);
                if (f.rule.startsWith(BODY_DECIDES) && presentTense(g, w)) {
                    // "EU leaders are deciding / consider …": the gathering is under way as the
                    // article is written, in its week unless the sentence dates it
                    f.status = "held";
                    if (f.date == null || f.date.date() == null) {
                        List<IndexedWord> verb = new ArrayList<>(AnnotatedArticle.children(g, w, "aux"));
                        verb.add(w);
                        verb.sort(Comparator.comparingInt(IndexedWord::index));
                        f.date = Dates.underWay(cx.article, cx.article.span(verb));
                    }
                }
                if (f.status.equals("unknown") && f.date != null && f.date.date() != null) {
                    f.status = f.date.date().compareTo(cx.article.published.toString()) < 0 ? "held" : "planned";
                }
                f.sentences.add(s);
                for (Found one : bySide(f)) {
                    merge(found, one);
                }
            }
        }
        anaphora(cx, found);
        emit(cx, found);
    }

    /**
     * "X and Y are in Vienna for the negotiations mediated by Z. … The talks resumed on Tuesday.":
     * a definite mention of talks (or talks someone joins) that introduces no parties of its own
     * names the meeting told of last before it, if no other meeting was told of in between and it
     * comes within {@link #NEAR} sentences of that meeting's last mention (each mention keeps the
     * meeting in view), or within {@link #AGREEING} sentences when its date falls within the
     * meeting's date ("the weekend talks", then "talks on Saturday"). A date that hangs from the
     * mention dates the meeting where it had none or pins it more finely, and the sentence becomes
     * evidence; a date that disagrees means another meeting.
     */
    static void anaphora(Context cx, List<Found> found) {
        if (found.isEmpty()) {
            return;
        }
        Set<Integer> told = new LinkedHashSet<>();
        found.forEach(f -> told.addAll(f.sentences));
        Map<Found, Integer> lastMention = new HashMap<>();
        for (int s = 0; s < cx.article.sentences.size(); s++) {
            if (!cx.usable(s) || told.contains(s)) {
                continue;
            }
            SemanticGraph g = cx.article.graph(s);
            for (IndexedWord w : cx.words(s)) {
                if (!mentionOfTalks(g, w)) {
                    continue;
                }
                // the meeting told of or mentioned last before this sentence; two there: neither
                Found antecedent = null;
                int at = -1;
                boolean tie = false;
                for (Found f : found) {
                    int last = lastMention.getOrDefault(f, -1);
                    for (int fs : f.sentences) {
                        if (fs < s) {
                            last = Math.max(last, fs);
                        }
                    }
                    if (last > at) {
                        antecedent = f;
                        at = last;
                        tie = false;
                    } else if (last == at && last >= 0) {
                        tie = true;
                    }
                }
                if (antecedent == null || tie) {
                    continue;
                }
                Dates.Resolved date = Dates.attachedTo(cx.article, s, w);
                boolean dated = date != null && date.date() != null;
                Dates.Resolved known =
                        antecedent.date == null || antecedent.date.date() == null ? null : antecedent.date;
                if (dated && known != null && !known.covers(date) && !date.covers(known)) {
                    continue;
                }
                boolean agrees = dated && known != null && known.covers(date);
                if (!(s - at <= NEAR || agrees && s - at <= AGREEING)) {
                    continue;
                }
                lastMention.put(antecedent, s);
                if (dated && (known == null || date.finerThan(known))) {
                    antecedent.date =
                            new Dates.Resolved(date.date(), date.text(), date.precision(), date.rule() + DATE_ANAPHOR);
                    antecedent.sentences.add(s);
                }
            }
        }
    }

    /**
     * "the talks", "the weekend talks", "these negotiations", "join talks": a meeting noun that
     * refers back, naming no parties ("talks with X" tells of its own meeting) and not set apart
     * ("the previous talks", "another round of talks").
     */
    private static boolean mentionOfTalks(SemanticGraph g, IndexedWord w) {
        if (!Tense.isNoun(w) || !MEETING_NOUNS.contains(Tense.lemma(w)) || Tense.negated(g, w)) {
            return false;
        }
        for (String rel : List.of("nmod:with", "nmod:between")) {
            if (!AnnotatedArticle.children(g, w, rel).isEmpty()) {
                return false;
            }
        }
        if (AnnotatedArticle.children(g, w, "amod").stream().anyMatch(a -> ANOTHER.contains(Tense.lemma(a)))) {
            return false;
        }
        List<IndexedWord> det = AnnotatedArticle.children(g, w, "det");
        if (!det.isEmpty()) {
            return det.stream().allMatch(d -> DEFINITE.contains(d.word().toLowerCase(Locale.ROOT)));
        }
        var up = AnnotatedArticle.parentEdge(g, w);
        return w.tag().equals("NNS")
                && AnnotatedArticle.children(g, w, "nmod:poss").isEmpty()
                && up != null
                && up.getRelation().toString().equals("obj")
                && JOIN.contains(Tense.lemma(up.getGovernor()));
    }

    private static Found trigger(Context cx, int s, SemanticGraph g, IndexedWord w) {
        String lemma = Tense.lemma(w);
        boolean verb = w.tag().startsWith("VB");
        Found f = new Found();
        if (verb && lemma.equals("meet")) {
            f.rule = VERB_MEET;
            f.confidence = 0.85;
            add(cx, s, f, subjects(cx, s, g, w));
            f.subjects = f.participants.size();
            add(cx, s, f, AnnotatedArticle.children(g, w, "obj"));
            add(cx, s, f, AnnotatedArticle.children(g, w, "obl:with"));
            if (f.participants.size() < 2) {
                Found body = gathering(cx, s, g, w);
                if (body != null) {
                    return body;
                }
            }
            return f;
        }
        if (verb && GATHER.contains(lemma)) {
            return gathering(cx, s, g, w);
        }
        if (verb && (DECIDE.contains(lemma) || CONCLUDE.contains(lemma))) {
            return bodyDecides(cx, s, g, w, lemma);
        }
        if (verb && lemma.equals("visit")) {
            List<IndexedWord> visited = new ArrayList<>();
            for (IndexedWord o : AnnotatedArticle.children(g, w, "obj")) {
                Entities.Cluster c = cx.entities.resolve(s, o);
                if (c != null && c.label.equals("Person")) {
                    visited.add(o);
                }
            }
            if (visited.isEmpty()) {
                return null;
            }
            f.rule = VERB_VISIT;
            f.confidence = 0.7;
            add(cx, s, f, subjects(cx, s, g, w));
            add(cx, s, f, visited);
            return f;
        }
        if (verb && (lemma.equals("talk") || lemma.equals("negotiate"))) {
            f.rule = VERB_TALK;
            f.confidence = 0.75;
            add(cx, s, f, subjects(cx, s, g, w));
            add(cx, s, f, AnnotatedArticle.children(g, w, "obl:with"));
            return f.participants.size() >= 2 ? f : null;
        }
        if (verb
                && lemma.equals("discuss")
                && !AnnotatedArticle.children(g, w, "obl:with").isEmpty()) {
            f.rule = VERB_DISCUSS;
            f.confidence = 0.7;
            add(cx, s, f, subjects(cx, s, g, w));
            add(cx, s, f, AnnotatedArticle.children(g, w, "obl:with"));
            return f;
        }
        if (verb && lemma.equals("host")) {
            f.rule = VERB_HOST;
            f.confidence = 0.7;
            add(cx, s, f, subjects(cx, s, g, w));
            if (!f.participants.isEmpty()) {
                f.host = f.participants.getFirst();
            }
            add(cx, s, f, AnnotatedArticle.children(g, w, "obj"));
            return f;
        }
        if (verb && lemma.equals("hold")) {
            for (IndexedWord obj : AnnotatedArticle.children(g, w, "obj")) {
                if (MEETING_NOUNS.contains(Tense.lemma(obj))) {
                    f.rule = VERB_HOLD_TALKS;
                    f.confidence = 0.75;
                    add(cx, s, f, subjects(cx, s, g, w));
                    add(cx, s, f, AnnotatedArticle.children(g, obj, "nmod:with"));
                    add(cx, s, f, AnnotatedArticle.children(g, obj, "nmod:between"));
                    return f;
                }
            }
            return null;
        }
        if (Tense.isNoun(w) && MEETING_NOUNS.contains(Tense.lemma(w))) {
            List<IndexedWord> with = new ArrayList<>(AnnotatedArticle.children(g, w, "nmod:with"));
            with.addAll(AnnotatedArticle.children(g, w, "nmod:between"));
            // "the negotiations mediated by X and Y", "talks hosted by X"
            for (IndexedWord acl : AnnotatedArticle.children(g, w, "acl")) {
                with.addAll(AnnotatedArticle.children(g, acl, "obl:agent"));
                with.addAll(AnnotatedArticle.children(g, acl, "obl:by"));
            }
            if (with.isEmpty()) {
                return null;
            }
            f.rule = NOUN_TALKS;
            f.confidence = 0.65;
            add(cx, s, f, with);
            for (IndexedWord mod : AnnotatedArticle.children(g, w, "nmod:poss")) {
                add(cx, s, f, List.of(mod));
            }
            // "X's talks with the president, Y": the name the parser hung on the meeting noun
            for (IndexedWord appos : AnnotatedArticle.children(g, w, "appos")) {
                Entities.Cluster c = cx.entities.at(s, appos.index());
                if (c != null && c.label.equals("Person") && !f.participants.contains(c)) {
                    f.participants.add(c);
                }
            }
            takingPart(cx, s, g, w, f);
            return f;
        }
        return null;
    }

    private static List<IndexedWord> subjects(Context cx, int s, SemanticGraph g, IndexedWord w) {
        List<IndexedWord> out = new ArrayList<>(AnnotatedArticle.children(g, w, "nsubj"));
        if (out.isEmpty()) {
            out.addAll(AnnotatedArticle.children(g, w, "nsubj:xsubj"));
        }
        // a subject that names no one (a heading the splitter joined to the sentence) is no subject
        out.removeIf(x -> cx.entities.resolveAll(s, x).isEmpty());
        // "After meeting X in Paris, Y said …", "X travelled to Moscow to hold talks": a clause
        // without a subject of its own shares its governor's (up to two steps).
        IndexedWord v = w;
        for (int depth = 0; out.isEmpty() && depth < 2; depth++) {
            var up = AnnotatedArticle.parentEdge(g, v);
            if (up == null) {
                break;
            }
            String rel = up.getRelation().toString();
            // "is due to meet" parsed with "to meet" as a clausal complement: an infinitive still
            // takes its governor's subject
            IndexedWord clause = v;
            boolean infinitive = rel.startsWith("ccomp")
                    && AnnotatedArticle.children(g, clause, "mark").stream()
                            .anyMatch(m -> m.word().equalsIgnoreCase("to"));
            if (!(rel.startsWith("advcl") || rel.startsWith("xcomp") || rel.startsWith("conj") || infinitive)) {
                break;
            }
            v = up.getGovernor();
            out.addAll(AnnotatedArticle.children(g, v, "nsubj"));
            out.removeIf(x -> cx.entities.resolveAll(s, x).isEmpty());
        }
        return out;
    }

    /**
     * A body gathering ("NATO foreign ministers convened in Brussels on Wednesday, where its
     * secretary-general said …"): the body its subject names, and the people who are the subjects
     * of a "where" clause about the gathering.
     */
    private static Found gathering(Context cx, int s, SemanticGraph g, IndexedWord w) {
        if (!AnnotatedArticle.children(g, w, "obj").isEmpty()
                || !AnnotatedArticle.children(g, w, "obl:with").isEmpty()) {
            return null;
        }
        Found f = new Found();
        f.rule = VERB_CONVENE;
        f.confidence = 0.6;
        add(cx, s, f, subjects(cx, s, g, w));
        if (f.participants.size() != 1) {
            return null;
        }
        // the "where" clause hangs from the verb, or from its place or time ("on Wednesday, where …")
        List<IndexedWord> heads = new ArrayList<>();
        heads.add(w);
        heads.addAll(AnnotatedArticle.children(g, w, "obl"));
        List<IndexedWord> clauses = new ArrayList<>();
        for (IndexedWord h : heads) {
            for (String rel : List.of("advcl", "acl:relcl", "parataxis", "conj")) {
                clauses.addAll(AnnotatedArticle.children(g, h, rel));
            }
        }
        {
            for (IndexedWord clause : clauses) {
                boolean where = false;
                for (IndexedWord adv : AnnotatedArticle.children(g, clause, "advmod")) {
                    where |= adv.word().equalsIgnoreCase("where");
                }
                if (where) {
                    for (IndexedWord subject : AnnotatedArticle.children(g, clause, "nsubj")) {
                        Entities.Cluster c = cx.entities.resolve(s, subject);
                        if (c != null && c.label.equals("Person") && !f.participants.contains(c)) {
                            f.participants.add(c);
                        }
                    }
                }
            }
        }
        return f;
    }

    /** "consider", "are deciding": a present tense, with no auxiliary of the future or the past. */
    private static boolean presentTense(SemanticGraph g, IndexedWord w) {
        List<IndexedWord> aux = AnnotatedArticle.children(g, w, "aux");
        if (w.tag().equals("VBP") || w.tag().equals("VBZ")) {
            return aux.isEmpty();
        }
        return w.tag().equals("VBG")
                && aux.size() == 1
                && Set.of("is", "are", "am").contains(aux.getFirst().word().toLowerCase(Locale.ROOT));
    }

    /**
     * A body of office holders deciding together ("In Brussels, EU leaders are deciding whether
     * …", "EU leaders struck a deal to …"): they have met, the body its one participant. A state
     * or a person deciding is no meeting.
     */
    private static Found bodyDecides(Context cx, int s, SemanticGraph g, IndexedWord w, String lemma) {
        if (CONCLUDE.contains(lemma)
                && AnnotatedArticle.children(g, w, "obj").stream()
                        .noneMatch(o -> AGREEMENTS.contains(Tense.lemma(o)))) {
            return null;
        }
        List<IndexedWord> subjects = AnnotatedArticle.children(g, w, "nsubj");
        if (subjects.size() != 1) {
            return null;
        }
        List<Entities.Cluster> bodies = cx.entities.resolveAll(s, subjects.getFirst());
        if (bodies.size() != 1 || !bodies.getFirst().label.equals("Institution")) {
            return null;
        }
        String[] words = bodies.getFirst().name.toLowerCase(Locale.ROOT).split("\\s+");
        if (!BODY_HEADS.contains(words[words.length - 1])) {
            return null;
        }
        Found f = new Found();
        f.rule = BODY_DECIDES;
        f.confidence = 0.55;
        f.participants.add(bodies.getFirst());
        f.subjects = 1;
        return f;
    }

    /**
     * Who takes part in a meeting noun by being the subject of the verb it hangs from: "X attended
     * the talks", "X and Y are in the city for the negotiations".
     */
    private static void takingPart(Context cx, int s, SemanticGraph g, IndexedWord noun, Found f) {
        var up = AnnotatedArticle.parentEdge(g, noun);
        if (up == null) {
            return;
        }
        String rel = up.getRelation().toString();
        IndexedWord gov = up.getGovernor();
        // a copula: "X are in the US city for the talks" hangs from the predicate noun
        boolean copula = !AnnotatedArticle.children(g, gov, "cop").isEmpty();
        if (!(rel.equals("obj") || rel.matches("(obl|nmod):(for|in|at)"))
                || !(copula || TAKE_PART.contains(Tense.lemma(gov)))) {
            return;
        }
        add(cx, s, f, AnnotatedArticle.children(g, gov, "nsubj"));
    }

    private static void add(Context cx, int s, Found f, List<IndexedWord> words) {
        for (IndexedWord w : words) {
            for (Entities.Cluster c : cx.entities.resolveAll(s, w)) {
                if (Context.isActor(c) && !f.participants.contains(c)) {
                    f.participants.add(c);
                }
            }
        }
    }

    /** The place "in" or "at" which the meeting is: attached to the trigger, else the sentence's. */
    private static Entities.Cluster place(Context cx, int s, SemanticGraph g, IndexedWord trigger) {
        for (String rel : List.of("obl:in", "obl:at", "nmod:in", "nmod:at")) {
            for (IndexedWord p : AnnotatedArticle.children(g, trigger, rel)) {
                Entities.Cluster c = cx.entities.at(s, p.index());
                if (c != null && c.label.equals("Place")) {
                    return c;
                }
            }
        }
        // "travelled to Moscow to hold talks with X": the destination of the journey the meeting
        // is the purpose of (the trigger, or the verb whose object it is).
        IndexedWord v = trigger;
        for (int depth = 0; v != null && depth < 3; depth++) {
            if (TRAVEL.contains(Tense.lemma(v)) && v.tag().startsWith("VB")) {
                for (IndexedWord p : AnnotatedArticle.children(g, v, "obl:to")) {
                    Entities.Cluster c = cx.entities.at(s, p.index());
                    if (c != null && c.label.equals("Place")) {
                        return c;
                    }
                }
                break;
            }
            var up = AnnotatedArticle.parentEdge(g, v);
            if (up == null) {
                break;
            }
            String rel = up.getRelation().toString();
            if (!(rel.equals("obj") || rel.startsWith("xcomp") || rel.startsWith("advcl"))) {
                break;
            }
            v = up.getGovernor();
        }
        for (IndexedWord w : cx.words(s)) {
            Entities.Cluster c = cx.entities.at(s, w.index());
            if (c != null && c.label.equals("Place") && w.index() > 1 && sameClauseLine(g, trigger, w)) {
                String before = cx.article.token(s, w.index() - 1).word().toLowerCase(Locale.ROOT);
                if ((before.equals("in") || before.equals("at")) && firstTokenOf(cx, s, w, c)) {
                    return c;
                }
            }
        }
        return null;
    }

    /**
     * Whether a word lies in the trigger's clause or in a clause below it, or in a clause the
     * trigger's clause completes ("agreed to meet … in Geneva"): not in a clause beside it ("he
     * expected to meet X, but added that a meeting would only take place if the talks in Geneva
     * made progress"), nor in a clause that reports it ("said in Moscow that he had met X") or
     * that it describes a noun of ("would not join talks in Jeddah unless X withdraws from cities
     * it has seized"). A noun trigger's clause is the verb it hangs from.
     */
    static boolean sameClauseLine(SemanticGraph g, IndexedWord trigger, IndexedWord w) {
        IndexedWord ref = clauseOf(g, trigger);
        IndexedWord clause = clauseOf(g, w);
        if (ref == null || clause == null || clause.equals(ref) || ancestorOf(g, ref, clause)) {
            return true;
        }
        // the trigger's clause completes the place's ("agreed to meet"), or tells when or why it
        // happened ("before his meeting with X, Y spoke in Moscow"); not what was said, nor a
        // clause on a noun ("cities it has seized")
        IndexedWord v = ref;
        for (int depth = 0; depth < 10; depth++) {
            var up = AnnotatedArticle.parentEdge(g, v);
            String rel = up == null ? "" : up.getRelation().toString();
            if (!(rel.startsWith("xcomp") || rel.startsWith("advcl"))) {
                return false;
            }
            v = up.getGovernor();
            if (v.equals(clause)) {
                return true;
            }
        }
        return false;
    }

    /** The verb heading the clause a word is in (the word itself if a verb); null if none. */
    private static IndexedWord clauseOf(SemanticGraph g, IndexedWord w) {
        IndexedWord v = w;
        for (int depth = 0; depth < 20 && v != null; depth++) {
            if (v.tag() != null && v.tag().startsWith("VB")) {
                return v;
            }
            var up = AnnotatedArticle.parentEdge(g, v);
            v = up == null ? null : up.getGovernor();
        }
        return null;
    }

    /** Whether {@code a} governs {@code b}, directly or through other words. */
    static boolean ancestorOf(SemanticGraph g, IndexedWord a, IndexedWord b) {
        IndexedWord v = b;
        for (int depth = 0; depth < 30; depth++) {
            var up = AnnotatedArticle.parentEdge(g, v);
            if (up == null) {
                return false;
            }
            v = up.getGovernor();
            if (v.equals(a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean firstTokenOf(Context cx, int s, IndexedWord w, Entities.Cluster c) {
        return cx.entities.at(s, w.index() - 1) != c;
    }

    /**
     * "X met A of one state, B and C of another": one meeting per side of those X met (a person
     * whose side the text does not give goes with the one named before them), as reports list
     * separate meetings this way; people of one side stay one meeting.
     */
    static List<Found> bySide(Found f) {
        if (f.subjects < 1 || f.participants.size() - f.subjects < 2) {
            return List.of(f);
        }
        List<List<Entities.Cluster>> groups = new ArrayList<>();
        List<Entities.Cluster> keys = new ArrayList<>();
        for (Entities.Cluster p : f.participants.subList(f.subjects, f.participants.size())) {
            Entities.Cluster side = p.label.equals("Person") ? p.side : p;
            if (side == null && !groups.isEmpty()) {
                groups.getLast().add(p);
                continue;
            }
            int at = side == null ? -1 : keys.indexOf(side);
            if (at >= 0) {
                groups.get(at).add(p);
            } else {
                keys.add(side);
                groups.add(new ArrayList<>(List.of(p)));
            }
        }
        if (groups.size() < 2 || keys.contains(null)) {
            return List.of(f);
        }
        List<Found> out = new ArrayList<>();
        for (List<Entities.Cluster> group : groups) {
            Found one = new Found();
            one.participants.addAll(f.participants.subList(0, f.subjects));
            one.participants.addAll(group);
            one.subjects = f.subjects;
            one.place = f.place;
            one.date = f.date;
            one.status = f.status;
            one.rule = f.rule + SPLIT;
            one.confidence = Math.min(f.confidence, 0.7);
            one.sentences.addAll(f.sentences);
            one.host = f.host;
            out.add(one);
        }
        return out;
    }

    /** Another mention's participants, place (where the meeting had none) and sentences, into the meeting. */
    private static void absorb(Found meeting, Found mention) {
        for (Entities.Cluster c : mention.participants) {
            if (!meeting.participants.contains(c)) {
                meeting.participants.add(c);
            }
        }
        if (meeting.place == null) {
            meeting.place = mention.place;
        }
        meeting.sentences.addAll(mention.sentences);
    }

    /** Adds the mention to a meeting already found that it must be another report of, or as new. */
    private static void merge(List<Found> found, Found f) {
        for (Found other : found) {
            long shared =
                    f.participants.stream().filter(other.participants::contains).count();
            boolean placeAgrees = f.place == null || other.place == null || f.place == other.place;
            boolean samePlace = f.place != null && f.place == other.place;
            String d1 = f.date == null ? null : f.date.date();
            String d2 = other.date == null ? null : other.date.date();
            // "this week" and "on Tuesday" of that week agree, and the day is kept
            boolean nested = d1 != null && d2 != null && (f.date.covers(other.date) || other.date.covers(f.date));
            boolean dateAgrees = d1 == null || d2 == null || d1.equals(d2) || nested;
            // a week and a day in it agree but are not enough, alone, to make two mentions one
            boolean sameDate = d1 != null && d1.equals(d2);
            boolean subset =
                    other.participants.containsAll(f.participants) || f.participants.containsAll(other.participants);
            // people who attend many meetings (two envoys) are not enough to make two mentions one
            // meeting: the place, the day, or the whole company must agree as well
            boolean same = samePlace || sameDate || subset;
            // a body's gathering told twice ("EU leaders are deciding …", "EU leaders consider …")
            boolean sameBody = f.participants.size() == 1 && other.participants.equals(f.participants);
            if (placeAgrees
                    && dateAgrees
                    && same
                    && shared >= 1
                    && (shared >= 2 || samePlace || sameDate || sameBody)) {
                absorb(other, f);
                if (d2 == null && d1 != null || f.date != null && f.date.finerThan(other.date)) {
                    other.date = f.date;
                }
                if (!other.status.equals("held") && f.status.equals("held")) {
                    other.status = "held";
                }
                if (!other.rule.endsWith(MERGED)) {
                    other.rule += MERGED;
                }
                other.confidence = Math.min(0.95, other.confidence + 0.05);
                return;
            }
        }
        found.add(f);
    }

    /** The meeting of the graph on the mention's day, in its place, with its participants; else null. */
    private static String graphMeeting(Found f, List<KnownGraph.KnownMeeting> known) {
        for (KnownGraph.KnownMeeting m : known) {
            if (f.date == null || !m.date().equals(f.date.date())) {
                continue;
            }
            boolean placeOk =
                    f.place == null || m.places().isEmpty() || m.places().contains(f.place.id);
            long shared = f.participants.stream()
                    .filter(p -> m.participants().contains(p.id))
                    .count();
            if (placeOk && shared >= Math.min(2, f.participants.size())) {
                return m.id();
            }
        }
        return null;
    }

    private static void emit(Context cx, List<Found> found) {
        List<String> dates = found.stream()
                .filter(f -> f.date != null && f.date.date() != null)
                .map(f -> f.date.date())
                .distinct()
                .sorted()
                .toList();
        List<KnownGraph.KnownMeeting> known = cx.known.meetingsOn(dates);
        // each mention's meeting of the graph; two mentions of one graph meeting are one meeting
        Map<Found, String> graphIds = new LinkedHashMap<>();
        Map<String, Found> byGraphId = new HashMap<>();
        List<Found> meetings = new ArrayList<>();
        for (Found f : found) {
            String match = graphMeeting(f, known);
            Found earlier = match == null ? null : byGraphId.get(match);
            if (earlier != null) {
                absorb(earlier, f);
                continue;
            }
            if (match != null) {
                graphIds.put(f, match);
                byGraphId.put(match, f);
            }
            meetings.add(f);
        }
        for (Found f : meetings) {
            String id = graphIds.get(f);
            String rule = id == null ? f.rule : f.rule + GRAPH_MATCH;
            List<String> names = f.participants.stream()
                    .filter(p -> p.label.equals("Person"))
                    .map(p -> p.name.substring(p.name.lastIndexOf(' ') + 1))
                    .limit(3)
                    .collect(Collectors.toList());
            if (names.isEmpty()) {
                f.participants.stream().limit(3).forEach(p -> names.add(p.name));
            }
            if (id == null) {
                String base = "meeting-" + String.join("-", names)
                        + (f.place == null ? "" : "-" + f.place.name)
                        + (f.date == null || f.date.date() == null ? "" : "-" + f.date.date());
                id = cx.draft.freshId(Slugs.slug(base, 100));
            } else {
                cx.draft.reserve(id);
            }
            int first = f.sentences.iterator().next();
            Draft.Fact fact = cx.draft.fact(id, "Meeting", Context.round(f.confidence), rule, cx.evidence(first));
            f.sentences.forEach(s -> fact.evidence.add(cx.evidence(s)));
            String who = f.participants.stream().map(p -> p.name).collect(Collectors.joining(", "));
            fact.properties.put("title", "Meeting of " + who + (f.place == null ? "" : " in " + f.place.name));
            fact.properties.put("status", f.status);
            fact.properties.put("summary", cx.evidence(first));
            if (f.date != null) {
                if (f.date.date() != null) {
                    fact.properties.put("date", f.date.date());
                    fact.properties.put("datePrecision", f.date.precision());
                    fact.properties.put("dateRule", f.date.rule());
                }
                fact.properties.put("dateText", f.date.text());
            }
            String evidence = cx.evidence(first);
            for (Entities.Cluster p : f.participants) {
                p.referenced = true;
                if (p.label.equals("Person")) {
                    Draft.Relationship r = cx.draft.relate("ATTENDED", p.id, id, evidence, fact.confidence, rule);
                    r.properties.put("role", p == f.host ? "host" : "participant");
                    if (p.side != null) {
                        p.side.referenced = true;
                        r.properties.put("side", p.side.id);
                    }
                } else {
                    cx.draft.relate("PARTY_TO", p.id, id, evidence, fact.confidence, rule);
                }
            }
            if (f.place != null) {
                f.place.referenced = true;
                cx.draft.relate("HELD_IN", id, f.place.id, evidence, fact.confidence, rule);
            }
        }
    }
}
