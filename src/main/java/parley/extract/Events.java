package parley.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Events: strikes, attacks, captures, invasions, with who carried them out (the subject, or the
 * state an adjective names: "Ukrainian drone attacks"), the target, where, and the numbers killed
 * and wounded that the sentence states. One event per sentence; the sentence is its summary.
 */
final class Events {

    static final String TRIGGER = "event:trigger";
    static final String CASUALTIES = "+casualties";
    /** The kind of attacks told as one ongoing activity: "has been attacking refineries throughout 2024". */
    static final String CAMPAIGN = "strike-campaign";

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("strike", "strike"),
            Map.entry("bomb", "strike"),
            Map.entry("bombard", "strike"),
            Map.entry("bombardment", "strike"),
            Map.entry("shell", "strike"),
            Map.entry("shelling", "strike"),
            Map.entry("airstrike", "strike"),
            Map.entry("attack", "attack"),
            Map.entry("raid", "attack"),
            Map.entry("assault", "attack"),
            Map.entry("offensive", "offensive"),
            Map.entry("capture", "capture"),
            Map.entry("seize", "capture"),
            Map.entry("occupy", "capture"),
            Map.entry("invade", "invasion"),
            Map.entry("invasion", "invasion"),
            Map.entry("annex", "annexation"),
            Map.entry("annexation", "annexation"));
    private static final Set<String> WEAPONS = Set.of("drone", "missile", "rocket");
    private static final List<String> PRECEDENCE =
            List.of("invasion", "annexation", "capture", "offensive", "strike", "attack");

    private Events() {}

    /** An event drafted so far: what a later sentence's "the attack" may refer back to. */
    private record Made(
            Draft.Fact fact, String family, int sentence, Entities.Cluster actor, Set<Entities.Cluster> places) {}

    /** Kinds that a later mention may name by another word: a drone attack is "the strike". */
    static String family(String kind) {
        return kind.endsWith("strike") || kind.endsWith("attack") ? "attack" : kind;
    }

    /**
     * "The attack, which X said took place on Friday, …": a trigger noun with a definite
     * determiner, in one of the two sentences after an event of its family by the same (or no
     * named) actor and in the same (or no named) place, is that event mentioned again; its
     * evidence, places, date (where the event had none) and the numbers killed and wounded it did
     * not have go to that event, and no new one is drafted.
     */
    private static Made antecedent(
            SemanticGraph g,
            int s,
            List<IndexedWord> triggers,
            String kind,
            Entities.Cluster actor,
            Set<Entities.Cluster> places,
            List<Made> made) {
        if (made.isEmpty()) {
            return null;
        }
        Made last = made.getLast();
        if (s - last.sentence() > 2
                || !last.family().equals(family(kind))
                || actor != null && last.actor() != null && actor != last.actor()
                || !places.isEmpty() && !last.places().isEmpty() && Collections.disjoint(places, last.places())) {
            return null;
        }
        for (IndexedWord t : triggers) {
            if (t.tag().startsWith("NN")
                    && AnnotatedArticle.children(g, t, "det").stream().anyMatch(d -> Set.of("the", "this", "that")
                            .contains(d.word().toLowerCase(Locale.ROOT)))) {
                return last;
            }
        }
        return null;
    }

    static void extract(Context cx) {
        int n = 0;
        List<Made> made = new ArrayList<>();
        for (int s = 0; s < cx.article.sentences.size(); s++) {
            if (!cx.usable(s)) {
                continue;
            }
            SemanticGraph g = cx.article.graph(s);
            List<IndexedWord> triggers = new ArrayList<>();
            String kind = null;
            boolean weapon = false;
            boolean launched = false;
            Long killed = null;
            Long wounded = null;
            for (IndexedWord w : cx.words(s)) {
                String lemma = Tense.lemma(w);
                String k = KINDS.get(lemma);
                if (k != null
                        && !(w.tag().startsWith("VB") && (Tense.negated(g, w) || unrealised(g, w)))
                        && !figurative(g, w)) {
                    triggers.add(w);
                    if (kind == null || PRECEDENCE.indexOf(k) < PRECEDENCE.indexOf(kind)) {
                        kind = k;
                    }
                }
                if (WEAPONS.contains(lemma)) {
                    weapon = true;
                }
                if (lemma.equals("launch") && w.tag().startsWith("VB")) {
                    for (IndexedWord o : AnnotatedArticle.children(g, w, "obj")) {
                        if (WEAPONS.contains(Tense.lemma(o))) {
                            launched = true;
                            triggers.add(w);
                        }
                    }
                }
                if (w.tag().startsWith("VB")
                        && (lemma.equals("kill") || lemma.equals("wound") || lemma.equals("injure"))) {
                    Long count = victims(cx, s, g, w);
                    if (count != null) {
                        if (lemma.equals("kill")) {
                            killed = count;
                        } else {
                            wounded = count;
                        }
                    }
                }
            }
            if (kind == null && launched) {
                kind = "attack";
            }
            if (kind == null) {
                continue;
            }
            if (weapon && (kind.equals("attack") || kind.equals("strike"))) {
                kind = "drone-attack";
                for (IndexedWord w : cx.words(s)) {
                    String l = Tense.lemma(w);
                    if (l.equals("missile") || l.equals("rocket")) {
                        kind = "missile-strike";
                    }
                    if (l.equals("drone")) {
                        kind = "drone-attack";
                        break;
                    }
                }
            }
            if (family(kind).equals("attack") && recurring(g, triggers.getFirst())) {
                kind = CAMPAIGN;
            }
            Entities.Cluster actor = null;
            Entities.Cluster target = null;
            for (IndexedWord t : triggers) {
                List<IndexedWord> passive = AnnotatedArticle.children(g, t, "nsubj:pass");
                if (!passive.isEmpty()) {
                    // "the port was struck by Spain": the subject is what was hit, the agent did it
                    for (IndexedWord p : passive) {
                        target = target != null ? target : hit(cx, s, g, p);
                    }
                    for (String rel : List.of("obl:agent", "obl:by")) {
                        for (IndexedWord by : AnnotatedArticle.children(g, t, rel)) {
                            if (actor == null) {
                                actor = cx.groupState(s, by);
                            }
                            if (actor == null) {
                                actor = ownerState(cx, s, g, by);
                            }
                        }
                    }
                } else if (actor == null) {
                    actor = cx.subject(s, t);
                    for (IndexedWord subj : AnnotatedArticle.children(g, t, "nsubj")) {
                        // "Russian drones struck …": the state of the weapons or forces named
                        actor = actor != null ? actor : ownerState(cx, s, g, subj);
                    }
                }
                if (actor == null) {
                    // "Russian strikes", "Ukraine's attack": the state the trigger noun is of
                    actor = ownerState(cx, s, g, t);
                }
                if (target == null
                        && t.tag().startsWith("VB")
                        && !Tense.lemma(t).equals("launch")) {
                    for (IndexedWord o : AnnotatedArticle.children(g, t, "obj")) {
                        Entities.Cluster c = hit(cx, s, g, o);
                        target = c != null ? c : target;
                    }
                }
            }
            Set<Entities.Cluster> places = places(cx, s, g, triggers.getFirst());
            Made earlier = antecedent(g, s, triggers, kind, actor, places, made);
            if (earlier != null) {
                mentionAgain(cx, s, earlier, triggers.getFirst(), places, killed, wounded);
                continue;
            }
            if (actor == null && target == null && places.isEmpty() && killed == null && wounded == null) {
                continue;
            }
            n++;
            String rule = TRIGGER + ":" + kind + (killed != null || wounded != null ? CASUALTIES : "");
            double confidence = 0.6 + (actor != null ? 0.1 : 0) + (killed != null || wounded != null ? 0.05 : 0);
            confidence = Context.round(confidence);
            String id = cx.draft.freshId("event-" + cx.sourceId + "-" + n);
            Draft.Fact fact = cx.draft.fact(id, "Event", confidence, rule, cx.evidence(s));
            fact.properties.put("kind", kind);
            fact.properties.put("summary", cx.evidence(s));
            if (killed != null) {
                fact.properties.put("killed", killed);
            }
            if (wounded != null) {
                fact.properties.put("wounded", wounded);
            }
            Dates.Resolved date = Dates.ofHappening(cx.article, s, triggers.getFirst());
            if (date != null) {
                if (date.date() != null) {
                    fact.properties.put("date", date.date());
                    fact.properties.put("datePrecision", date.precision());
                }
                fact.properties.put("dateText", date.text());
            }
            String evidence = cx.evidence(s);
            if (Context.isActor(actor)) {
                actor.referenced = true;
                cx.draft.relate("CARRIED_OUT", actor.id, id, evidence, confidence, rule);
            }
            if (target != null && target != actor) {
                target.referenced = true;
                cx.draft.relate("TARGETED", id, target.id, evidence, confidence, rule);
            }
            for (Entities.Cluster p : places) {
                p.referenced = true;
                cx.draft.relate("OCCURRED_IN", id, p.id, evidence, confidence, rule);
            }
            made.add(new Made(fact, family(kind), s, Context.isActor(actor) ? actor : null, places));
        }
    }

    /** The sentence as more evidence of an event drafted before, with the date and places it adds. */
    private static void mentionAgain(
            Context cx,
            int s,
            Made earlier,
            IndexedWord trigger,
            Set<Entities.Cluster> places,
            Long killed,
            Long wounded) {
        Draft.Fact fact = earlier.fact();
        String evidence = cx.evidence(s);
        if (!fact.evidence.contains(evidence)) {
            fact.evidence.add(evidence);
        }
        Dates.Resolved date = Dates.ofHappening(cx.article, s, trigger);
        if (date != null && date.date() != null && !fact.properties.containsKey("date")) {
            fact.properties.put("date", date.date());
            fact.properties.put("datePrecision", date.precision());
            fact.properties.put("dateText", date.text());
        }
        // "The attack killed three people": the numbers the event did not have yet
        if (killed != null && !fact.properties.containsKey("killed")) {
            fact.properties.put("killed", killed);
        }
        if (wounded != null && !fact.properties.containsKey("wounded")) {
            fact.properties.put("wounded", wounded);
        }
        for (Entities.Cluster p : places) {
            p.referenced = true;
            cx.draft.relate("OCCURRED_IN", fact.id, p.id, evidence, fact.confidence, fact.rule);
        }
    }

    /**
     * "X has been attacking refineries", "X attacked refineries throughout 2024 and 2025": a verb of
     * attack in the perfect progressive, or over a stretch of time ("throughout"), tells of attacks
     * repeated over that time, a campaign, not of one attack on a day.
     */
    static boolean recurring(SemanticGraph g, IndexedWord trigger) {
        if (!trigger.tag().startsWith("VB")) {
            return false;
        }
        List<IndexedWord> aux = AnnotatedArticle.children(g, trigger, "aux");
        boolean perfectProgressive = trigger.tag().equals("VBG")
                && aux.stream().anyMatch(a -> a.word().equalsIgnoreCase("been"))
                && aux.stream().anyMatch(a -> Tense.lemma(a).equals("have"));
        return perfectProgressive
                || !AnnotatedArticle.children(g, trigger, "obl:throughout").isEmpty();
    }

    /** Objects that make a verb of attack an idiom: "struck a deal", "strike a balance". */
    private static final Set<String> IDIOM_OBJECTS =
            Set.of("deal", "agreement", "balance", "tone", "chord", "bargain", "compromise", "pose", "note", "blow");

    /** "EU leaders struck a deal": no attack. */
    static boolean figurative(SemanticGraph g, IndexedWord w) {
        if (!w.tag().startsWith("VB")) {
            return false;
        }
        return AnnotatedArticle.children(g, w, "obj").stream().anyMatch(o -> IDIOM_OBJECTS.contains(Tense.lemma(o)));
    }

    /** What a noun names as hit: an actor or a place, or the place it is of ("the port of Odesa"); else null. */
    private static Entities.Cluster hit(Context cx, int s, SemanticGraph g, IndexedWord noun) {
        Entities.Cluster c = cx.entities.resolve(s, noun);
        if (c == null) {
            for (IndexedWord of : AnnotatedArticle.children(g, noun, "nmod:of")) {
                Entities.Cluster p = cx.entities.resolve(s, of);
                c = c == null && p != null && p.label.equals("Place") ? p : c;
            }
        }
        return c != null && (Context.isActor(c) || c.label.equals("Place")) ? c : null;
    }

    /** The state a nationality adjective or possessive gives a noun: "Russian drones", "Ukraine's navy"; else null. */
    private static Entities.Cluster ownerState(Context cx, int s, SemanticGraph g, IndexedWord noun) {
        for (String rel : List.of("amod", "nmod:poss", "compound")) {
            for (IndexedWord m : AnnotatedArticle.children(g, noun, rel)) {
                Entities.Cluster c = cx.entities.stateOf(s, m);
                if (Context.isActor(c)) {
                    return c;
                }
            }
        }
        return null;
    }

    /**
     * "failed to capture", "threatened to strike": the act did not (yet) happen; "denied shelling
     * the port", "denied that its forces had shelled the port": the act is denied, not reported.
     */
    private static boolean unrealised(SemanticGraph g, IndexedWord verb) {
        var up = AnnotatedArticle.parentEdge(g, verb);
        if (up == null) {
            return false;
        }
        String rel = up.getRelation().toString();
        if (rel.equals("amod") && verb.tag().equals("VBG")) {
            // the gerund parsed as an adjective of its object: "denied targeting civilians"
            up = AnnotatedArticle.parentEdge(g, up.getGovernor());
            if (up == null) {
                return false;
            }
            rel = up.getRelation().toString();
        }
        String governor = Tense.lemma(up.getGovernor());
        if (Claims.CLAUSE_DENY_VERBS.contains(governor)
                && (rel.startsWith("xcomp") || rel.equals("dep") || rel.equals("ccomp") || rel.equals("obj"))) {
            return true;
        }
        return rel.startsWith("xcomp") && UNREALISED.contains(governor);
    }

    private static final Set<String> UNREALISED = Set.of(
            "fail",
            "refuse",
            "threaten",
            "plan",
            "seek",
            "want",
            "try",
            "vow",
            "pledge",
            "aim",
            "intend",
            "hope",
            "prepare",
            "decline");

    /** The number of people a "killed"/"wounded" verb counts: "wounded six people", "three people were killed". */
    private static Long victims(Context cx, int s, SemanticGraph g, IndexedWord verb) {
        List<IndexedWord> heads = new ArrayList<>(AnnotatedArticle.children(g, verb, "obj"));
        heads.addAll(AnnotatedArticle.children(g, verb, "nsubj:pass"));
        for (IndexedWord h : heads) {
            for (IndexedWord num : AnnotatedArticle.children(g, h, "nummod")) {
                Long v = number(cx.article.token(s, num.index()));
                if (v != null) {
                    return v;
                }
            }
            if (h.tag().equals("CD")) {
                Long v = number(cx.article.token(s, h.index()));
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static Long number(CoreLabel t) {
        String normalized = t.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
        if (normalized == null || !"NUMBER".equals(t.ner())) {
            return null;
        }
        try {
            double d = Double.parseDouble(normalized.replace(",", ""));
            return d >= 0 && d == Math.floor(d) ? (long) d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Places the sentence puts the event "in", "near", "on" or "at", in the trigger's line of
     * clauses (not "truce talks in Jeddah" beside "cities it has seized").
     */
    private static Set<Entities.Cluster> places(Context cx, int s, SemanticGraph g, IndexedWord trigger) {
        Set<Entities.Cluster> out = new LinkedHashSet<>();
        for (IndexedWord w : cx.words(s)) {
            Entities.Cluster c = cx.entities.at(s, w.index());
            if (c == null || !c.label.equals("Place") || w.index() < 2 || !Meetings.sameClauseLine(g, trigger, w)) {
                continue;
            }
            if (cx.entities.at(s, w.index() - 1) == c) {
                continue;
            }
            String before = cx.article.token(s, w.index() - 1).word().toLowerCase(Locale.ROOT);
            if (Set.of("in", "near", "on", "at", "over").contains(before)) {
                out.add(c);
            }
        }
        return out;
    }
}
