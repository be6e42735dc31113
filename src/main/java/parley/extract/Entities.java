package parley.extract;

import edu.stanford.nlp.coref.data.CorefChain;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people, institutions, countries and places of an article: CoreNLP's entity mentions,
 * clustered into one entity per real thing (a surname joins the full name before it, spelling
 * variants and acronyms join their long form, coreference joins what CoreNLP linked), with the
 * description the text gives a person, their roles and kin, and a link to the graph's node where
 * a name or alias matches. Also answers, for any word of a sentence, which entity it refers to.
 */
final class Entities {

    static final String RULE_NER = "entity:ner";
    static final String RULE_DEMONYM = "entity:demonym";
    static final String RULE_DESCRIPTION = "entity:description";
    /** The article's publisher, given with the article, not read from its text. */
    static final String RULE_PUBLISHER = "entity:publisher";

    static final String LINK_NAME = "link-name";
    static final String LINK_ALIAS = "link-alias";
    static final String LINK_SURNAME = "link-surname";
    static final String LINK_SPELLING = "link-spelling";
    static final String CLUSTER_SURNAME = "cluster-surname";
    static final String CLUSTER_SPELLING = "cluster-spelling";
    static final String CLUSTER_ACRONYM = "cluster-acronym";
    /** "X, known as Y": Y is another name of X. */
    static final String CLUSTER_KNOWN_AS = "cluster-known-as";

    static final String ROLE_TITLE = "role:title";
    static final String ROLE_KIN = "role:kinship";
    static final String ROLE_ADVISER = "role:adviser";

    /** Words for groups acting for a state ("Ukrainian officials", "the US delegation"). */
    static final Set<String> GROUP_NOUNS = Set.of(
            "official",
            "delegation",
            "delegate",
            "negotiator",
            "envoy",
            "team",
            "side",
            "representative",
            "diplomat",
            "leader",
            "counterpart",
            "government",
            "authority",
            "minister",
            "military",
            "force");

    /** Nouns of one person's office: coreference may join them to a person, not to a place or state. */
    static final Set<String> PERSON_NOUNS = Set.of(
            "official",
            "delegate",
            "negotiator",
            "envoy",
            "representative",
            "diplomat",
            "leader",
            "counterpart",
            "minister",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "secretary",
            "president",
            "adviser",
            "advisor",
            "chief",
            "ambassador",
            "governor",
            "commander",
            "mayor",
            "premier");

    private static final Set<String> TYPES =
            Set.of("PERSON", "ORGANIZATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE", "LOCATION");

    private static final Pattern KIN = Pattern.compile(
            "\\b((?:son|daughter|father|mother|brother|sister)-in-law|wife|husband|son|daughter|brother|sister"
                    + "|father|mother|cousin|nephew|niece|uncle|aunt|grandson|granddaughter)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADVISER = Pattern.compile("\\badvis[eo]r\\b", Pattern.CASE_INSENSITIVE);

    private static final Map<String, String> INSTITUTION_KINDS = Map.ofEntries(
            Map.entry("ministry", "ministry"),
            Map.entry("department", "ministry"),
            Map.entry("fund", "fund"),
            Map.entry("council", "council"),
            Map.entry("union", "union"),
            Map.entry("alliance", "alliance"),
            Map.entry("organization", "organization"),
            Map.entry("organisation", "organization"),
            Map.entry("court", "court"),
            Map.entry("army", "military"),
            Map.entry("military", "military"),
            Map.entry("troops", "military"),
            Map.entry("staff", "military"),
            Map.entry("centre", "agency"),
            Map.entry("center", "agency"),
            Map.entry("leaders", "council"),
            Map.entry("forces", "military"),
            Map.entry("force", "military"),
            Map.entry("navy", "military"),
            Map.entry("guard", "military"),
            Map.entry("command", "military"),
            Map.entry("bank", "bank"),
            Map.entry("company", "company"),
            Map.entry("corporation", "company"),
            Map.entry("agency", "agency"),
            Map.entry("service", "agency"),
            Map.entry("office", "agency"),
            Map.entry("commission", "agency"),
            Map.entry("government", "government"),
            Map.entry("administration", "government"),
            Map.entry("parliament", "parliament"),
            Map.entry("congress", "parliament"),
            Map.entry("senate", "parliament"),
            Map.entry("party", "party"),
            Map.entry("university", "university"),
            Map.entry("institute", "think-tank"));

    private static final Map<String, String> PLACE_KINDS = Map.ofEntries(
            Map.entry("peninsula", "peninsula"),
            Map.entry("sea", "sea"),
            Map.entry("river", "river"),
            Map.entry("island", "island"),
            Map.entry("region", "region"),
            Map.entry("oblast", "region"),
            Map.entry("province", "region"),
            Map.entry("port", "port"),
            Map.entry("plant", "facility"),
            Map.entry("airport", "facility"),
            Map.entry("base", "facility"),
            Map.entry("refinery", "facility"),
            Map.entry("terminal", "facility"),
            Map.entry("district", "region"));

    /** One real person, institution, country or place and every way the article names it. */
    static final class Cluster {
        final String type;
        String label;
        String id;
        String name;
        final Set<String> forms = new LinkedHashSet<>();
        final Map<String, Integer> typeVotes = new LinkedHashMap<>();
        int firstSentence;
        int mentions;
        String description;
        List<Integer> descriptionSpan;
        int descriptionSentence = -1;
        String kind;
        Cluster side;
        Cluster possessor;
        boolean demonymOnly;
        boolean described;
        /** The article's publisher, made from the name given with the article. */
        boolean publisher;

        boolean referenced;
        final List<String> ruleParts = new ArrayList<>();
        String linkReason;

        Cluster(String type, int firstSentence) {
            this.type = type;
            this.firstSentence = firstSentence;
        }

        String rule() {
            StringBuilder rule = new StringBuilder(
                    publisher
                            ? RULE_PUBLISHER
                            : demonymOnly ? RULE_DEMONYM : described ? RULE_DESCRIPTION : RULE_NER + ":" + type);
            ruleParts.stream().distinct().forEach(p -> rule.append(':').append(p));
            if (linkReason != null) {
                rule.append(':').append(linkReason);
            }
            return rule.toString();
        }

        double confidence() {
            double c = publisher
                    ? 0.95
                    : demonymOnly || described ? 0.6 : type.equals("PERSON") && name.contains(" ") ? 0.9 : 0.8;
            if (mentions > 1) {
                c += 0.05;
            }
            if (linkReason != null) {
                c = Math.min(c, linkReason.equals(LINK_NAME) ? 0.95 : 0.85);
            }
            return Math.round(Math.min(c, 0.95) * 100) / 100.0;
        }
    }

    private final AnnotatedArticle article;
    final List<Cluster> clusters = new ArrayList<>();
    private final Map<Long, Cluster> byToken = new HashMap<>();
    private final Map<Long, CorefChain> chainOfHead = new HashMap<>();
    /** Relationships read from descriptions: type, from cluster, to cluster, property, sentence. */
    final List<Role> roles = new ArrayList<>();

    record Role(String type, Cluster from, Cluster to, String property, String value, int sentence, String rule) {}

    Entities(AnnotatedArticle article) {
        this.article = article;
        cluster();
        longForms();
        knownAs();
        described();
        indexCoref();
        describe();
    }

    private static long key(int sentence, int token) {
        return sentence * 100_000L + token;
    }

    /** The entity a token belongs to by NER, or null. */
    Cluster at(int sentence, int tokenIndex) {
        return byToken.get(key(sentence, tokenIndex));
    }

    // ---- clustering ----------------------------------------------------------------------

    private void cluster() {
        List<CoreEntityMention> mentions = new ArrayList<>();
        for (CoreEntityMention m : article.doc.entityMentions()) {
            if (TYPES.contains(m.entityType())
                    && !pronoun(m)
                    && m.text().chars().anyMatch(Character::isLetter)) {
                mentions.add(m);
            }
        }
        mentions.sort(Comparator.comparingInt(m -> m.charOffsets().first()));
        Map<String, Cluster> byFold = new HashMap<>();
        // Longer names first, so "Witkoff" finds "Steve Witkoff" wherever the full name appears.
        List<CoreEntityMention> ordered = new ArrayList<>(mentions);
        ordered.sort(
                Comparator.comparingInt((CoreEntityMention m) -> -m.tokens().size())
                        .thenComparingInt(m -> m.charOffsets().first()));
        for (CoreEntityMention m : ordered) {
            String form = surface(m);
            String fold = Slugs.fold(form);
            if (fold.isEmpty()) {
                continue;
            }
            int sentence = m.sentence().tokens().getFirst().sentIndex();
            Cluster c = byFold.get(fold);
            String how = null;
            if (c == null) {
                c = find(m, fold);
                how = c == null ? null : lastRule;
            }
            if (c == null) {
                c = new Cluster(m.entityType(), sentence);
                clusters.add(c);
            } else if (how != null) {
                c.ruleParts.add(how);
            }
            byFold.put(fold, c);
            c.forms.add(form);
            c.typeVotes.merge(m.entityType(), 1, Integer::sum);
            c.mentions++;
            c.firstSentence = Math.min(c.firstSentence, sentence);
            for (CoreLabel t : m.tokens()) {
                byToken.put(key(t.sentIndex(), t.index()), c);
            }
        }
        for (Cluster c : clusters) {
            c.name = c.forms.stream()
                    .max(Comparator.comparingInt((String f) -> f.split("\\s+").length)
                            .thenComparingInt(String::length))
                    .orElseThrow();
            String type = c.typeVotes.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse(c.type);
            c.label = labelOf(type);
            c.kind = kindOf(c.label, type, c.name);
        }
        clusters.sort(Comparator.comparingInt((Cluster c) -> c.firstSentence).thenComparing(c -> c.name));
    }

    private String lastRule;

    /**
     * "the Institute for the Study of War (ISW)", "Agence France-Presse (AFP)": a name the NER cut
     * short or left out, restored from the acronym in brackets after it. The words before the
     * bracket whose capitalised initials spell the acronym (small words such as "for the" between
     * them) are one name with it, if the NER found an organisation in them or in the acronym and no
     * person, place or state among them.
     */
    private void longForms() {
        for (int s = 0; s < article.sentences.size(); s++) {
            List<CoreLabel> tokens = article.sentences.get(s).tokens();
            for (int i = 2; i + 1 < tokens.size(); i++) {
                String acronym = tokens.get(i).word();
                if (!acronym.matches("[A-Z]{2,6}")
                        || !tokens.get(i - 1).word().equals("(")
                        || !tokens.get(i + 1).word().equals(")")) {
                    continue;
                }
                int first = longFormStart(tokens, i - 1, acronym);
                if (first < 0) {
                    continue;
                }
                Cluster c = null;
                boolean blocked = false;
                for (int t = first; t <= i; t++) {
                    Cluster at = at(s, t + 1);
                    if (at == null || t == i - 1) {
                        continue;
                    }
                    // a name with its acronym is an organisation's, even where the NER took it for
                    // a person's ("Agence Lusa-Presse (ALP)"); a place or a state is left as it is
                    boolean person = at.label.equals("Person") && within(at, s, first, i - 2);
                    if (!at.label.equals("Institution") && !person) {
                        blocked = true;
                    } else if (c == null) {
                        c = at;
                    }
                }
                if (c == null || blocked) {
                    continue;
                }
                if (c.label.equals("Person")) {
                    c.label = "Institution";
                    c.typeVotes.merge("ORGANIZATION", c.mentions + 1, Integer::sum);
                }
                for (int t = first; t <= i; t++) {
                    Cluster at = at(s, t + 1);
                    if (at != null && at != c) {
                        absorb(c, at);
                    }
                    if (t < i - 1 || t == i) {
                        byToken.put(key(s, t + 1), c);
                    }
                }
                c.forms.add(article.span(s, first + 1, i - 2 + 1));
                c.forms.add(acronym);
                c.name = c.forms.stream()
                        .max(Comparator.comparingInt((String f) -> f.split("\\s+").length)
                                .thenComparingInt(String::length))
                        .orElseThrow();
                c.kind = kindOf(c.label, c.type, c.name);
                c.ruleParts.add(CLUSTER_ACRONYM);
            }
        }
    }

    /**
     * The first of the words before a bracket (token {@code bracket}, 0-based) whose capitalised
     * words' initials, hyphenated parts each counted, spell the acronym; else -1.
     */
    private static int longFormStart(List<CoreLabel> tokens, int bracket, String acronym) {
        int need = acronym.length();
        for (int t = bracket - 1; t >= 0 && bracket - t <= 12; t--) {
            String w = tokens.get(t).word();
            if (w.equals("-")
                    || Set.of("of", "for", "the", "and", "on", "de", "du", "des", "la", "le")
                            .contains(w)) {
                if (need == acronym.length()) {
                    return -1;
                }
                continue;
            }
            if (!Character.isUpperCase(w.charAt(0))) {
                return -1;
            }
            String[] parts = w.split("-");
            for (int p = parts.length - 1; p >= 0; p--) {
                if (parts[p].isEmpty()) {
                    continue;
                }
                if (need == 0 || parts[p].charAt(0) != acronym.charAt(need - 1)) {
                    return -1;
                }
                need--;
            }
            if (need == 0) {
                return t;
            }
        }
        return -1;
    }

    /**
     * "Mohamed Hamdan Dagalo, known as Hemedti", "… (also known as …)", "better known as …": the
     * name after "known as" is another name of the person or body just before it, if the NER tagged
     * both with the same label.
     */
    private void knownAs() {
        for (int s = 0; s < article.sentences.size(); s++) {
            List<CoreLabel> tokens = article.sentences.get(s).tokens();
            for (int i = 1; i + 2 < tokens.size(); i++) {
                if (!tokens.get(i).word().equalsIgnoreCase("known")
                        || !tokens.get(i + 1).word().equalsIgnoreCase("as")) {
                    continue;
                }
                Cluster other = at(s, i + 3);
                // the name before: right before "known", past a comma or bracket and "also"/"better"
                int j = i - 1;
                while (j >= 0
                        && Set.of(",", "(", "-LRB-", "also", "better", "widely", "commonly")
                                .contains(tokens.get(j).word())) {
                    j--;
                }
                Cluster named = j >= 0 ? at(s, j + 1) : null;
                if (named != null && other != null && named != other && named.label.equals(other.label)) {
                    absorb(named, other);
                    named.ruleParts.add(CLUSTER_KNOWN_AS);
                }
            }
        }
    }

    /** Whether every word of a cluster in a sentence lies between two tokens (0-based, inclusive). */
    private boolean within(Cluster c, int sentence, int from, int to) {
        for (Map.Entry<Long, Cluster> e : byToken.entrySet()) {
            if (e.getValue() == c) {
                long key = e.getKey();
                int s = (int) (key / 100_000L);
                int t = (int) (key % 100_000L) - 1;
                if (s != sentence || t < from || t > to) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Joins a cluster into another: its words, forms and votes. */
    private void absorb(Cluster into, Cluster from) {
        byToken.replaceAll((k, v) -> v == from ? into : v);
        into.forms.addAll(from.forms);
        from.typeVotes.forEach((k, v) -> into.typeVotes.merge(k, v, Integer::sum));
        into.mentions += from.mentions;
        into.firstSentence = Math.min(into.firstSentence, from.firstSentence);
        clusters.remove(from);
    }

    /**
     * Head nouns of institutions a text names only by a description: "the Russian armed forces",
     * "Ukraine's general staff", "the UK government", "the Trump administration". "force" only
     * after "air", "staff" only after "general", "leaders" only of an institution ("EU leaders").
     */
    private static final Set<String> INSTITUTION_HEADS = Set.of(
            "forces",
            "troops",
            "military",
            "army",
            "navy",
            "government",
            "administration",
            "staff",
            "force",
            "centre",
            "center",
            "leaders");
    /** Adjectives that may stand inside such a description ("Russian military forces"). */
    private static final Set<String> DESCRIPTION_ADJECTIVES = Set.of("armed", "military", "general", "naval", "air");

    /**
     * Institutions named by a description: a head noun of institution whose modifier is a
     * nationality ("Russian forces"), a state or institution in the possessive ("Ukraine's air
     * force") or a state, institution or person before it ("UK government", "Trump
     * administration"). The name is the words from the modifier to the head, if only nouns and
     * the adjectives of {@link #DESCRIPTION_ADJECTIVES} stand between ("Ukraine's embattled
     * government" is no name).
     */
    private void described() {
        Map<String, Cluster> byFold = new HashMap<>();
        for (int s = 0; s < article.sentences.size(); s++) {
            SemanticGraph g = article.graph(s);
            List<IndexedWord> words = new ArrayList<>(g.vertexSet());
            words.sort(Comparator.comparingInt(IndexedWord::index));
            for (IndexedWord head : words) {
                String lower = head.word().toLowerCase(Locale.ROOT);
                if (!INSTITUTION_HEADS.contains(lower)
                        || head.tag() == null
                        || !head.tag().startsWith("NN")
                        || at(s, head.index()) != null) {
                    continue;
                }
                IndexedWord anchor = null;
                Cluster anchorCluster = null;
                for (SemanticGraphEdge e : g.outgoingEdgeList(head)) {
                    String rel = e.getRelation().toString();
                    IndexedWord d = e.getDependent();
                    if (d.index() >= head.index()) {
                        continue;
                    }
                    Cluster c = at(s, d.index());
                    boolean nationality = rel.equals("amod")
                            && "NATIONALITY".equals(article.token(s, d.index()).ner());
                    boolean named = c != null
                            && (rel.startsWith("nmod:poss") && !c.label.equals("Person") || rel.equals("compound"));
                    if ((nationality || named) && (anchor == null || d.index() < anchor.index())) {
                        anchor = d;
                        anchorCluster = c;
                    }
                }
                if (anchor == null
                        || lower.equals("leaders")
                                && (anchorCluster == null || !anchorCluster.label.equals("Institution"))
                        || anchorCluster != null
                                && anchorCluster.label.equals("Person")
                                && !lower.equals("administration")
                                && !lower.equals("government")) {
                    continue;
                }
                int first = anchor.index();
                while (anchorCluster != null && first > 1 && at(s, first - 1) == anchorCluster) {
                    first--;
                }
                boolean clean = true;
                String previous = "";
                for (int i = anchor.index() + 1; i < head.index() && clean; i++) {
                    CoreLabel t = article.token(s, i);
                    String w = t.word().toLowerCase(Locale.ROOT);
                    clean = at(s, i) == anchorCluster && anchorCluster != null
                            || t.tag().equals("POS")
                            || t.tag().startsWith("NN")
                            || DESCRIPTION_ADJECTIVES.contains(w);
                    previous = w;
                }
                if (!clean
                        || lower.equals("force") && !previous.equals("air")
                        || lower.equals("staff") && !previous.equals("general")
                        || (lower.equals("centre") || lower.equals("center")) && head.index() - anchor.index() < 3) {
                    continue;
                }
                String form = article.text.substring(
                        article.token(s, first).beginPosition(),
                        article.token(s, head.index()).endPosition());
                String fold = Slugs.fold(form);
                Cluster c = byFold.get(fold);
                if (c == null) {
                    c = new Cluster("ORGANIZATION", s);
                    c.label = "Institution";
                    c.name = form;
                    c.kind = kindOf("Institution", "ORGANIZATION", form);
                    c.described = true;
                    clusters.add(c);
                    byFold.put(fold, c);
                }
                c.forms.add(form);
                c.mentions++;
                // the anchor keeps its own entity or adjective ("Ukraine" in "Ukraine's air
                // force", "Russian" in "Russian forces"); the words after it are the institution
                for (int i = anchor.index() + 1; i <= head.index(); i++) {
                    if (at(s, i) == null) {
                        byToken.put(key(s, i), c);
                    }
                }
            }
        }
        clusters.sort(Comparator.comparingInt((Cluster c) -> c.firstSentence).thenComparing(c -> c.name));
    }

    /** An existing cluster this mention is another spelling of, or null; sets {@link #lastRule}. */
    private Cluster find(CoreEntityMention m, String fold) {
        String[] words = fold.split(" ");
        for (Cluster c : clusters) {
            if (!compatible(c.type, m.entityType())) {
                continue;
            }
            for (String form : c.forms) {
                String other = Slugs.fold(form);
                String[] otherWords = other.split(" ");
                if (m.entityType().equals("PERSON")
                        && words.length < otherWords.length
                        && words[words.length - 1].equals(otherWords[otherWords.length - 1])) {
                    lastRule = CLUSTER_SURNAME;
                    return c;
                }
                if (words.length <= otherWords.length
                        && Slugs.variant(words[words.length - 1], otherWords[otherWords.length - 1])
                        && (words.length == 1 || words[0].equals(otherWords[otherWords.length - words.length]))) {
                    lastRule = CLUSTER_SPELLING;
                    return c;
                }
                if (words.length == 1 && otherWords.length > 1 && words[0].equals(acronym(otherWords))) {
                    lastRule = CLUSTER_ACRONYM;
                    return c;
                }
                // initials with full stops (U.S., U.N.) either way round with the long form
                String dotted = dottedInitials(m.text());
                String otherDotted = dottedInitials(form);
                if ((dotted != null && otherWords.length > 1 && dotted.equals(acronym(otherWords)))
                        || (otherDotted != null && words.length > 1 && otherDotted.equals(acronym(words)))) {
                    lastRule = CLUSTER_ACRONYM;
                    return c;
                }
            }
        }
        return null;
    }

    /** "U.S." → "us", "U.K." → "uk": a name written as capital initials each with a full stop; else null. */
    private static String dottedInitials(String name) {
        String n = name.strip();
        if (!n.matches("(?:[A-Z]\\.){2,5}")) {
            return null;
        }
        return n.replace(".", "").toLowerCase(Locale.ROOT);
    }

    private static String acronym(String[] words) {
        StringBuilder a = new StringBuilder();
        for (String w : words) {
            if (!w.equals("of") && !w.equals("and") && !w.equals("for")) {
                a.append(w.charAt(0));
            }
        }
        return a.toString();
    }

    private static boolean compatible(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        boolean aPerson = a.equals("PERSON");
        boolean bPerson = b.equals("PERSON");
        return !aPerson && !bPerson;
    }

    private static boolean pronoun(CoreEntityMention m) {
        return m.tokens().stream().allMatch(t -> t.tag() != null && t.tag().startsWith("PRP"));
    }

    /**
     * The mention's words without a trailing possessive ("Trump's" → "Trump"); an institution's
     * name takes the nationality before it ("Russian Defence Ministry"), which NER leaves out.
     */
    private static final Set<String> PLACE_TYPES = Set.of("CITY", "STATE_OR_PROVINCE", "LOCATION");

    private String surface(CoreEntityMention m) {
        List<CoreLabel> tokens = new ArrayList<>(m.tokens());
        if (m.entityType().equals("ORGANIZATION")) {
            CoreLabel first = tokens.getFirst();
            List<CoreLabel> sentence = m.sentence().tokens();
            if (first.index() > 1
                    && "NATIONALITY".equals(sentence.get(first.index() - 2).ner())) {
                tokens.addFirst(sentence.get(first.index() - 2));
            }
        }
        if (PLACE_TYPES.contains(m.entityType())) {
            // "the Rostov region", "the Pivdennyi port", "the Afipsky oil refinery": the place's
            // kind noun right after its name belongs to the name (and gives the kind)
            List<CoreLabel> sentence = m.sentence().tokens();
            int next = tokens.getLast().index(); // 0-based position of the token after the mention
            for (int extra = 0; extra < 2 && next + extra < sentence.size(); extra++) {
                CoreLabel t = sentence.get(next + extra);
                if (!t.tag().startsWith("NN") || t.tag().startsWith("NNP") && extra > 0) {
                    break;
                }
                if (PLACE_KINDS.containsKey(t.word().toLowerCase(Locale.ROOT))) {
                    for (int k = 0; k <= extra; k++) {
                        tokens.add(sentence.get(next + k));
                    }
                    break;
                }
            }
        }
        while (tokens.size() > 1
                && (tokens.getLast().tag().equals("POS")
                        || tokens.getLast().word().equals("'s"))) {
            tokens.removeLast();
        }
        String s = article.text.substring(
                tokens.getFirst().beginPosition(), tokens.getLast().endPosition());
        s = s.replaceAll("['’]s$", "");
        if (s.startsWith("the ") || s.startsWith("The ")) {
            s = s.substring(4);
        }
        return s;
    }

    static String labelOf(String nerType) {
        return switch (nerType) {
            case "PERSON" -> "Person";
            case "ORGANIZATION" -> "Institution";
            case "COUNTRY" -> "Country";
            default -> "Place";
        };
    }

    static String kindOf(String label, String nerType, String name) {
        String[] words = name.toLowerCase(Locale.ROOT).split("\\s+");
        if (label.equals("Institution")) {
            for (int i = words.length - 1; i >= 0; i--) {
                String kind = INSTITUTION_KINDS.get(words[i]);
                if (kind != null) {
                    return kind;
                }
            }
            return "organization";
        }
        if (label.equals("Place")) {
            String kind = PLACE_KINDS.get(words[words.length - 1]);
            if (kind != null) {
                return kind;
            }
            return switch (nerType) {
                case "CITY" -> "city";
                case "STATE_OR_PROVINCE" -> "region";
                default -> "location";
            };
        }
        return null;
    }

    // ---- reference -----------------------------------------------------------------------

    private void indexCoref() {
        Map<Integer, CorefChain> chains = article.doc.corefChains();
        if (chains == null) {
            return;
        }
        for (CorefChain chain : chains.values()) {
            for (CorefChain.CorefMention m : chain.getMentionsInTextualOrder()) {
                chainOfHead.put(key(m.sentNum - 1, m.headIndex), chain);
            }
        }
    }

    /**
     * The entity a word refers to: by NER; else through an apposition ("Trump's envoy, Steve
     * Witkoff": the same sentence says it, so it goes before coreference); else through CoreNLP's
     * coreference chain (a pronoun, "the envoy").
     */
    Cluster resolve(int sentence, IndexedWord w) {
        Cluster c = at(sentence, w.index());
        if (c != null) {
            return c;
        }
        SemanticGraph g = article.graph(sentence);
        for (IndexedWord appos : AnnotatedArticle.children(g, w, "appos")) {
            Cluster a = at(sentence, appos.index());
            if (a != null) {
                return a;
            }
        }
        // "envoy Steve Witkoff" parsed as a loose dependency: a title noun and the name after it;
        // a capitalised title too ("Qatar's Prime Minister Mohammed … Al Thani met …")
        if (w.tag() != null && w.tag().startsWith("NN") && (!w.tag().startsWith("NNP") || "TITLE".equals(w.ner()))) {
            for (IndexedWord dep : AnnotatedArticle.children(g, w, "dep")) {
                Cluster a = at(sentence, dep.index());
                if (a != null && a.label.equals("Person") && at(sentence, w.index() + 1) == a) {
                    return a;
                }
            }
        }
        CorefChain chain = chainOfHead.get(key(sentence, w.index()));
        if (chain != null) {
            List<CorefChain.CorefMention> order = new ArrayList<>();
            order.add(chain.getRepresentativeMention());
            order.addAll(chain.getMentionsInTextualOrder());
            // "Ukraine's deputy foreign minister" is a person: a chain that joins it to a place or a
            // state is the model's mistake, and its own words say whom it speaks for
            boolean person = "NN".equals(w.tag()) && PERSON_NOUNS.contains(Tense.lemma(w));
            for (CorefChain.CorefMention m : order) {
                Cluster head = at(m.sentNum - 1, m.headIndex);
                if (head != null) {
                    return person && !head.label.equals("Person") ? null : head;
                }
            }
        }
        return null;
    }

    /**
     * Every entity a phrase names: the word itself and the words conjoined with it ("Witkoff and
     * Kushner"); a group noun stands for the states its adjectives name ("Ukrainian and European
     * officials" → Ukraine).
     */
    List<Cluster> resolveAll(int sentence, IndexedWord w) {
        SemanticGraph g = article.graph(sentence);
        List<IndexedWord> words = new ArrayList<>();
        words.add(w);
        words.addAll(AnnotatedArticle.children(g, w, "conj"));
        List<Cluster> out = new ArrayList<>();
        for (IndexedWord word : words) {
            Cluster c = resolve(sentence, word);
            if (c != null) {
                if (!out.contains(c)) {
                    out.add(c);
                }
                continue;
            }
            if (word.lemma() != null && GROUP_NOUNS.contains(word.lemma().toLowerCase(Locale.ROOT))) {
                for (SemanticGraphEdge e : g.outgoingEdgeList(word)) {
                    String rel = e.getRelation().toString();
                    // "officials from the UK government": the body they come from, if it is named
                    boolean from = rel.equals("nmod:from") || rel.equals("nmod:of");
                    if (from && stateOf(sentence, e.getDependent()) == null) {
                        continue;
                    }
                    if (rel.equals("amod") || rel.equals("compound") || rel.startsWith("nmod:poss") || from) {
                        // "Ukrainian and US officials": the adjective and those conjoined with it
                        List<IndexedWord> modifiers = new ArrayList<>();
                        modifiers.add(e.getDependent());
                        modifiers.addAll(AnnotatedArticle.children(g, e.getDependent(), "conj"));
                        for (IndexedWord modifier : modifiers) {
                            Cluster state = stateOf(sentence, modifier);
                            if (state != null && !out.contains(state)) {
                                out.add(state);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A country (or bloc) a word names, directly or as an adjective ("Ukrainian"). */
    Cluster stateOf(int sentence, IndexedWord word) {
        Cluster c = at(sentence, word.index());
        if (c != null) {
            return c.label.equals("Country") || c.label.equals("Institution") ? c : null;
        }
        CoreLabel t = article.token(sentence, word.index());
        if ("NATIONALITY".equals(t.ner())) {
            return country(t.word(), sentence);
        }
        return null;
    }

    /** The country a nationality adjective names: an entity of the article, else a new one. */
    Cluster country(String demonym, int sentence) {
        List<String> names = Demonyms.countries(demonym);
        if (names.isEmpty()) {
            return null;
        }
        for (String name : names) {
            String fold = Slugs.fold(name);
            for (Cluster c : clusters) {
                if (!c.label.equals("Country")) {
                    continue;
                }
                for (String form : c.forms) {
                    String f = Slugs.fold(form);
                    if (f.equals(fold) || f.equals(acronym(fold.split(" ")))) {
                        return c;
                    }
                }
            }
        }
        String name =
                names.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
        for (Cluster c : clusters) {
            if (c.demonymOnly && c.name.equals(name)) {
                c.forms.add(demonym);
                return c;
            }
        }
        Cluster c = new Cluster("COUNTRY", sentence);
        c.label = "Country";
        c.name = name;
        c.forms.add(demonym);
        c.demonymOnly = true;
        clusters.add(c);
        linkLate(c);
        return c;
    }

    /**
     * The article's publisher as an entity, for what the article asserts in its own voice: the
     * cluster whose name or a form is the publisher's name, else a new institution of kind media
     * (first named in the given sentence, the first it is cited by).
     */
    Cluster publisher(String name, int sentence) {
        String fold = Slugs.fold(name);
        for (Cluster c : clusters) {
            if (!c.label.equals("Place")
                    && c.forms.stream().anyMatch(f -> Slugs.fold(f).equals(fold))) {
                return c;
            }
        }
        Cluster c = new Cluster("ORGANIZATION", sentence);
        c.label = "Institution";
        c.name = name.strip();
        c.kind = "media";
        c.forms.add(c.name);
        c.publisher = true;
        clusters.add(c);
        linkLate(c);
        return c;
    }

    // ---- descriptions and roles ------------------------------------------------------------

    private void describe() {
        for (CoreEntityMention m : article.doc.entityMentions()) {
            if (!m.entityType().equals("PERSON") || pronoun(m)) {
                continue;
            }
            int sentence = m.sentence().tokens().getFirst().sentIndex();
            Cluster person = at(sentence, m.tokens().getFirst().index());
            if (person == null || person.description != null) {
                continue;
            }
            List<IndexedWord> span = descriptionOf(sentence, m);
            if (span.isEmpty() || span.size() > 16) {
                continue;
            }
            String text = article.span(span);
            boolean dated = span.stream().anyMatch(w -> "DATE"
                    .equals(article.token(sentence, w.index()).ner()));
            if (Slugs.fold(text).isEmpty() || person.forms.contains(text) || text.contains("\n") || dated) {
                continue;
            }
            person.description = text;
            person.descriptionSentence = sentence;
            person.descriptionSpan = span.stream().map(IndexedWord::index).toList();
            roles(person, sentence, span);
        }
        for (Cluster c : clusters) {
            if (c.label.equals("Person") && c.side == null && c.possessor != null) {
                c.side = c.possessor.side;
            }
        }
    }

    private static final Set<String> NOT_IN_DESCRIPTION =
            Set.of("appos", "acl", "cc", "conj", "dep", "parataxis", "obl");

    /** The words that describe a person: titles before the name, or an apposition. */
    private List<IndexedWord> descriptionOf(int sentence, CoreEntityMention m) {
        SemanticGraph g = article.basic(sentence);
        int first = m.tokens().getFirst().index();
        int last = m.tokens().getLast().index();
        IndexedWord head = g.getNodeByIndexSafe(last);
        if (head == null) {
            return List.of();
        }
        // "Kremlin spokesman Dmitry Peskov", "Russian President Vladimir Putin"
        List<IndexedWord> before = new ArrayList<>();
        for (SemanticGraphEdge e : g.outgoingEdgeList(head)) {
            String rel = e.getRelation().toString();
            IndexedWord d = e.getDependent();
            if (d.index() < first && (rel.equals("compound") || rel.equals("amod") || rel.equals("nmod:poss"))) {
                before.addAll(article.subtree(sentence, d, Set.of(), NOT_IN_DESCRIPTION));
            }
        }
        before.removeIf(w -> w.index() >= first);
        if (!before.isEmpty()) {
            return trim(before);
        }
        SemanticGraphEdge parent = AnnotatedArticle.parentEdge(g, head);
        // "Trump's envoy, Steve Witkoff": the name is an apposition to its description
        if (parent != null && parent.getRelation().toString().equals("appos")) {
            List<IndexedWord> gov = article.subtree(sentence, parent.getGovernor(), Set.of(), NOT_IN_DESCRIPTION);
            gov.removeIf(w -> w.index() >= first);
            return trim(gov);
        }
        // "Kirill Dmitriev, the head of Russia's sovereign wealth fund,"
        for (IndexedWord appos : AnnotatedArticle.children(g, head, "appos")) {
            if (at(sentence, appos.index()) != null && "PERSON".equals(at(sentence, appos.index()).type)) {
                continue;
            }
            return trim(article.subtree(sentence, appos, Set.of(), NOT_IN_DESCRIPTION));
        }
        return List.of();
    }

    private static List<IndexedWord> trim(List<IndexedWord> words) {
        List<IndexedWord> out = new ArrayList<>(words);
        out.sort(Comparator.comparingInt(IndexedWord::index));
        while (!out.isEmpty()
                && (out.getFirst().tag().equals("DT")
                        || out.getFirst().tag().equals("IN")
                        || AnnotatedArticle.isPunct(out.getFirst()))) {
            out.removeFirst();
        }
        while (!out.isEmpty() && AnnotatedArticle.isPunct(out.getLast())) {
            out.removeLast();
        }
        // contiguous only
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).index() != out.get(i - 1).index() + 1) {
                return List.of();
            }
        }
        return out;
    }

    /** HOLDS_ROLE, RELATIVE_OF and ADVISES read from a person's description, and their side. */
    private void roles(Cluster person, int sentence, List<IndexedWord> span) {
        List<Integer> idx = span.stream().map(IndexedWord::index).toList();
        Cluster possessor = null;
        Set<Cluster> states = new LinkedHashSet<>();
        int titleAt = -1;
        for (int i : idx) {
            CoreLabel t = article.token(sentence, i);
            Cluster c = at(sentence, i);
            if (c != null && c != person && c.label.equals("Person")) {
                possessor = c;
                states.clear();
                titleAt = -1;
            } else if (c != null && (c.label.equals("Country") || c.label.equals("Institution"))) {
                states.add(c);
            } else if ("NATIONALITY".equals(t.ner())) {
                Cluster country = country(t.word(), sentence);
                if (country != null) {
                    states.add(country);
                }
            } else if ("TITLE".equals(t.ner())) {
                titleAt = i;
            }
        }
        String text = person.description;
        if (possessor != null) {
            person.possessor = possessor;
            Matcher kin = KIN.matcher(text);
            if (kin.find()) {
                roles.add(new Role(
                        "RELATIVE_OF",
                        person,
                        possessor,
                        "relation",
                        kin.group(1).toLowerCase(Locale.ROOT),
                        sentence,
                        ROLE_KIN));
            } else if (ADVISER.matcher(text).find()) {
                roles.add(new Role("ADVISES", person, possessor, "title", "adviser", sentence, ROLE_ADVISER));
            }
        }
        List<Cluster> countries =
                states.stream().filter(c -> c.label.equals("Country")).toList();
        if (countries.size() == 1) {
            person.side = countries.getFirst();
        }
        if (titleAt > 0 && !states.isEmpty()) {
            // the title is the run of TITLE words ending at titleAt
            int from = titleAt;
            while (from > 1 && "TITLE".equals(article.token(sentence, from - 1).ner())) {
                from--;
            }
            String title = article.span(sentence, from, titleAt);
            Cluster target = null;
            for (Cluster s : states) {
                target = s; // the state named closest before the title
            }
            roles.add(new Role("HOLDS_ROLE", person, target, "title", title, sentence, ROLE_TITLE));
        }
    }

    // ---- linking to the graph ----------------------------------------------------------------

    /** Gives every cluster an id: the graph's where a name matches (with the reason), else a new slug. */
    /** The graph's entities by folded name, alias and surname, once {@link #link} has run. */
    private final Map<String, List<KnownGraph.KnownEntity>> byName = new HashMap<>();

    private final Map<String, List<KnownGraph.KnownEntity>> byAlias = new HashMap<>();
    private final Map<String, List<KnownGraph.KnownEntity>> bySurname = new HashMap<>();
    /** The draft whose ids {@link #link} gave out; null before. */
    private Draft linkedDraft;

    void link(KnownGraph known, Draft draft) {
        for (KnownGraph.KnownEntity e : known.entities()) {
            // a new entity never takes the id of an existing one it was not linked to
            draft.reserve(e.id());
            byName.computeIfAbsent(Slugs.fold(e.name()), k -> new ArrayList<>()).add(e);
            for (String a : e.aliases()) {
                byAlias.computeIfAbsent(Slugs.fold(a), k -> new ArrayList<>()).add(e);
            }
            if (e.label().equals("Person")) {
                String[] words = Slugs.fold(e.name()).split(" ");
                bySurname
                        .computeIfAbsent(words[words.length - 1], k -> new ArrayList<>())
                        .add(e);
            }
        }
        for (Cluster c : clusters) {
            linkOne(c);
        }
        for (Cluster c : clusters) {
            if (c.id == null) {
                c.id = draft.freshId(Slugs.slug(c.name, 80));
            }
        }
        linkedDraft = draft;
    }

    /**
     * A cluster made after {@link #link} (a country first named by an adjective the fact readers
     * meet: "Russian officials claimed …") is linked and given its id at once, as {@link #link}
     * would have.
     */
    private void linkLate(Cluster c) {
        if (linkedDraft != null) {
            linkOne(c);
            if (c.id == null) {
                c.id = linkedDraft.freshId(Slugs.slug(c.name, 80));
            }
        }
    }

    /** Gives the cluster the id of the one graph entity its name, an alias or a surname matches. */
    private void linkOne(Cluster c) {
        KnownGraph.KnownEntity match = null;
        String reason = null;
        List<String> folds = new ArrayList<>();
        folds.add(Slugs.fold(c.name));
        c.forms.forEach(f -> folds.add(Slugs.fold(f)));
        for (String f : folds) {
            match = pick(byName.get(f), c.label);
            if (match != null) {
                reason = LINK_NAME;
                break;
            }
        }
        if (match == null) {
            for (String f : folds) {
                match = pick(byAlias.get(f), c.label);
                if (match != null) {
                    reason = LINK_ALIAS;
                    break;
                }
            }
        }
        if (match == null && c.label.equals("Person")) {
            String[] words = Slugs.fold(c.name).split(" ");
            String surname = words[words.length - 1];
            List<KnownGraph.KnownEntity> same = bySurname.get(surname);
            reason = LINK_SURNAME;
            if (same == null) {
                same = new ArrayList<>();
                for (var entry : bySurname.entrySet()) {
                    if (Slugs.variant(surname, entry.getKey())) {
                        same.addAll(entry.getValue());
                    }
                }
                reason = LINK_SPELLING;
            }
            // a full name must agree on the first name too
            List<KnownGraph.KnownEntity> agreeing = same.stream()
                    .filter(e -> words.length == 1
                            || Slugs.fold(e.name()).split(" ")[0].equals(words[0]))
                    .toList();
            match = agreeing.size() == 1 ? agreeing.getFirst() : null;
        }
        if (match != null) {
            c.id = match.id();
            c.label = match.label();
            c.linkReason = reason;
            if (c.kind == null && (c.label.equals("Institution") || c.label.equals("Place"))) {
                c.kind = kindOf(c.label, c.type, c.name);
            }
            if (!c.label.equals("Institution") && !c.label.equals("Place")) {
                c.kind = null;
            }
        }
    }

    /** The one candidate, preferring the cluster's own label; null if none or still ambiguous. */
    private static KnownGraph.KnownEntity pick(List<KnownGraph.KnownEntity> candidates, String label) {
        if (candidates == null || candidates.isEmpty()) {
            return null;
        }
        List<KnownGraph.KnownEntity> same =
                candidates.stream().filter(e -> e.label().equals(label)).toList();
        List<KnownGraph.KnownEntity> pool = same.isEmpty() ? candidates : same;
        return pool.stream().map(KnownGraph.KnownEntity::id).distinct().count() == 1 ? pool.getFirst() : null;
    }
}
