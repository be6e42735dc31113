package parley.extract;

import edu.stanford.nlp.pipeline.CoreDocument;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pipeline after CoreNLP's pass: entities first (clustered and linked), then one small
 * extractor per kind of fact, then the draft written as a source document. Everything is read in
 * text order and written in the order found, so the same input gives the same bytes.
 */
final class Extraction {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Which labels a role read from a description may join (shared/KB-SCHEMA.md). */
    private static final Map<String, List<Set<String>>> ENDPOINTS = Map.of(
            "HOLDS_ROLE", List.of(Set.of("Person"), Set.of("Institution", "Country")),
            "RELATIVE_OF", List.of(Set.of("Person"), Set.of("Person")),
            "ADVISES", List.of(Set.of("Person"), Set.of("Person")));

    private Extraction() {}

    /** The source id: the one given, else a slug of the title and the date. */
    static String sourceId(Article article) {
        if (article.source().id() != null) {
            return article.source().id();
        }
        return Slugs.slug(article.source().title(), 70) + "-" + article.source().published();
    }

    static byte[] run(Article article, LocalDate published, CoreDocument doc, KnownGraph known) {
        String sourceId = sourceId(article);
        AnnotatedArticle annotated = new AnnotatedArticle(article.text(), published, doc);
        Draft draft = new Draft();
        draft.reserve(sourceId);
        Entities entities = new Entities(annotated);
        entities.link(known, draft);
        Context cx = new Context(
                annotated, entities, draft, sourceId, known, article.source().publisher());
        Meetings.extract(cx);
        Quotes quotes = new Quotes();
        quotes.extract(cx);
        Claims.extract(cx, quotes);
        Demands.extract(cx, quotes);
        Events.extract(cx);
        for (Entities.Role role : entities.roles) {
            List<Set<String>> ends = ENDPOINTS.get(role.type());
            if (!ends.get(0).contains(role.from().label) || !ends.get(1).contains(role.to().label)) {
                continue;
            }
            if (!cx.usable(role.sentence())) {
                continue;
            }
            role.to().referenced = true;
            Draft.Relationship r = draft.relate(
                    role.type(), role.from().id, role.to().id, cx.evidence(role.sentence()), 0.7, role.rule());
            r.properties.put(role.property(), role.value());
        }
        return write(article, sourceId, annotated, entities, draft);
    }

    private static byte[] write(
            Article article, String sourceId, AnnotatedArticle annotated, Entities entities, Draft draft) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode source = root.putObject("source");
        source.put("id", sourceId);
        source.put("title", article.source().title().strip());
        source.put("published", article.source().published());
        source.put("file", article.source().url() != null ? article.source().url() : sourceId + ".txt");
        if (article.source().publisher() != null) {
            source.put("publisher", article.source().publisher().strip());
        }
        root.put("text", article.text());
        ArrayNode entityNodes = root.putArray("entities");
        Set<String> emitted = new HashSet<>();
        for (Entities.Cluster c : entities.clusters) {
            if (c.demonymOnly && !c.referenced) {
                continue;
            }
            if (!emitted.add(c.id)) {
                continue;
            }
            ObjectNode e = entityNodes.addObject();
            e.put("id", c.id);
            e.put("label", c.label);
            e.put("name", c.name);
            ArrayNode aliases = e.putArray("aliases");
            c.forms.stream().filter(f -> !f.equals(c.name)).distinct().forEach(aliases::add);
            if (c.label.equals("Person")) {
                e.put("description", c.description != null ? c.description : "named in the article; no role stated");
            }
            if (c.label.equals("Institution") || c.label.equals("Place")) {
                e.put("kind", c.kind != null ? c.kind : Entities.kindOf(c.label, c.type, c.name));
            }
            int s = c.descriptionSentence >= 0 ? c.descriptionSentence : c.firstSentence;
            String evidence = annotated.evidence(s);
            if (evidence.length() >= 8 && evidence.length() <= 4000) {
                e.putArray("evidence").add(evidence);
            }
            e.put("confidence", c.confidence());
            e.put("rule", c.rule());
        }
        ArrayNode factNodes = root.putArray("facts");
        for (Draft.Fact f : draft.facts) {
            ObjectNode n = factNodes.addObject();
            n.put("id", f.id);
            n.put("label", f.label);
            f.properties.forEach((k, v) -> {
                if (v instanceof Long l) {
                    n.put(k, l);
                } else {
                    n.put(k, String.valueOf(v));
                }
            });
            ArrayNode ev = n.putArray("evidence");
            f.evidence.forEach(ev::add);
            n.put("confidence", f.confidence);
            n.put("rule", f.rule);
        }
        ArrayNode relNodes = root.putArray("relationships");
        for (Draft.Relationship r : draft.relationships()) {
            if (!emitted.contains(r.from) && !isFact(draft, r.from)
                    || !emitted.contains(r.to) && !isFact(draft, r.to)) {
                continue;
            }
            ObjectNode n = relNodes.addObject();
            n.put("type", r.type);
            n.put("from", r.from);
            n.put("to", r.to);
            if (!r.properties.isEmpty()) {
                ObjectNode p = n.putObject("properties");
                r.properties.forEach((k, v) -> p.put(k, String.valueOf(v)));
            }
            ArrayNode ev = n.putArray("evidence");
            r.evidence.forEach(ev::add);
            n.put("confidence", Context.round(r.confidence));
            n.put("rule", r.rule);
        }
        return JSON.writeValueAsBytes(root);
    }

    private static boolean isFact(Draft draft, String id) {
        return draft.facts.stream().anyMatch(f -> f.id.equals(id));
    }
}
