package parley.kb;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.neo4j.driver.SimpleQueryRunner;
import parley.errors.ApiError.Problem;
import parley.neo4j.CypherScript;

/**
 * What the JSON Schema cannot say: every evidence sentence and quotation occurs in the article's
 * text (whitespace folded), every reference names an entity or fact of this document or of the
 * graph, relationships join the labels the contract allows, dates exist, and no id names two
 * kinds of thing. Reports all problems at once.
 */
@Singleton
final class DocumentValidator {

    // Unicode-aware: articles carry non-breaking spaces that an editor shows as plain spaces.
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String LABELS_OF_IDS = CypherScript.read("loader/labels-of-ids.cypher");

    /**
     * Every run of whitespace (Unicode's White_Space, as {@code \\s} with {@code
     * UNICODE_CHARACTER_CLASS}) becomes one space, ends stripped. Most fragments hold no
     * whitespace but single spaces, which the replacement would leave as they are: those skip the
     * regular expression (it was a third of the validator's samples in a loader profile).
     */
    static String fold(String text) {
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' && !space) {
                space = true;
            } else if (mayBeWhitespace(c)) {
                return WHITESPACE.matcher(text).replaceAll(" ").strip();
            } else {
                space = false;
            }
        }
        return text.strip();
    }

    /**
     * True for every White_Space character (and a few more, which then take the regular
     * expression, so it decides): the controls and spaces up to U+0020, U+007F to U+00A0, the
     * Ogham space, the Mongolian vowel separator, U+2000 to U+200B, the line and paragraph
     * separators, the narrow and mathematical spaces, the ideographic space and U+FEFF.
     */
    static boolean mayBeWhitespace(char c) {
        return c <= ' '
                || (c >= 0x7F && c <= 0xA0)
                || c == 0x1680
                || c == 0x180E
                || (c >= 0x2000 && c <= 0x200B)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202F
                || c == 0x205F
                || c == 0x3000
                || c == 0xFEFF;
    }

    /**
     * Throws {@link DocumentRejectedException} with every problem; returns the labels of all ids
     * used. Looks ids up through {@code graph}: the loader passes its write transaction, after
     * taking the write lock, so what was checked cannot change before the document is written.
     */
    Map<String, String> validate(KbDocument doc, SimpleQueryRunner graph) {
        return validate(doc, ids -> labelsInGraph(ids, graph, new HashMap<>()));
    }

    /** Which of some ids the knowledge base already holds, and as what label. */
    @FunctionalInterface
    interface KnownIds {
        Map<String, String> labelsOf(Set<String> ids);
    }

    /**
     * The same checks, with the ids already known looked up in {@code known} rather than in a
     * graph: the bulk import validates each document against the documents before it.
     */
    Map<String, String> validate(KbDocument doc, KnownIds known) {
        List<Problem> problems = new ArrayList<>();
        ArticleText text = new ArticleText(fold(doc.text()), fragments(doc));
        checkDate(doc.source().published(), "$.source.published", problems);

        Map<String, String> labels = new HashMap<>();
        Set<String> defined = new LinkedHashSet<>();
        for (int i = 0; i < doc.entities().size(); i++) {
            KbDocument.Entity e = doc.entities().get(i);
            String path = "$.entities[" + i + "]";
            define(e.id(), e.label(), path, labels, defined, doc, problems);
            if (!"Topic".equals(e.label()) && !mentioned(text, e)) {
                problems.add(new Problem(
                        path + ".name",
                        "neither the name '" + e.name()
                                + "' nor any alias occurs in the article text; list the spelling the article uses"));
            }
            checkEvidence(e.evidence(), path, text, problems);
        }
        for (int i = 0; i < doc.facts().size(); i++) {
            KbDocument.Fact f = doc.facts().get(i);
            String path = "$.facts[" + i + "]";
            define(f.id(), f.label(), path, labels, defined, doc, problems);
            checkEvidence(f.evidence(), path, text, problems);
            if ("Statement".equals(f.label())
                    && !text.contains(fold((String) f.properties().get("text")))) {
                problems.add(new Problem(
                        path + ".text",
                        "a statement is a verbatim quotation, but this text does not occur in the article"));
            }
            checkDates(f.properties(), path, problems);
        }

        Set<String> wanted = new LinkedHashSet<>(defined);
        doc.relationships().forEach(r -> {
            wanted.add(r.from());
            wanted.add(r.to());
            if (side(r) != null) {
                wanted.add(side(r));
            }
        });
        Map<String, String> inGraph = known.labelsOf(wanted);
        for (String id : defined) {
            String existing = inGraph.get(id);
            if (existing != null && !existing.equals(labels.get(id))) {
                problems.add(new Problem(
                        pathOf(doc, id),
                        "id '" + id + "' is already a " + existing + " in the graph and cannot also be a "
                                + labels.get(id)));
            }
        }

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < doc.relationships().size(); i++) {
            KbDocument.Relationship r = doc.relationships().get(i);
            String path = "$.relationships[" + i + "]";
            KbSchema.Rule rule = KbSchema.RELATIONSHIPS.get(r.type());
            String fromLabel = resolve(r.from(), labels, inGraph);
            String toLabel = resolve(r.to(), labels, inGraph);
            if (fromLabel == null) {
                problems.add(new Problem(
                        path + ".from", "'" + r.from() + "' is defined neither in this document nor in the graph"));
            } else if (!rule.from().contains(fromLabel)) {
                problems.add(new Problem(
                        path + ".from",
                        r.type() + " cannot start at a " + fromLabel + " ('" + r.from() + "'); it starts at "
                                + String.join(" or ", sorted(rule.from()))));
            }
            if (toLabel == null) {
                problems.add(new Problem(
                        path + ".to", "'" + r.to() + "' is defined neither in this document nor in the graph"));
            } else if (!rule.to().contains(toLabel)) {
                problems.add(new Problem(
                        path + ".to",
                        r.type() + " cannot end at a " + toLabel + " ('" + r.to() + "'); it ends at "
                                + String.join(" or ", sorted(rule.to()))));
            }
            if (!seen.add(r.from() + "|" + r.type() + "|" + r.to())) {
                problems.add(new Problem(
                        path,
                        "a second " + r.type() + " from '" + r.from() + "' to '" + r.to()
                                + "'; put all its evidence on one relationship"));
            }
            checkSide(r, path, labels, inGraph, problems);
            checkEvidence(r.evidence(), path, text, problems);
            checkDates(r.properties(), path + ".properties", problems);
        }
        labels.putAll(inGraphOnly(inGraph, labels));
        if (!problems.isEmpty()) {
            throw new DocumentRejectedException(problems);
        }
        return labels;
    }

    /** Every piece of the document that must occur in its text, folded: searched for in one pass. */
    private static List<String> fragments(KbDocument doc) {
        List<String> fragments = new ArrayList<>();
        for (KbDocument.Entity e : doc.entities()) {
            fragments.add(fold(e.name()));
            e.aliases().forEach(a -> fragments.add(fold(a)));
            e.evidence().forEach(s -> fragments.add(fold(s)));
        }
        for (KbDocument.Fact f : doc.facts()) {
            f.evidence().forEach(s -> fragments.add(fold(s)));
            if ("Statement".equals(f.label())) {
                fragments.add(fold((String) f.properties().get("text")));
            }
        }
        doc.relationships().forEach(r -> r.evidence().forEach(s -> fragments.add(fold(s))));
        return fragments;
    }

    /** The id an ATTENDED's {@code side} names, or null where the document states none. */
    static String side(KbDocument.Relationship r) {
        return "ATTENDED".equals(r.type()) && r.properties().get("side") instanceof String side ? side : null;
    }

    /** A side names the Country or Institution (bloc, body) the person acts for at that meeting. */
    private static void checkSide(
            KbDocument.Relationship r,
            String path,
            Map<String, String> labels,
            Map<String, String> inGraph,
            List<Problem> problems) {
        String side = side(r);
        if (side == null) {
            return;
        }
        String label = resolve(side, labels, inGraph);
        if (label == null) {
            problems.add(new Problem(
                    path + ".properties.side",
                    "side '" + side + "' is defined neither in this document nor in the graph; it names the "
                            + "Country or Institution the person acts for"));
        } else if (!KbSchema.SIDE_LABELS.contains(label)) {
            problems.add(new Problem(
                    path + ".properties.side",
                    "side '" + side + "' is a " + label + "; it names the Country or Institution the person acts for"));
        }
    }

    private static Map<String, String> inGraphOnly(Map<String, String> inGraph, Map<String, String> labels) {
        Map<String, String> extra = new HashMap<>();
        inGraph.forEach((id, label) -> {
            if (!labels.containsKey(id)) {
                extra.put(id, label);
            }
        });
        return extra;
    }

    private static void define(
            String id,
            String label,
            String path,
            Map<String, String> labels,
            Set<String> defined,
            KbDocument doc,
            List<Problem> problems) {
        if (id.equals(doc.source().id())) {
            problems.add(new Problem(path + ".id", "'" + id + "' is the source's own id"));
        } else if (!defined.add(id)) {
            problems.add(new Problem(path + ".id", "'" + id + "' is defined twice in this document"));
        } else {
            labels.put(id, label);
        }
    }

    private static boolean mentioned(ArticleText text, KbDocument.Entity e) {
        if (text.contains(fold(e.name()))) {
            return true;
        }
        return e.aliases().stream().anyMatch(a -> text.contains(fold(a)));
    }

    private static void checkEvidence(List<String> evidence, String path, ArticleText text, List<Problem> problems) {
        for (int i = 0; i < evidence.size(); i++) {
            if (!text.contains(fold(evidence.get(i)))) {
                problems.add(new Problem(
                        path + ".evidence[" + i + "]",
                        "not verbatim in the article text: '" + abbreviate(evidence.get(i)) + "'"));
            }
        }
    }

    private static void checkDates(Map<String, Object> properties, String path, List<Problem> problems) {
        Object date = properties.get("date");
        if (date instanceof String s) {
            checkDate(s, path + ".date", problems);
        }
    }

    private static void checkDate(String value, String path, List<Problem> problems) {
        try {
            LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(path, "'" + value + "' is not a date that exists (YYYY-MM-DD)"));
        }
    }

    private static String resolve(String id, Map<String, String> labels, Map<String, String> inGraph) {
        String label = labels.get(id);
        return label != null ? label : inGraph.get(id);
    }

    /**
     * The labels of those of {@code ids} the graph holds ({@code labels-of-ids.cypher}), putting
     * their element ids into {@code elementIds}: the loader reads a new source's nodes by them
     * instead of looking the ids up again.
     */
    static Map<String, String> labelsInGraph(Set<String> ids, SimpleQueryRunner graph, Map<String, String> elementIds) {
        Map<String, String> found = new HashMap<>();
        graph.run(LABELS_OF_IDS, Map.of("ids", List.copyOf(ids))).forEachRemaining(r -> {
            found.put(r.get("id").asString(), r.get("label").asString());
            elementIds.put(r.get("id").asString(), r.get("elementId").asString());
        });
        return found;
    }

    private static String pathOf(KbDocument doc, String id) {
        for (int i = 0; i < doc.entities().size(); i++) {
            if (doc.entities().get(i).id().equals(id)) {
                return "$.entities[" + i + "].id";
            }
        }
        for (int i = 0; i < doc.facts().size(); i++) {
            if (doc.facts().get(i).id().equals(id)) {
                return "$.facts[" + i + "].id";
            }
        }
        return "$";
    }

    private static List<String> sorted(Set<String> labels) {
        return labels.stream().sorted().toList();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
