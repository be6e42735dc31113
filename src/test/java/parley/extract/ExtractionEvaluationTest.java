package parley.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;
import parley.kb.BundledDocuments;
import parley.kb.DraftCheck;
import tools.jackson.databind.JsonNode;

/**
 * The evaluation ({@code ./mvnw -B verify -Pextraction}): the extractor over the five bundled
 * articles, first against an empty graph, compared with the curated documents; then with the
 * curated graph loaded, for linking. Writes {@code docs/extraction.md}.
 */
@Tag("extraction")
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractionEvaluationTest implements SharedNeo4j {

    private static final List<String> ARTICLES =
            List.of("article-000", "article-001", "article-002", "article-003", "article-004");
    private static final Set<String> ATTACKS = Set.of("strike", "attack", "drone-attack", "missile-strike");

    @Inject
    GraphKnowledge graph;

    @Inject
    DraftCheck check;

    /** Matches counted per kind: proposed, proposed and right, curated, curated and found. */
    static final class Score {
        int proposed;
        int correct;
        int curated;
        int found;
        final List<String> misses = new ArrayList<>();
        final List<String> wrong = new ArrayList<>();

        String precision() {
            return proposed == 0 ? "–" : String.format(Locale.ROOT, "%.2f", (double) correct / proposed);
        }

        String recall() {
            return curated == 0 ? "–" : String.format(Locale.ROOT, "%.2f", (double) found / curated);
        }
    }

    /** Every figure the comparison of drafts with curated documents gives, article by article. */
    static final class Tally {
        final Map<String, Score> scores = new LinkedHashMap<>();
        int speakerRight;
        int speakerAll;
        int directSpeakerRight;
        int directSpeakerAll;
        int datesRight;
        int datesAll;
        final List<String> dateMisses = new ArrayList<>();

        Tally() {
            for (String kind :
                    List.of("entities", "meetings", "statements", "demands", "claims", "denials", "events")) {
                scores.put(kind, new Score());
            }
        }

        /** Scores one article's draft against its curated document. */
        void compare(String name, JsonNode draft, JsonNode curated) {
            Map<String, String> ids = mapIds(draft, curated);

            // entities by name
            Score e = scores.get("entities");
            for (JsonNode c : curated.get("entities")) {
                if (c.get("label").asString().equals("Topic")) {
                    continue;
                }
                e.curated++;
                if (ids.containsValue(c.get("id").asString())) {
                    e.found++;
                } else {
                    e.misses.add(name + ": " + c.get("label").asString() + " "
                            + c.get("name").asString());
                }
            }
            for (JsonNode d : draft.get("entities")) {
                e.proposed++;
                if (ids.containsKey(d.get("id").asString())) {
                    e.correct++;
                } else {
                    e.wrong.add(name + ": " + d.get("label").asString() + " "
                            + d.get("name").asString());
                }
            }

            // meetings by participants, place and date
            Score m = scores.get("meetings");
            Set<String> matchedCurated = new HashSet<>();
            List<JsonNode> curatedMeetings = Drafts.facts(curated, "Meeting");
            m.curated += curatedMeetings.size();
            for (JsonNode d : Drafts.facts(draft, "Meeting")) {
                m.proposed++;
                // of the curated meetings it matches, the one sharing the most participants, one
                // not matched yet first ("X met A, B" read as two meetings must find both)
                JsonNode match = null;
                int best = -1;
                for (JsonNode c : curatedMeetings) {
                    int shared = sameMeeting(draft, d, curated, c, ids);
                    if (shared < 0) {
                        continue;
                    }
                    int score =
                            shared * 2 + (matchedCurated.contains(c.get("id").asString()) ? 0 : 1);
                    if (score > best) {
                        best = score;
                        match = c;
                    }
                }
                if (match == null) {
                    m.wrong.add(name + ": " + d.get("title").asString() + " ("
                            + d.get("rule").asString() + ")");
                    continue;
                }
                m.correct++;
                matchedCurated.add(match.get("id").asString());
                if (match.has("date")) {
                    datesAll++;
                    if (d.has("date")
                            && d.get("date").asString().equals(match.get("date").asString())) {
                        datesRight++;
                    } else {
                        dateMisses.add(name + ": meeting " + match.get("id").asString() + " is "
                                + match.get("date").asString() + ", draft "
                                + (d.has("date") ? d.get("date").asString() : "none") + " ("
                                + (d.has("dateText") ? d.get("dateText").asString() : "no date words") + ")");
                    }
                }
            }
            for (JsonNode c : curatedMeetings) {
                if (matchedCurated.contains(c.get("id").asString())) {
                    m.found++;
                } else {
                    m.misses.add(name + ": " + c.get("title").asString());
                }
            }

            // statements by text and speaker
            Score st = scores.get("statements");
            List<JsonNode> curatedStatements = Drafts.facts(curated, "Statement");
            st.curated += curatedStatements.size();
            Set<String> foundStatements = new HashSet<>();
            for (JsonNode d : Drafts.facts(draft, "Statement")) {
                st.proposed++;
                String dSpeaker = speaker(draft, "SAID", d.get("id").asString(), ids);
                JsonNode match = null;
                for (JsonNode c : curatedStatements) {
                    if (sameText(d.get("text").asString(), c.get("text").asString())) {
                        match = c;
                    }
                }
                if (match == null) {
                    st.wrong.add(name + ": \"" + abbreviate(d.get("text").asString()) + "\"");
                    continue;
                }
                String cSpeaker = speaker(curated, "SAID", match.get("id").asString(), null);
                speakerAll++;
                // A direct quotation, not reported speech ("X said that …"): the target is
                // on these, so they are counted apart as well.
                boolean direct =
                        !Claims.REPORTED_STATEMENT.equals(d.path("rule").asString(""));
                if (direct) {
                    directSpeakerAll++;
                }
                if (java.util.Objects.equals(cSpeaker, dSpeaker)) {
                    if (direct) {
                        directSpeakerRight++;
                    }
                    speakerRight++;
                    st.correct++;
                    foundStatements.add(match.get("id").asString());
                } else {
                    st.wrong.add(name + ": \"" + abbreviate(d.get("text").asString()) + "\" said by " + dSpeaker
                            + ", curated " + cSpeaker);
                }
            }
            for (JsonNode c : curatedStatements) {
                if (foundStatements.contains(c.get("id").asString())) {
                    st.found++;
                } else {
                    st.misses.add(name + ": \"" + abbreviate(c.get("text").asString()) + "\"");
                }
            }

            // demands, claims, denials by actor and evidence sentence
            compareByActor(name, scores.get("demands"), curated, draft, "Demand", "DEMANDS", ids);
            compareByActor(name, scores.get("claims"), curated, draft, "Claim", "CLAIMS", ids);
            compareByActor(name, scores.get("denials"), curated, draft, "Claim", "DENIES", ids);

            // events by kind and evidence
            Score ev = scores.get("events");
            List<JsonNode> curatedEvents = Drafts.facts(curated, "Event");
            ev.curated += curatedEvents.size();
            Set<String> foundEvents = new HashSet<>();
            for (JsonNode d : Drafts.facts(draft, "Event")) {
                ev.proposed++;
                JsonNode match = null;
                for (JsonNode c : curatedEvents) {
                    if (sharesEvidence(d.get("evidence"), c.get("evidence"))
                            && sameKind(d.get("kind").asString(), c.get("kind").asString())) {
                        match = c;
                    }
                }
                if (match == null) {
                    ev.wrong.add(name + ": " + d.get("kind").asString() + " in \""
                            + abbreviate(d.get("evidence").get(0).asString()) + "\"");
                } else {
                    ev.correct++;
                    foundEvents.add(match.get("id").asString());
                    if (match.has("date")) {
                        datesAll++;
                        if (d.has("date")
                                && d.get("date")
                                        .asString()
                                        .equals(match.get("date").asString())) {
                            datesRight++;
                        } else {
                            dateMisses.add(name + ": event " + match.get("id").asString() + " is "
                                    + match.get("date").asString() + ", draft "
                                    + (d.has("date") ? d.get("date").asString() : "none"));
                        }
                    }
                }
            }
            for (JsonNode c : curatedEvents) {
                if (foundEvents.contains(c.get("id").asString())) {
                    ev.found++;
                } else {
                    ev.misses.add(name + ": " + c.get("kind").asString() + ", "
                            + abbreviate(c.get("summary").asString()));
                }
            }
        }
    }

    @Test
    void evaluate() throws IOException {
        Runtime rt = Runtime.getRuntime();
        long loadStart = System.nanoTime();
        boolean loadedHere = NlpPipeline.load();
        long loadMillis = loadedHere ? (System.nanoTime() - loadStart) / 1_000_000 : NlpPipeline.loadMillis();
        System.gc();
        long heapAfterLoad = (rt.totalMemory() - rt.freeMemory()) >> 20;

        Tally t = new Tally();
        Map<String, Score> scores = t.scores;
        int linked = 0;
        int linkable = 0;
        List<String> linkMisses = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> timings = new ArrayList<>();
        boolean identical = true;
        int valid = 0;
        long words = 0;
        double warmSeconds = 0;

        for (String name : ARTICLES) {
            JsonNode curated = Drafts.read(BundledDocuments.read("kb/sources/" + name + ".json"));
            JsonNode s = curated.get("source");
            String text = curated.get("text").asString();
            Article article = new Article(
                    new Article.ArticleSource(
                            name,
                            s.get("title").asString(),
                            s.get("published").asString(),
                            s.has("publisher") ? s.get("publisher").asString() : null,
                            null),
                    text);
            byte[] first = CoreNlpExtractor.draft(article, KnownGraph.EMPTY, Integer.MAX_VALUE);
            long t0 = System.nanoTime();
            byte[] second = CoreNlpExtractor.draft(article, KnownGraph.EMPTY, Integer.MAX_VALUE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            identical &= Arrays.equals(first, second);
            int n = text.split("\\s+").length;
            words += n;
            warmSeconds += seconds;
            timings.add(
                    String.format(Locale.ROOT, "| %s | %d | %.1f s | %.1f s |", name, n, seconds, seconds * 1000 / n));
            // the drafts themselves, to read beside the report
            Path drafts = Files.createDirectories(Path.of("target", "extraction-drafts"));
            Files.write(drafts.resolve(name + ".json"), first);
            JsonNode draft = Drafts.read(first);
            t.compare(name, draft, curated);

            // the second run: the curated graph loaded, names linked to its ids
            byte[] linkedDraft = CoreNlpExtractor.draft(article, graph, Integer.MAX_VALUE);
            var problems = check.problems(linkedDraft);
            if (problems.isEmpty()) {
                valid++;
            }
            problems.forEach(p -> refused.add(name + ": " + p));
            JsonNode withGraph = Drafts.read(linkedDraft);
            Map<String, String> linkedIds = mapIds(withGraph, curated);
            for (var entry : linkedIds.entrySet()) {
                linkable++;
                if (entry.getKey().equals(entry.getValue())) {
                    linked++;
                } else {
                    linkMisses.add(name + ": " + entry.getKey() + " should be " + entry.getValue());
                }
            }
        }
        System.gc();
        long heapAfter = (rt.totalMemory() - rt.freeMemory()) >> 20;

        StringBuilder md = new StringBuilder();
        md.append("# Extraction: evaluation\n\n");
        md.append("Written by `./mvnw -B verify -Pextraction` (`ExtractionEvaluationTest`) on ")
                .append(LocalDate.now())
                .append(", JDK ")
                .append(System.getProperty("java.version"))
                .append(", ")
                .append(rt.availableProcessors())
                .append(" cores, heap limit ")
                .append(rt.maxMemory() >> 20)
                .append(" MB. The five bundled articles are read against an **empty graph** and compared with")
                .append(" the curated documents of this branch (`src/main/resources/kb/sources/`); the linking")
                .append(" share comes from a second run with the curated graph loaded. How each kind is matched:")
                .append(" [extraction-notes.md](extraction-notes.md).\n\n");
        md.append("| kind | proposed | right | precision | curated | found | recall | target |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        Map<String, String> targets = Map.of(
                "entities", "recall ≥ 0.9",
                "meetings", "P ≥ 0.9, R ≥ 0.8",
                "statements", "speaker accuracy ≥ 0.9",
                "demands", "P ≥ 0.8, R ≥ 0.6",
                "claims", "P ≥ 0.8, R ≥ 0.6",
                "denials", "P ≥ 0.8, R ≥ 0.6",
                "events", "–");
        scores.forEach((kind, sc) -> md.append(String.format(
                Locale.ROOT,
                "| %s | %d | %d | %s | %d | %d | %s | %s |%n",
                kind,
                sc.proposed,
                sc.correct,
                sc.precision(),
                sc.curated,
                sc.found,
                sc.recall(),
                targets.get(kind))));
        md.append("\n| figure | value | target |\n|---|---|---|\n");
        md.append(String.format(
                Locale.ROOT,
                "| direct-quote speaker accuracy (direct quotations whose text matches a curated statement) | %s (%d of %d) | ≥ 0.9 |%n",
                ratio(t.directSpeakerRight, t.directSpeakerAll),
                t.directSpeakerRight,
                t.directSpeakerAll));
        md.append(String.format(
                Locale.ROOT,
                "| speaker accuracy, direct quotations and reported speech together | %s (%d of %d) | – |%n",
                ratio(t.speakerRight, t.speakerAll),
                t.speakerRight,
                t.speakerAll));
        md.append(String.format(
                Locale.ROOT,
                "| resolved dates exact (matched meetings and events the curators dated) | %s (%d of %d) | ≥ 0.9 |%n",
                ratio(t.datesRight, t.datesAll),
                t.datesRight,
                t.datesAll));
        md.append(String.format(
                Locale.ROOT,
                "| linking: matched entities given the curated graph's id (second run) | %s (%d of %d) | ≥ 0.95 |%n",
                ratio(linked, linkable),
                linked,
                linkable));
        md.append(String.format(
                Locale.ROOT,
                "| drafts the document validator accepts (second run, against the curated graph) | %d of %d | all |%n",
                valid,
                ARTICLES.size()));
        md.append(String.format(
                Locale.ROOT,
                "| same input, byte-identical output (each article extracted twice) | %s | yes |%n",
                identical ? "yes" : "NO"));
        md.append(String.format(Locale.ROOT, "| model load | %.1f s | – |%n", loadMillis / 1000.0));
        md.append(String.format(
                Locale.ROOT,
                "| warm extraction, all five articles | %.1f s for %d words, %.1f s per 1,000 words | ≤ 5 s per 1,000 words |%n",
                warmSeconds,
                words,
                warmSeconds * 1000 / words));
        md.append(String.format(
                Locale.ROOT,
                "| heap in use after a full GC: models loaded / after the runs | %d MB / %d MB | – |%n",
                heapAfterLoad,
                heapAfter));
        md.append(String.format(
                Locale.ROOT,
                "| machine load average during the run (1 min, at the end) | %.1f | – |%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        md.append("\n## Time per article (warm: the second extraction of each)\n\n");
        md.append("| article | words | time | per 1,000 words |\n|---|---|---|---|\n");
        timings.forEach(row -> md.append(row).append('\n'));
        scores.forEach((kind, sc) -> {
            md.append("\n## ").append(kind).append(": curated items not found\n\n");
            list(md, sc.misses);
            md.append("\n## ").append(kind).append(": proposed items not in the curated document\n\n");
            list(md, sc.wrong);
        });
        md.append("\n## Dates not resolved as curated\n\n");
        list(md, t.dateMisses);
        md.append("\n## Entities linked to another id than the curated one\n\n");
        list(md, linkMisses);
        md.append("\n## What the document validator refused in the drafts (second run)\n\n");
        list(md, refused);
        Files.createDirectories(Path.of("docs"));
        Files.writeString(Path.of("docs/extraction.md"), md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
        assertTrue(identical, "the same article gave different bytes");
        assertEquals(ARTICLES.size(), valid, () -> "every draft passes the validator: " + refused);
    }

    private static void list(StringBuilder md, List<String> items) {
        if (items.isEmpty()) {
            md.append("None.\n");
        }
        items.forEach(i -> md.append("- ").append(i.replace("\n", " ")).append('\n'));
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "–" : String.format(Locale.ROOT, "%.2f", (double) a / b);
    }

    private static String abbreviate(String s) {
        return s.length() <= 90 ? s : s.substring(0, 87) + "...";
    }

    /** Draft entity id → curated entity id, by name: a shared spelling, or a person's surname spelt alike. */
    static Map<String, String> mapIds(JsonNode draft, JsonNode curated) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode d : draft.get("entities")) {
            List<String> dForms = forms(d);
            String best = null;
            for (JsonNode c : curated.get("entities")) {
                if (c.get("label").asString().equals("Topic")) {
                    continue;
                }
                List<String> cForms = forms(c);
                boolean same = dForms.stream().anyMatch(cForms::contains);
                boolean person = d.get("label").asString().equals("Person")
                                && c.get("label").asString().equals("Person")
                                && Slugs.variant(last(dForms.getFirst()), last(cForms.getFirst()))
                        || d.get("label").asString().equals("Person")
                                && c.get("label").asString().equals("Person")
                                && last(dForms.getFirst()).equals(last(cForms.getFirst()));
                if (same || person) {
                    if (best == null
                            || c.get("label").asString().equals(d.get("label").asString())) {
                        best = c.get("id").asString();
                    }
                }
            }
            if (best != null) {
                out.put(d.get("id").asString(), best);
            }
        }
        return out;
    }

    private static String last(String fold) {
        return fold.substring(fold.lastIndexOf(' ') + 1);
    }

    private static List<String> forms(JsonNode entity) {
        List<String> out = new ArrayList<>();
        out.add(Slugs.fold(entity.get("name").asString()));
        entity.get("aliases").forEach(a -> out.add(Slugs.fold(a.asString())));
        return out;
    }

    /** The number of curated participants a draft meeting shares if it is the same meeting, else -1. */
    private static int sameMeeting(JsonNode draft, JsonNode d, JsonNode curated, JsonNode c, Map<String, String> ids) {
        Set<String> dParts = new HashSet<>();
        for (String type : List.of("ATTENDED", "PARTY_TO")) {
            for (JsonNode r : Drafts.relationships(draft, type)) {
                if (r.get("to").asString().equals(d.get("id").asString())
                        && ids.containsKey(r.get("from").asString())) {
                    dParts.add(ids.get(r.get("from").asString()));
                }
            }
        }
        Set<String> cParts = new HashSet<>();
        for (String type : List.of("ATTENDED", "PARTY_TO")) {
            for (JsonNode r : Drafts.relationships(curated, type)) {
                if (r.get("to").asString().equals(c.get("id").asString())) {
                    cParts.add(r.get("from").asString());
                }
            }
        }
        long shared = dParts.stream().filter(cParts::contains).count();
        if (shared < Math.min(2, cParts.size())) {
            return -1;
        }
        String dPlace = place(draft, d.get("id").asString());
        String cPlace = place(curated, c.get("id").asString());
        if (dPlace != null && cPlace != null && !cPlace.equals(ids.get(dPlace))) {
            return -1;
        }
        boolean dateAgrees = !(d.has("date") && c.has("date"))
                || sameDate(
                        d.get("date").asString(),
                        d.has("datePrecision") ? d.get("datePrecision").asString() : "day",
                        c.get("date").asString());
        return dateAgrees ? (int) shared : -1;
    }

    /**
     * Whether a draft date agrees with a curated one at the draft's precision: a week (its Monday)
     * agrees with any day of that week, a month with any day of that month. The figure of dates
     * resolved exactly still asks for the same day.
     */
    static boolean sameDate(String draft, String precision, String curated) {
        if (precision.equals("week")) {
            LocalDate monday = LocalDate.parse(draft);
            LocalDate day = LocalDate.parse(curated.length() == 10 ? curated : curated + "-01");
            return !day.isBefore(monday) && day.isBefore(monday.plusDays(7));
        }
        if (precision.equals("month")) {
            return curated.startsWith(draft.substring(0, 7));
        }
        return draft.equals(curated);
    }

    private static String place(JsonNode doc, String meeting) {
        for (JsonNode r : Drafts.relationships(doc, "HELD_IN")) {
            if (r.get("from").asString().equals(meeting)) {
                return r.get("to").asString();
            }
        }
        return null;
    }

    /** Who SAID / DEMANDS / CLAIMS a fact, as a curated id (a draft's actor mapped through {@code ids}). */
    private static String speaker(JsonNode doc, String type, String fact, Map<String, String> ids) {
        for (JsonNode r : Drafts.relationships(doc, type)) {
            if (r.get("to").asString().equals(fact)) {
                String from = r.get("from").asString();
                return ids == null ? from : ids.get(from);
            }
        }
        return null;
    }

    private static void compareByActor(
            String name,
            Score score,
            JsonNode curated,
            JsonNode draft,
            String label,
            String type,
            Map<String, String> ids) {
        List<String[]> cPairs = pairs(curated, label, type, null);
        List<String[]> dPairs = pairs(draft, label, type, ids);
        score.curated += cPairs.size();
        score.proposed += dPairs.size();
        for (String[] d : dPairs) {
            if (cPairs.stream().anyMatch(c -> c[0].equals(d[0]) && c[1].equals(d[1]))) {
                score.correct++;
            } else {
                score.wrong.add(name + ": " + d[2] + " by " + d[0] + " in \"" + abbreviate(d[1]) + "\"");
            }
        }
        for (String[] c : cPairs) {
            if (dPairs.stream().anyMatch(d -> c[0].equals(d[0]) && c[1].equals(d[1]))) {
                score.found++;
            } else {
                score.misses.add(name + ": " + c[2] + " by " + c[0] + " in \"" + abbreviate(c[1]) + "\"");
            }
        }
    }

    /** (actor, evidence sentence, fact id) for each relationship of the type into a fact of the label. */
    private static List<String[]> pairs(JsonNode doc, String label, String type, Map<String, String> ids) {
        Set<String> facts = new HashSet<>();
        Drafts.facts(doc, label).forEach(f -> facts.add(f.get("id").asString()));
        List<String[]> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode r : Drafts.relationships(doc, type)) {
            if (!facts.contains(r.get("to").asString())) {
                continue;
            }
            String actor = ids == null
                    ? r.get("from").asString()
                    : ids.getOrDefault(r.get("from").asString(), r.get("from").asString());
            for (JsonNode e : r.get("evidence")) {
                String sentence = fold(e.asString());
                if (seen.add(actor + "|" + sentence)) {
                    out.add(new String[] {actor, sentence, r.get("to").asString()});
                }
            }
        }
        return out;
    }

    private static boolean sharesEvidence(JsonNode a, JsonNode b) {
        for (JsonNode x : a) {
            for (JsonNode y : b) {
                if (fold(x.asString()).equals(fold(y.asString()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameKind(String a, String b) {
        return a.equals(b) || attack(a) && attack(b);
    }

    /** Strike, attack and the curators' finer kinds of them (drone-strike, air-strike, ballistic-missile-strike). */
    private static boolean attack(String kind) {
        return ATTACKS.contains(kind) || kind.endsWith("-strike") || kind.endsWith("-attack");
    }

    private static boolean sameText(String a, String b) {
        String x = Slugs.fold(a);
        String y = Slugs.fold(b);
        return !x.isEmpty() && !y.isEmpty() && (x.contains(y) || y.contains(x));
    }

    private static String fold(String s) {
        // a no-break space in the article counts as a space: the curators typed plain ones
        return s.replaceAll("[\\s\\u00A0]+", " ").strip();
    }
}
