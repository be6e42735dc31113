package parley.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
    /** "X said its drones struck …", "… have seized the villages, the ministry said": a reported past event. */
    static final String REPORTED_EVENT = "claim:verb-say+past-event";
    /** "… was damaged in the attack, according to the military": a past event on a named source's word. */
    static final String ACCORDING_TO = "claim:according-to+past-event";
    /**
     * "X said that Y is due to meet Z", "X said Y wants to shift the pressure onto Z": reported
     * speech about what another named party does or wants is an assertion others may dispute, a
     * Claim; the speaker's views ("the talks were productive"), own doings and possibilities stay
     * a Statement.
     */
    static final String REPORTED_OF_ANOTHER = "claim:verb-say+ccomp+other-party";
    /**
     * "Ukraine says that Russian oil infrastructure is a legitimate target", "the ministry added that
     * …": what a state or an institution (or an office holder known only as its) asserts is that
     * party's position, a claim others may dispute; a person's reported words stay a Statement.
     */
    static final String REPORTED_BY_PARTY = "claim:verb-say+ccomp+party";
    /** "X accused Y of …": X's claim. */
    static final String ACCUSATION = "claim:verb-accuse+of";
    /** "X issued a warrant for Y's arrest over …", "X charged Y with …", "X indicted Y": X's accusation. */
    static final String CHARGE = "claim:verb-charge";
    /** Verbs of a legal accusation (with {@link #charge} deciding whether they are one). */
    private static final Set<String> LEGAL_VERBS = Set.of("issue", "charge", "indict");
    /** "X called the reports false", "X dismissed the claims as fabricated": a denial of a claim. */
    static final String CALLED_FALSE = "claim:verb-call+false";

    /**
     * Verbs of a checkable event of war or movement: a past event of this kind that a named speaker
     * reports ("X said its drones struck …") is that speaker's claim, not an opinion; a clause about
     * the speaker's own doing ("X said he had briefed …"), a plan, a modal or an opinion stays a
     * Statement.
     */
    static final Set<String> EVENT_VERBS = Set.of(
            "strike",
            "hit",
            "attack",
            "seize",
            "capture",
            "occupy",
            "target",
            "kill",
            "wound",
            "injure",
            "destroy",
            "damage",
            "shoot",
            "intercept",
            "down",
            "shell",
            "bomb",
            "deport",
            "relocate",
            "transfer",
            "abduct",
            "travel",
            "advance",
            "withdraw",
            "retreat",
            "encircle",
            "take",
            "annex");
    /** Words that call an assertion false: "called the reports false / a fabrication". */
    static final Set<String> FALSE_WORDS = Set.of(
            "false",
            "untrue",
            "baseless",
            "groundless",
            "unfounded",
            "fabricated",
            "fake",
            "fabrication",
            "lie",
            "nonsense",
            "absurd",
            "disinformation",
            "propaganda");
    /** Verbs that call something by a name: "X called / described / labelled the claims false". */
    static final Set<String> CALL_VERBS = Set.of("call", "describe", "label", "brand", "dismiss");

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
                Reported according = accordingTo(cx, s, g, w);
                if (according != null) {
                    if (!overlapsQuote(quotes, according.content, false)) {
                        n++;
                        Made m = claim(cx, s, w, n, according.speaker, according.content, ACCORDING_TO, 0.7);
                        made.add(m);
                        for (Entities.Cluster other : according.also) {
                            other.referenced = true;
                            cx.draft.relate("CLAIMS", other.id, m.fact.id, cx.evidence(s), 0.6, ACCORDING_TO);
                        }
                    }
                    continue;
                }
                String lemma = Tense.lemma(w);
                boolean deny = DENY_VERBS.contains(lemma);
                boolean calledFalse = CALL_VERBS.contains(lemma) && calledFalse(g, w);
                boolean statement = STATEMENT_VERBS.contains(lemma);
                boolean accuse = lemma.equals("accuse");
                boolean legal = LEGAL_VERBS.contains(lemma);
                if (!deny && !calledFalse && !statement && !legal && !CLAIM_VERBS.contains(lemma)) {
                    continue;
                }
                deny |= calledFalse;
                if (passive(g, w) || unnamedSubject(g, w)) {
                    // "it was reported that …" names no speaker; "a US official confirmed …" no named one
                    continue;
                }
                Entities.Cluster speaker = cx.subject(s, w);
                if (speaker == null) {
                    speaker = sourceOf(cx, s, g, w);
                }
                if (speaker == null && !deny) {
                    // "X and others kept claiming that …": the subject of the verb it completes
                    SemanticGraphEdge up = AnnotatedArticle.parentEdge(g, w);
                    if (up != null && up.getRelation().toString().equals("xcomp")) {
                        speaker = cx.subject(s, up.getGovernor());
                    }
                }
                if (speaker == null && !deny) {
                    // "…, the Chilean Defence Ministry said", its subject parsed as an apposition
                    speaker = namedSubject(cx, s, g, w);
                }
                if (!Context.isActor(speaker) || Tense.negated(g, w)) {
                    continue;
                }
                if (legal) {
                    List<IndexedWord> charged = charge(cx, s, g, w);
                    if (!charged.isEmpty() && !overlapsQuote(quotes, charged, false)) {
                        n++;
                        made.add(claim(cx, s, w, n, speaker, charged, CHARGE, 0.65));
                    }
                    continue;
                }
                List<IndexedWord> content = new ArrayList<>();
                IndexedWord clause = null;
                boolean fromCcomp = false;
                boolean obligation = false;
                for (IndexedWord c : AnnotatedArticle.children(g, w, "ccomp")) {
                    if (deny && !CLAUSE_DENY_VERBS.contains(lemma)) {
                        // one denies or disputes that something happened, but rejects or dismisses
                        // a claim or report: a clause below "reject" is a misparse ("X rejects that
                        // option firmly, and Y …")
                        break;
                    }
                    clause = c;
                    fromCcomp = true;
                    content = cx.article.subtree(s, c, Set.of("mark", "cc", "conj"));
                    // "X said that Y must …" states a demand (Demands reads it), not a claim of fact
                    obligation = obligation(g, c);
                    break;
                }
                if (clause == null && !deny) {
                    // "X said after the attack, that Y …", the clause parsed as a loose dependent of
                    // its "that": the words after it
                    IndexedWord loose = looseThat(g, w);
                    if (loose != null) {
                        clause = loose;
                        fromCcomp = true;
                        content = cx.article.subtree(s, loose, Set.of());
                        obligation = obligation(g, loose);
                    }
                }
                if (clause == null && !deny && !statement) {
                    // "… after X claimed they had captured Y", parsed with the claim hanging from
                    // the clause it reports: that clause, from after the verb
                    IndexedWord reported = reportedGovernor(g, w);
                    if (reported != null) {
                        clause = reported;
                        fromCcomp = true;
                        List<IndexedWord> after = new ArrayList<>();
                        for (IndexedWord x : cx.article.subtree(s, reported, Set.of("mark", "cc", "conj"))) {
                            if (x.index() > w.index()) {
                                after.add(x);
                            }
                        }
                        content = around(after, reported);
                        obligation = obligation(g, reported);
                    }
                }
                if (clause == null && !deny) {
                    clause = eventClause(cx, s, g, w);
                    if (clause != null) {
                        // "the attack, which X said took place on Friday": the clause as object;
                        // "Y have seized the villages, the ministry said": the clause above
                        if (clause.index() > w.index()) {
                            content = cx.article.subtree(s, clause, Set.of("mark", "cc", "conj", "dep"));
                        } else {
                            // up to the comma before the reporting clause: its subject, where the
                            // parser hung it on the event as an apposition, is not the event's
                            int comma = reportingComma(cx, s, w);
                            List<IndexedWord> before = new ArrayList<>();
                            for (IndexedWord x : cx.article.subtree(s, clause, Set.of("parataxis", "dep"))) {
                                if (x.index() < comma) {
                                    before.add(x);
                                }
                            }
                            content = around(before, clause);
                        }
                    }
                }
                if (obligation && !deny) {
                    continue;
                }
                if (accuse && content.isEmpty()) {
                    content = accusation(cx, s, g, w);
                }
                boolean assertionObject = false;
                if (content.isEmpty() && calledFalse) {
                    assertionObject = true;
                    content = cx.article.subtree(s, calledFalseObject(g, w), Set.of());
                }
                if (content.isEmpty() && deny) {
                    for (IndexedWord o : AnnotatedArticle.children(g, w, "obj")) {
                        assertionObject = ASSERTION_NOUNS.contains(Tense.lemma(o));
                        if (assertionObject || lemma.equals("deny")) {
                            content = cx.article.subtree(s, o, Set.of());
                        }
                        break;
                    }
                    if (calledFalse && !assertionObject) {
                        continue;
                    }
                }
                boolean deniedDoing = false;
                if (!content.isEmpty() && lemma.equals("deny") && !assertionObject) {
                    // "denied targeting civilians" parsed with the gerund as an adjective of its object
                    IndexedWord first = content.getFirst();
                    var up = AnnotatedArticle.parentEdge(g, first);
                    deniedDoing = first.tag().equals("VBG")
                            && up != null
                            && up.getRelation().toString().equals("amod")
                            && content.size() >= 2;
                }
                if (content.isEmpty() && lemma.equals("deny")) {
                    // "The group denied targeting civilians": the deed, a gerund, is what is denied
                    List<IndexedWord> deeds = new ArrayList<>(AnnotatedArticle.children(g, w, "xcomp"));
                    deeds.addAll(AnnotatedArticle.children(g, w, "dep"));
                    for (IndexedWord c : deeds) {
                        if (c.tag().equals("VBG") && c.index() > w.index() && !Tense.negated(g, c)) {
                            content = cx.article.subtree(s, c, Set.of("cc", "conj", "advcl", "parataxis", "punct"));
                            deniedDoing = content.size() >= 2;
                            break;
                        }
                    }
                }
                if (content.isEmpty() && !assertionObject) {
                    continue;
                }
                String text = cx.article.span(content);
                if (!cx.evidence(s).contains(text)
                        || text.split("\\s+").length < 3 && !assertionObject && !deniedDoing) {
                    continue;
                }
                if (overlapsQuote(quotes, content, false) && !quotedClaim(quotes, g, w, content)) {
                    // a quotation inside the clause makes it a quote, unless the clause is a past
                    // event with a scare-quoted phrase ("… moved to "transit camps"")
                    Entities.Cluster named = namedSubject(cx, s, g, w);
                    if (overlapsQuote(quotes, content, true)
                            || clause == null
                            || named == null
                            || !pastEvent(cx, s, g, clause, named)) {
                        continue;
                    }
                }
                if (statement) {
                    Entities.Cluster named = namedSubject(cx, s, g, w);
                    if (clause != null && named != null && pastEvent(cx, s, g, clause, named)) {
                        n++;
                        made.add(claim(cx, s, w, n, named, content, REPORTED_EVENT, 0.7));
                        continue;
                    }
                    if (!fromCcomp) {
                        continue;
                    }
                    if (aboutAnother(cx, s, g, clause, speaker)) {
                        n++;
                        made.add(claim(cx, s, w, n, speaker, content, REPORTED_OF_ANOTHER, 0.65));
                        continue;
                    }
                    if (!speaker.label.equals("Person")
                            && assertion(g, clause)
                            && !ownDoing(cx, s, g, clause, speaker)) {
                        n++;
                        made.add(claim(cx, s, w, n, speaker, content, REPORTED_BY_PARTY, 0.6));
                        continue;
                    }
                    statements++;
                    String id = cx.draft.freshId("statement-" + cx.sourceId + "-reported-" + statements);
                    Draft.Fact fact = cx.draft.fact(id, "Statement", 0.7, REPORTED_STATEMENT, cx.evidence(s));
                    fact.properties.put("text", text);
                    speaker.referenced = true;
                    cx.draft.relate("SAID", speaker.id, id, cx.evidence(s), 0.7, REPORTED_STATEMENT);
                    continue;
                }
                if (!fromCcomp && !accuse && !deny) {
                    // a verb of asserting reads its own "that" clause; the clause above it or as
                    // its object only when the clause is a past event ("…, the ministry reported")
                    Entities.Cluster named = namedSubject(cx, s, g, w);
                    if (clause == null || named == null || !pastEvent(cx, s, g, clause, named)) {
                        continue;
                    }
                    speaker = named;
                }
                Set<String> words = words(text);
                if (deny) {
                    Made target = sameAssertion(made, words, speaker);
                    if (target == null && assertionObject && !made.isEmpty()) {
                        Made last = made.getLast();
                        if (s - last.sentence <= 2 && last.by != speaker) {
                            target = last;
                        }
                    }
                    if (target != null) {
                        String rule = calledFalse ? CALLED_FALSE : DENIAL_OF_CLAIM;
                        speaker.referenced = true;
                        if (!target.fact.evidence.contains(cx.evidence(s))) {
                            target.fact.evidence.add(cx.evidence(s));
                        }
                        cx.draft.relate("DENIES", speaker.id, target.fact.id, cx.evidence(s), 0.7, rule);
                        continue;
                    }
                    if (assertionObject && text.split("\\s+").length < 3) {
                        continue;
                    }
                }
                n++;
                String rule = deny ? (calledFalse ? CALLED_FALSE : DENIAL) : accuse ? ACCUSATION : REPORTED_SPEECH;
                made.add(claim(cx, s, w, n, speaker, content, rule, deny ? 0.65 : 0.75));
            }
        }
        n = quotedAssertions(cx, quotes, made, n);
        stances(cx, quotes, made, n);
    }

    /** "The administration is definitely in the driver's seat": the publisher's own judgement. */
    static final String STANCE = "claim:publisher+stance";
    /** Adverbs by which a writer vouches for a judgement of their own. */
    static final Set<String> STANCE_ADVERBS = Set.of(
            "definitely",
            "certainly",
            "clearly",
            "obviously",
            "undoubtedly",
            "surely",
            "presumably",
            "evidently",
            "plainly",
            "unquestionably",
            "undeniably");
    /** A sentence that ends as a statement ends, not a heading, a question or a lead-in to a list. */
    private static final Pattern FULL_SENTENCE = Pattern.compile("[.!…][\"”’)]?$");
    /** Verbs of how something looks: "the delegation didn't look happy" is the writer's reading of it. */
    private static final Set<String> APPEARANCE_VERBS = Set.of("look", "seem", "appear");

    /**
     * The article's own judgements, claims of its publisher when one is given: a sentence outside
     * any quotation, with no verb of saying or asserting and no "according to" (then the judgement is
     * someone else's), that a stance adverb vouches for ("is definitely …", "presumably is …") or whose
     * main verb tells how something looks ("didn't look happy"). Without a publisher there is no one
     * to hold to it, and no claim.
     */
    private static void stances(Context cx, Quotes quotes, List<Made> made, int n) {
        if (cx.publisher == null) {
            return;
        }
        for (int s = 0; s < cx.article.sentences.size(); s++) {
            int sentence = s;
            String evidence = cx.evidence(s);
            if (!cx.usable(s)
                    || !FULL_SENTENCE.matcher(evidence.strip()).find()
                    || made.stream().anyMatch(m -> m.sentence == sentence)) {
                continue;
            }
            // the words of the evidence: not a heading the splitter joined to the sentence
            int start = cx.article.text.indexOf(
                    evidence, cx.article.sentences.get(s).charOffsets().first());
            List<IndexedWord> words = new ArrayList<>(cx.words(s));
            words.removeIf(w -> w.beginPosition() < start);
            if (words.isEmpty() || overlapsQuote(quotes, words, false)) {
                continue;
            }
            SemanticGraph g = cx.article.graph(s);
            boolean reported = false;
            boolean stance = false;
            for (IndexedWord w : words) {
                String lemma = Tense.lemma(w);
                reported |= w.tag().startsWith("VB") && (STATEMENT_VERBS.contains(lemma) || CLAIM_VERBS.contains(lemma))
                        || w.word().equalsIgnoreCase("according");
                stance |= w.tag().startsWith("RB")
                        && STANCE_ADVERBS.contains(w.word().toLowerCase(Locale.ROOT));
            }
            IndexedWord root = g.getFirstRoot();
            if (root == null || root.beginPosition() < start) {
                continue;
            }
            stance |= root.tag().startsWith("VB")
                    && APPEARANCE_VERBS.contains(Tense.lemma(root))
                    && !AnnotatedArticle.children(g, root, "nsubj").isEmpty();
            if (reported || !stance) {
                continue;
            }
            List<IndexedWord> content = new ArrayList<>();
            for (IndexedWord w : words) {
                if (!AnnotatedArticle.isPunct(w) || !content.isEmpty()) {
                    content.add(w);
                }
            }
            while (!content.isEmpty() && AnnotatedArticle.isPunct(content.getLast())) {
                content.removeLast();
            }
            if (content.size() < 4) {
                continue;
            }
            Entities.Cluster publisher = cx.entities.publisher(cx.publisher, s);
            n++;
            made.add(claim(cx, s, root, n, publisher, content, STANCE, 0.5));
        }
    }

    private record Reported(Entities.Cluster speaker, List<IndexedWord> content, List<Entities.Cluster> also) {}

    /** A quotation that calls an assertion false: "This whole narrative that … is silly." */
    static final String QUOTED_DENIAL = "claim:quote+copula-false";
    /** A quotation that reports an act of war as done or under way: "Our troops are advancing …". */
    static final String QUOTED_EVENT = "claim:quote+event";

    /** Words that dismiss an assertion as its predicate: the words of falsity and a few scornful ones. */
    static final Set<String> DISMISSIVE = union(
            FALSE_WORDS, Set.of("silly", "ridiculous", "laughable", "wrong", "fiction", "fantasy", "myth", "rubbish"));
    /** What a speaker can call false: an assertion, or the story told about them. */
    static final Set<String> NARRATIVE_NOUNS =
            union(ASSERTION_NOUNS, Set.of("narrative", "story", "rumour", "rumor", "notion", "talk"));
    /** Acts of war a speaker may report in their own words; a modal or a negation makes them none. */
    static final Set<String> QUOTED_EVENT_VERBS = Set.of(
            "strike",
            "hit",
            "attack",
            "seize",
            "capture",
            "occupy",
            "destroy",
            "shoot",
            "intercept",
            "shell",
            "bomb",
            "advance",
            "encircle",
            "surround",
            "liberate",
            "retreat",
            "withdraw",
            "storm",
            "breach");

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    /**
     * Assertions inside direct quotations, given to the quotation's speaker: a denial when the
     * quotation calls a story false ("This whole narrative that we're forcing a deal is silly"),
     * a claim when it reports an act of war done or under way ("Our troops are advancing along the
     * whole front"). The quotation itself stays a Statement; the claim is what can be disputed.
     */
    private static int quotedAssertions(Context cx, Quotes quotes, List<Made> made, int n) {
        for (Quotes.Attributed q : quotes.attributed) {
            if (!Context.isActor(q.speaker())) {
                continue;
            }
            for (int s : q.sentences()) {
                SemanticGraph g = cx.article.graph(s);
                // the words of a story called false assert nothing of the speaker's
                List<IndexedWord> quoted = inside(cx.words(s), q);
                Set<IndexedWord> denied = new HashSet<>();
                for (IndexedWord w : quoted) {
                    IndexedWord story = dismissed(g, w);
                    if (story != null) {
                        List<IndexedWord> content = inside(cx.article.subtree(s, story, Set.of()), q);
                        denied.addAll(content);
                        if (content.size() >= 3) {
                            // the rest of the quotation goes on with the denial: cited whole
                            String passage = cx.article.passage(
                                    q.sentences().getFirst(), q.sentences().getLast(), q.end());
                            n = deny(cx, s, w, n, made, q.speaker(), content, passage);
                        }
                    }
                }
                for (IndexedWord w : quoted) {
                    if (!denied.contains(w)
                            && eventUnderWay(g, w)
                            && made.stream().noneMatch(m -> m.sentence == s && m.by == q.speaker())) {
                        List<IndexedWord> content = inside(cx.article.subtree(s, w, Set.of("parataxis", "ccomp")), q);
                        content = around(content, w);
                        if (content.size() >= 4) {
                            n++;
                            made.add(claim(cx, s, w, n, q.speaker(), content, QUOTED_EVENT, 0.65));
                        }
                    }
                }
            }
        }
        return n;
    }

    /** The story a word of dismissal is said of: "[this narrative that …] is silly"; else null. */
    private static IndexedWord dismissed(SemanticGraph g, IndexedWord w) {
        if (!DISMISSIVE.contains(Tense.lemma(w))
                || AnnotatedArticle.children(g, w, "cop").isEmpty()
                || Tense.negated(g, w)) {
            return null;
        }
        for (IndexedWord subj : AnnotatedArticle.children(g, w, "nsubj")) {
            if (NARRATIVE_NOUNS.contains(Tense.lemma(subj))) {
                return subj;
            }
        }
        return null;
    }

    /** An act of war, not negated and without a modal, done ("captured") or under way ("are advancing"). */
    private static boolean eventUnderWay(SemanticGraph g, IndexedWord w) {
        if (!w.tag().startsWith("VB") || !QUOTED_EVENT_VERBS.contains(Tense.lemma(w)) || Tense.negated(g, w)) {
            return false;
        }
        if (AnnotatedArticle.children(g, w, "nsubj").isEmpty()
                && AnnotatedArticle.children(g, w, "nsubj:pass").isEmpty()) {
            return false;
        }
        if (modal(g, w)) {
            return false;
        }
        Tense.Time time = Tense.of(g, w);
        return time == Tense.Time.PAST || time == Tense.Time.PRESENT && w.tag().equals("VBG");
    }

    /** The words of a quotation among the given ones. */
    private static List<IndexedWord> inside(List<IndexedWord> words, Quotes.Attributed q) {
        List<IndexedWord> out = new ArrayList<>();
        for (IndexedWord x : words) {
            if (x.beginPosition() >= q.begin() && x.endPosition() <= q.end()) {
                out.add(x);
            }
        }
        return out;
    }

    /**
     * A denial by the speaker of the assertion the content states: DENIES to a claim of the article
     * by someone else that shares most of its words, else a Claim of its own that the speaker
     * DENIES.
     */
    private static int deny(
            Context cx,
            int s,
            IndexedWord w,
            int n,
            List<Made> made,
            Entities.Cluster speaker,
            List<IndexedWord> content,
            String evidence) {
        Made target = sameAssertion(made, words(cx.article.span(content)), speaker);
        if (target != null) {
            speaker.referenced = true;
            target.fact.evidence.add(evidence);
            cx.draft.relate("DENIES", speaker.id, target.fact.id, evidence, 0.65, QUOTED_DENIAL);
            return n;
        }
        made.add(claim(cx, s, w, n + 1, speaker, content, QUOTED_DENIAL, 0.6, evidence));
        return n + 1;
    }

    /**
     * "X said following the attack, that the infrastructure … plays a role": a "that" hung from the
     * verb of saying as a loose dependent, after it, with the clause's words below it; its head word,
     * else null.
     */
    private static IndexedWord looseThat(SemanticGraph g, IndexedWord w) {
        for (IndexedWord that : AnnotatedArticle.children(g, w, "dep")) {
            if (that.index() > w.index()
                    && that.word().equalsIgnoreCase("that")
                    && that.tag().equals("IN")) {
                List<IndexedWord> below = AnnotatedArticle.children(g, that, "dep");
                return below.isEmpty() ? null : below.getFirst();
            }
        }
        return null;
    }

    /**
     * The clause a verb of asserting reports where the parser hung the verb from it as an adverbial
     * or a loose dependent ("after [officials claimed] they had captured Y"): a verb after the asserting
     * verb's own words, with a subject of its own; else null.
     */
    private static IndexedWord reportedGovernor(SemanticGraph g, IndexedWord w) {
        SemanticGraphEdge up = AnnotatedArticle.parentEdge(g, w);
        if (up == null
                || !(up.getRelation().toString().startsWith("advcl")
                        || up.getRelation().toString().equals("dep"))) {
            return null;
        }
        IndexedWord gov = up.getGovernor();
        if (!gov.tag().startsWith("VB")
                || gov.index() < w.index()
                || AnnotatedArticle.children(g, gov, "nsubj").isEmpty()
                || AnnotatedArticle.children(g, gov, "nsubj").getFirst().index() < w.index()) {
            return null;
        }
        return gov;
    }

    /**
     * Whether a reported clause tells what another named party does, did or wants: its subject a
     * name (not a pronoun, whose reading may be wrong) of an actor other than the speaker, and no
     * modal that makes it a possibility.
     */
    static boolean aboutAnother(Context cx, int s, SemanticGraph g, IndexedWord clause, Entities.Cluster speaker) {
        if (clause == null || obligation(g, clause)) {
            return false;
        }
        if (modal(g, clause)) {
            return false;
        }
        for (IndexedWord subj : AnnotatedArticle.children(g, clause, "nsubj")) {
            if (!subj.tag().startsWith("NNP")) {
                return false;
            }
            Entities.Cluster c = cx.entities.resolve(s, subj);
            return Context.isActor(c) && c != speaker;
        }
        return false;
    }

    /** Verbs of a speaker's own mind: "it feels optimistic", "it hopes …" report no fact. */
    private static final Set<String> MIND_VERBS = Set.of(
            "feel", "hope", "want", "wish", "believe", "think", "expect", "fear", "welcome", "like", "prefer", "intend",
            "plan", "aim", "seek");

    /**
     * Whether a reported clause asserts something as so: no modal that makes it a possibility, no
     * obligation, and not a verb of the speaker's own mind ("it feels optimistic").
     */
    static boolean assertion(SemanticGraph g, IndexedWord clause) {
        if (clause == null || obligation(g, clause) || MIND_VERBS.contains(Tense.lemma(clause))) {
            return false;
        }
        if (modal(g, clause)) {
            return false;
        }
        for (IndexedWord x : AnnotatedArticle.children(g, clause, "xcomp")) {
            if (MIND_VERBS.contains(Tense.lemma(x))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a reported clause tells of the speaker's own doing other than an act of war: "the
     * army said it was looking into the report", "the group said it had accepted the invitation"
     * (a statement of its own), not "the military said it had struck a command centre" (a claim).
     */
    private static boolean ownDoing(Context cx, int s, SemanticGraph g, IndexedWord clause, Entities.Cluster speaker) {
        return !EVENT_VERBS.contains(Tense.lemma(clause)) && speakersOwn(cx, s, g, clause, speaker);
    }

    /** Whether the subject of a clause (active or passive) is the speaker itself. */
    private static boolean speakersOwn(
            Context cx, int s, SemanticGraph g, IndexedWord clause, Entities.Cluster speaker) {
        for (String rel : List.of("nsubj", "nsubj:pass")) {
            for (IndexedWord subj : AnnotatedArticle.children(g, clause, rel)) {
                if (cx.entities.resolve(s, subj) == speaker) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The claim of the article, by someone other than the one denying, that a denial with these
     * words refers to: the one sharing the most of them, at least 40%; else null.
     */
    private static Made sameAssertion(List<Made> made, Set<String> words, Entities.Cluster denier) {
        Made target = null;
        double best = 0;
        for (Made m : made) {
            if (m.by == denier) {
                continue;
            }
            double overlap = overlap(words, m.words);
            if (overlap > best && overlap >= 0.4) {
                best = overlap;
                target = m;
            }
        }
        return target;
    }

    /** A Claim of the speaker with the content's text (CLAIMS, or DENIES for a denial's own claim). */
    private static Made claim(
            Context cx,
            int s,
            IndexedWord w,
            int n,
            Entities.Cluster speaker,
            List<IndexedWord> content,
            String rule,
            double confidence) {
        return claim(cx, s, w, n, speaker, content, rule, confidence, cx.evidence(s));
    }

    /** The same, cited by the given verbatim passage (the sentence, or the quotation it is in). */
    private static Made claim(
            Context cx,
            int s,
            IndexedWord w,
            int n,
            Entities.Cluster speaker,
            List<IndexedWord> content,
            String rule,
            double confidence,
            String evidence) {
        String text = cx.article.span(content);
        String id = cx.draft.freshId("claim-" + cx.sourceId + "-" + n);
        Draft.Fact fact = cx.draft.fact(id, "Claim", confidence, rule, evidence);
        fact.properties.put("text", text);
        Dates.Resolved date = Dates.of(cx.article, s, w);
        if (date != null && date.date() != null) {
            fact.properties.put("date", date.date());
            fact.properties.put("datePrecision", date.precision());
            fact.properties.put("dateText", date.text());
        }
        speaker.referenced = true;
        boolean denial = rule.equals(DENIAL) || rule.equals(CALLED_FALSE) || rule.equals(QUOTED_DENIAL);
        cx.draft.relate(denial ? "DENIES" : "CLAIMS", speaker.id, id, evidence, confidence, rule);
        return new Made(fact, speaker, s, words(text));
    }

    /** Modal auxiliaries: a clause with one is a possibility or a plan, not a reported event. */
    private static final Set<String> MODALS =
            Set.of("would", "could", "might", "may", "can", "should", "must", "will", "shall");

    /** Whether a verb has a modal auxiliary ("could strike", "will meet"). */
    private static boolean modal(SemanticGraph g, IndexedWord verb) {
        return AnnotatedArticle.children(g, verb, "aux").stream()
                .anyMatch(aux -> MODALS.contains(aux.word().toLowerCase(Locale.ROOT)));
    }

    /**
     * A past event of war or movement ({@link #EVENT_VERBS}), not negated, without a modal, whose
     * subject is not the speaker itself: "its drones struck …" (a claim), not "he had briefed …".
     */
    static boolean pastEvent(Context cx, int s, SemanticGraph g, IndexedWord c, Entities.Cluster speaker) {
        String lemma = Tense.lemma(c);
        if (!c.tag().startsWith("VB") || !EVENT_VERBS.contains(lemma) || Tense.negated(g, c)) {
            return false;
        }
        if (lemma.equals("take")
                && AnnotatedArticle.children(g, c, "obj").stream()
                        .noneMatch(o -> Set.of("place", "control").contains(Tense.lemma(o)))) {
            return false;
        }
        if (modal(g, c)) {
            return false;
        }
        return Tense.of(g, c) == Tense.Time.PAST && !speakersOwn(cx, s, g, c, speaker);
    }

    /**
     * The clause a verb of saying reports when it has no "that" clause: a verb as its object ("which
     * X said took place …") or the verb it hangs from ("Y have seized …, the ministry said").
     */
    private static IndexedWord eventClause(Context cx, int s, SemanticGraph g, IndexedWord w) {
        for (IndexedWord o : AnnotatedArticle.children(g, w, "obj")) {
            if (o.tag().startsWith("VB") && o.index() > w.index()) {
                return o;
            }
        }
        SemanticGraphEdge up = AnnotatedArticle.parentEdge(g, w);
        if (up != null) {
            String rel = up.getRelation().toString();
            IndexedWord gov = up.getGovernor();
            // "Y have seized …, the ministry said": the reporting clause set off by a comma
            boolean comma = reportingComma(cx, s, w) > 0;
            if ((rel.equals("parataxis") || rel.equals("dep"))
                    && comma
                    && gov.tag().startsWith("VB")
                    && gov.index() < w.index()) {
                return gov;
            }
        }
        return null;
    }

    /**
     * "… was damaged in the attack, according to the Ukrainian military": a past event of war on
     * the word of a named source is the source's claim; the text is the event's clause without the
     * source.
     */
    private static Reported accordingTo(Context cx, int s, SemanticGraph g, IndexedWord w) {
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            if (!e.getRelation().toString().equals("obl:according_to")) {
                continue;
            }
            IndexedWord source = e.getDependent();
            IndexedWord phrase = source;
            List<Entities.Cluster> makers = List.of();
            if (SOURCE_NOUNS.contains(Tense.lemma(source))) {
                // "according to an analysis (conducted) by X": X, the body the record comes from
                IndexedWord by = recordMaker(g, source);
                if (by == null) {
                    return null;
                }
                source = by;
                makers = makers(cx, s, g, phrase);
            }
            if (unnamed(g, source)) {
                return null;
            }
            Entities.Cluster speaker = cx.entities.resolve(s, source);
            if (speaker == null && source.tag().equals("NNS")) {
                speaker = cx.groupState(s, source);
            }
            if (!Context.isActor(speaker) && !makers.isEmpty()) {
                // "an analysis by X utilizing data from Y": the record's makers, X first
                speaker = makers.getFirst();
            }
            if (!Context.isActor(speaker) || !pastEvent(cx, s, g, w, speaker)) {
                return null;
            }
            List<Entities.Cluster> also = new ArrayList<>(makers);
            also.remove(speaker);
            Set<Integer> drop = new HashSet<>();
            for (IndexedWord x : cx.article.subtree(s, source, Set.of())) {
                drop.add(x.index());
            }
            List<IndexedWord> rest = new ArrayList<>();
            for (IndexedWord x : cx.article.subtree(s, w, Set.of("parataxis"))) {
                if (!drop.contains(x.index())
                        && !x.word().equalsIgnoreCase("according")
                        && !(x.word().equalsIgnoreCase("to") && x.index() > 1 && drop.contains(x.index() + 1))) {
                    rest.add(x);
                }
            }
            List<IndexedWord> content = around(rest, w);
            return content.size() < 3 ? null : new Reported(speaker, content, also);
        }
        return null;
    }

    /**
     * The named makers of a record: "an analysis conducted by X utilizing data from Y" → X, Y; each
     * reached from the record through who made it ("by", "from"), a name's parts and appositions,
     * never through what it is about ("of") or a modifier ("US-based").
     */
    private static List<Entities.Cluster> makers(Context cx, int s, SemanticGraph g, IndexedWord record) {
        List<Entities.Cluster> out = new ArrayList<>();
        Deque<IndexedWord> todo = new ArrayDeque<>(List.of(record));
        Set<IndexedWord> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            IndexedWord x = todo.pop();
            if (!seen.add(x)) {
                continue;
            }
            Entities.Cluster c = cx.entities.at(s, x.index());
            if (Context.isActor(c) && !out.contains(c)) {
                out.add(c);
            }
            for (SemanticGraphEdge edge : g.outgoingEdgeList(x)) {
                String rel = edge.getRelation().toString();
                if (Set.of("nmod:by", "obl:by", "nmod:from", "obl:from", "compound", "appos", "acl")
                        .contains(rel)) {
                    todo.add(edge.getDependent());
                }
            }
        }
        return out;
    }

    /** Who made a record: "an analysis by X", "an analysis conducted by X", "figures from X"; else null. */
    private static IndexedWord recordMaker(SemanticGraph g, IndexedWord record) {
        for (String rel : List.of("nmod:by", "nmod:from", "nmod:of")) {
            List<IndexedWord> by = AnnotatedArticle.children(g, record, rel);
            if (!by.isEmpty()) {
                return by.getFirst();
            }
        }
        for (IndexedWord made : AnnotatedArticle.children(g, record, "acl")) {
            List<IndexedWord> by = AnnotatedArticle.children(g, made, "obl:by");
            if (!by.isEmpty()) {
                return by.getFirst();
            }
        }
        return null;
    }

    /** The contiguous run of words around the head, without punctuation at its edges. */
    private static List<IndexedWord> around(List<IndexedWord> words, IndexedWord head) {
        List<IndexedWord> sorted = new ArrayList<>(words);
        sorted.sort((a, b) -> Integer.compare(a.index(), b.index()));
        int at = -1;
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).index() == head.index()) {
                at = i;
            }
        }
        if (at < 0) {
            return List.of();
        }
        int lo = at;
        int hi = at;
        while (lo > 0 && sorted.get(lo - 1).index() == sorted.get(lo).index() - 1) {
            lo--;
        }
        while (hi < sorted.size() - 1
                && sorted.get(hi + 1).index() == sorted.get(hi).index() + 1) {
            hi++;
        }
        List<IndexedWord> run = new ArrayList<>(sorted.subList(lo, hi + 1));
        while (!run.isEmpty() && AnnotatedArticle.isPunct(run.getFirst())) {
            run.removeFirst();
        }
        while (!run.isEmpty() && AnnotatedArticle.isPunct(run.getLast())) {
            run.removeLast();
        }
        return run;
    }

    /** "X accused Y of …": the words after the verb, the one accused and what of. */
    private static List<IndexedWord> accusation(Context cx, int s, SemanticGraph g, IndexedWord w) {
        if (AnnotatedArticle.children(g, w, "obj").isEmpty()) {
            return List.of();
        }
        boolean of = false;
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            String rel = e.getRelation().toString();
            of |= rel.equals("obl:of") || rel.equals("advcl:of");
        }
        if (!of) {
            return List.of();
        }
        List<IndexedWord> after = new ArrayList<>();
        // not a clause conjoined to the accusation ("accused X of Y, and said …")
        Set<String> notAccusation = Set.of("nsubj", "aux", "advmod", "mark", "cc", "conj", "parataxis");
        for (IndexedWord x : cx.article.subtree(s, w, notAccusation)) {
            if (x.index() > w.index()) {
                after.add(x);
            }
        }
        if (after.isEmpty()) {
            return List.of();
        }
        return around(after, after.getFirst());
    }

    /**
     * What a legal accusation says, the words after its verb: "issued [a warrant for the arrest of
     * Y over …]" (the object a warrant or an indictment), "charged [Y with …]", "indicted [Y on …]"
     * (the object one charged, and what with); none with a modal ("could charge").
     */
    private static List<IndexedWord> charge(Context cx, int s, SemanticGraph g, IndexedWord w) {
        List<IndexedWord> objects = AnnotatedArticle.children(g, w, "obj");
        if (objects.isEmpty()
                || w.tag().equals("VBN")
                        && !AnnotatedArticle.children(g, w, "aux:pass").isEmpty()) {
            return List.of();
        }
        if (modal(g, w)) {
            return List.of();
        }
        String lemma = Tense.lemma(w);
        String object = Tense.lemma(objects.getFirst());
        boolean accusation = lemma.equals("issue")
                ? Set.of("warrant", "indictment", "summons").contains(object)
                : lemma.equals("indict")
                        || g.outgoingEdgeList(w).stream()
                                .anyMatch(e -> e.getRelation().toString().equals("obl:with"));
        if (!accusation) {
            return List.of();
        }
        List<IndexedWord> after = new ArrayList<>();
        for (IndexedWord x : cx.article.subtree(s, w, Set.of("nsubj", "aux", "advmod", "mark", "cc", "conj"))) {
            if (x.index() > w.index()) {
                after.add(x);
            }
        }
        return after.size() < 3 ? List.of() : around(after, after.getFirst());
    }

    /** "X called the reports false / a fabrication", "X dismissed the claims as baseless". */
    private static boolean calledFalse(SemanticGraph g, IndexedWord w) {
        return calledFalseObject(g, w) != null;
    }

    /**
     * The claim called false: the verb's object, or the subject of its predicate ("called the
     * claims false" is parsed both ways), where the predicate is a word of falsity.
     */
    private static IndexedWord calledFalseObject(SemanticGraph g, IndexedWord w) {
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            String rel = e.getRelation().toString();
            IndexedWord pred = e.getDependent();
            if (!(rel.startsWith("xcomp") || rel.startsWith("obl:as") || rel.startsWith("advcl:as"))
                    || !FALSE_WORDS.contains(Tense.lemma(pred))) {
                continue;
            }
            List<IndexedWord> claims = new ArrayList<>(AnnotatedArticle.children(g, w, "obj"));
            claims.addAll(AnnotatedArticle.children(g, pred, "nsubj"));
            for (IndexedWord c : claims) {
                if (ASSERTION_NOUNS.contains(Tense.lemma(c))) {
                    return c;
                }
            }
        }
        return null;
    }

    /** "it was reported that …", "it is said that …": a passive verb of saying names no speaker. */
    private static boolean passive(SemanticGraph g, IndexedWord w) {
        return !AnnotatedArticle.children(g, w, "aux:pass").isEmpty();
    }

    /** A subject that names nobody: "a US official", "two Ukrainian officials", "sources". */
    private static boolean unnamedSubject(SemanticGraph g, IndexedWord w) {
        for (IndexedWord subj : AnnotatedArticle.children(g, w, "nsubj")) {
            if (unnamed(g, subj)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unnamed(SemanticGraph g, IndexedWord noun) {
        if (noun.tag().startsWith("NNP") || noun.tag().startsWith("PRP")) {
            return false;
        }
        for (IndexedWord d : AnnotatedArticle.children(g, noun, "det")) {
            String word = d.word().toLowerCase(Locale.ROOT);
            if (word.equals("a") || word.equals("an") || word.equals("some") || word.equals("several")) {
                return true;
            }
        }
        return !AnnotatedArticle.children(g, noun, "nummod").isEmpty();
    }

    /**
     * The speaker of a reported event, named: the subject's own entity, or the state of a group of
     * its officials ("Russian officials"), not the state of one unnamed office holder ("Ukraine's
     * deputy prime minister").
     */
    private static Entities.Cluster namedSubject(Context cx, int s, SemanticGraph g, IndexedWord w) {
        for (IndexedWord subj : AnnotatedArticle.children(g, w, "nsubj")) {
            Entities.Cluster c = cx.entities.resolve(s, subj);
            if (c == null && subj.tag().equals("NNS")) {
                c = cx.groupState(s, subj);
            }
            return Context.isActor(c) ? c : null;
        }
        if (!AnnotatedArticle.children(g, w, "nsubj:pass").isEmpty() || w.index() < 3) {
            return null;
        }
        // "…, Russia's Defence Ministry said", parsed without a subject: the name right before the
        // verb, back to the comma that sets the reporting clause off
        for (int i = w.index() - 1; i >= 1; i--) {
            String word = cx.article.token(s, i).word();
            if (word.equals(",")) {
                IndexedWord last = g.getNodeByIndexSafe(w.index() - 1);
                Entities.Cluster c = last == null || i == w.index() - 1 ? null : cx.entities.resolve(s, last);
                return Context.isActor(c) ? c : null;
            }
            if (!nounPhraseTag(cx.article.token(s, i).tag())) {
                return null;
            }
        }
        return null;
    }

    /**
     * The index of the comma that sets a reporting clause off ("…, the ministry said"): before the
     * verb's own words, and before a name between the comma and the verb (its subject, where the
     * parser hung it elsewhere); -1 if there is none.
     */
    private static int reportingComma(Context cx, int s, IndexedWord w) {
        int first = w.index();
        for (IndexedWord x : cx.article.subtree(s, w, Set.of())) {
            first = Math.min(first, x.index());
        }
        while (first > 1 && nounPhraseTag(cx.article.token(s, first - 1).tag())) {
            first--;
        }
        return first > 1 && cx.article.token(s, first - 1).word().equals(",") ? first - 1 : -1;
    }

    /** Tags of the words of a name with its determiner: "the Chilean Defence Ministry", "Russia's". */
    private static boolean nounPhraseTag(String tag) {
        return tag.startsWith("NN") || tag.equals("POS") || tag.equals("DT") || tag.equals("JJ");
    }

    /**
     * "… that Y must / should …", "… that both sides had to agree", "… that a deal requires Y's
     * consent": an obligation or a condition, not a fact.
     */
    static boolean obligation(SemanticGraph g, IndexedWord clause) {
        if (Tense.lemma(clause).equals("require")
                && Set.of("VBP", "VBZ").contains(clause.tag())
                && !AnnotatedArticle.children(g, clause, "obj").isEmpty()) {
            return true;
        }
        boolean to = AnnotatedArticle.children(g, clause, "mark").stream()
                .anyMatch(m -> m.word().equalsIgnoreCase("to"));
        for (IndexedWord a : AnnotatedArticle.children(g, clause, "aux")) {
            String word = a.word().toLowerCase(Locale.ROOT);
            if (OBLIGATION.contains(word) || to && Set.of("have", "need").contains(Tense.lemma(a))) {
                return true;
            }
        }
        return false;
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

    /**
     * Whether a quotation overlaps the content at all, or ({@code mostly}) covers most of it: a
     * clause with a quotation in it is read as a quote, except a reported past event with a
     * scare-quoted phrase ("… moved to "camps" …").
     */
    /** Verbs that say an assertion is someone's claim, wherever they stand. */
    private static final Set<String> CLAIMING = Set.of("claim", "allege", "assert", "contend", "maintain");

    /**
     * "… “But X and others kept claiming that Y was winning.”": a quotation that itself reports a
     * named party's claim, the verb of claiming and its clause inside one quotation.
     */
    private static boolean quotedClaim(Quotes quotes, SemanticGraph g, IndexedWord w, List<IndexedWord> content) {
        if (!CLAIMING.contains(Tense.lemma(w))) {
            return false;
        }
        IndexedWord verb = w;
        SemanticGraphEdge up = AnnotatedArticle.parentEdge(g, w);
        if (AnnotatedArticle.children(g, w, "nsubj").isEmpty()
                && up != null
                && up.getRelation().toString().equals("xcomp")) {
            verb = up.getGovernor();
        }
        boolean named = AnnotatedArticle.children(g, verb, "nsubj").stream()
                .anyMatch(x -> x.tag().startsWith("NNP"));
        int begin = Math.min(verb.beginPosition(), content.getFirst().beginPosition());
        int end = content.getLast().endPosition();
        return named && quotes.spans.stream().anyMatch(q -> q[0] <= begin && end <= q[1]);
    }

    private static boolean overlapsQuote(Quotes quotes, List<IndexedWord> content, boolean mostly) {
        int begin = content.getFirst().beginPosition();
        int end = content.getLast().endPosition();
        int covered = 0;
        for (int[] q : quotes.spans) {
            covered += Math.max(0, Math.min(q[1], end) - Math.max(q[0], begin));
        }
        return mostly ? covered * 2 > end - begin : covered > 0;
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
