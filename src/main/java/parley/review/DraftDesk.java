package parley.review;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parley.api.BadParameterException;
import parley.errors.ApiError.Problem;
import parley.errors.NotFoundException;
import parley.extract.Article;
import parley.extract.DraftExtractor;
import parley.kb.DocumentRejectedException;
import parley.kb.KbLoader;
import parley.kb.LoadResult;
import parley.neo4j.CypherScript;
import parley.neo4j.Graph;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The review of drafts: creates them (from an article through the extractor, or from a
 * hand-written document), records a person's decision on each item, and publishes the accepted
 * items as one source document through the loader, which validates and writes it in one
 * transaction. Nothing here writes to the graph except {@link #publish}.
 */
@Singleton
final class DraftDesk {

    static final List<String> SECTIONS = List.of("entities", "facts", "relationships");
    private static final Set<String> STATES = Set.of("accepted", "rejected", "pending");
    private static final Set<String> LINK_MODES = Set.of("suggested", "existing", "new");
    private static final Set<String> FIXED_FIELDS = Set.of("id", "label", "type", "from", "to");
    private static final Pattern KEY = Pattern.compile("^(entities|facts|relationships)\\[(\\d+)]$");
    private static final Pattern PATH = Pattern.compile("^\\$\\.(entities|facts|relationships)\\[(\\d+)]");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final String EXISTING = CypherScript.read("review/existing-nodes.cypher");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DraftStore store;
    private final KbLoader loader;
    private final Graph graph;
    private final Optional<DraftExtractor> extractor;

    DraftDesk(DraftStore store, KbLoader loader, Graph graph, Optional<DraftExtractor> extractor) {
        this.store = store;
        this.loader = loader;
        this.graph = graph;
        this.extractor = extractor;
    }

    /** A new draft from a hand-written document, or from an article read by the extractor. */
    Drafts.Detail create(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadParameterException("$", "the body is empty; send an article or a source document");
        }
        JsonNode root;
        try {
            root = store.json().readTree(body);
        } catch (RuntimeException e) {
            throw new BadParameterException("$", "the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new BadParameterException("$", "send a JSON object: an article or a source document");
        }
        String origin;
        byte[] document;
        if (SECTIONS.stream().anyMatch(root::has)) {
            origin = "document";
            document = body;
        } else {
            origin = "extractor";
            document = extract(article(root));
        }
        loader.checkFormat(document);
        ObjectNode draft = store.json().createObjectNode();
        String now = Instant.now().toString();
        draft.put("id", newId());
        draft.put("created", now);
        draft.put("updated", now);
        draft.put("origin", origin);
        draft.set("document", store.json().readTree(document));
        draft.putObject("review");
        draft.putArray("publications");
        store.save(draft);
        return detail(draft);
    }

    private static Article article(JsonNode root) {
        JsonNode source = root.get("source");
        JsonNode text = root.get("text");
        if (source == null || !source.isObject()) {
            throw new BadParameterException(
                    "$.source", "an article needs a source object with title and published (YYYY-MM-DD)");
        }
        if (text == null || !text.isString() || text.asString().isBlank()) {
            throw new BadParameterException("$.text", "an article needs its text");
        }
        for (String field : List.of("title", "published")) {
            if (!source.has(field)
                    || !source.get(field).isString()
                    || source.get(field).asString().isBlank()) {
                throw new BadParameterException("$.source." + field, "an article's source needs a " + field);
            }
        }
        return new Article(
                new Article.ArticleSource(
                        optional(source, "id"),
                        source.get("title").asString(),
                        source.get("published").asString(),
                        optional(source, "publisher"),
                        optional(source, "url")),
                text.asString());
    }

    private byte[] extract(Article article) {
        DraftExtractor reader = extractor.orElseThrow(ExtractorUnavailableException::new);
        try {
            return reader.draft(article);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("$", e.getMessage());
        }
    }

    private static String optional(JsonNode node, String field) {
        return node.has(field) && node.get(field).isString() ? node.get(field).asString() : null;
    }

    private static String newId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder("draft-");
        for (int i = 0; i < 12; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    List<Drafts.Summary> list() {
        List<Drafts.Summary> summaries = new ArrayList<>();
        for (ObjectNode draft : store.all()) {
            int[] counts = new int[4];
            JsonNode doc = draft.get("document");
            for (String section : SECTIONS) {
                for (int i = 0; i < doc.get(section).size(); i++) {
                    String state = state(draft, section + "[" + i + "]");
                    counts[0]++;
                    counts[
                            switch (state) {
                                case "accepted" -> 1;
                                case "rejected" -> 2;
                                default -> 3;
                            }]++;
                }
            }
            summaries.add(new Drafts.Summary(
                    draft.get("id").asString(),
                    doc.get("source").get("id").asString(),
                    doc.get("source").get("title").asString(),
                    draft.get("created").asString(),
                    draft.get("updated").asString(),
                    draft.get("origin").asString(),
                    counts[0],
                    counts[1],
                    counts[2],
                    counts[3],
                    draft.get("publications").size()));
        }
        summaries.sort((a, b) -> b.updated().compareTo(a.updated()));
        return summaries;
    }

    Drafts.Detail get(String id) {
        return detail(find(id));
    }

    void delete(String id) {
        if (!store.delete(id)) {
            throw new NotFoundException("no draft with id '" + id + "'");
        }
    }

    private ObjectNode find(String id) {
        return store.get(id).orElseThrow(() -> new NotFoundException("no draft with id '" + id + "'"));
    }

    /** Records decisions on some items; refuses the whole review (400) if any part of it is wrong. */
    synchronized Drafts.Detail review(String id, Drafts.Review review) {
        ObjectNode draft = find(id);
        if (review == null || review.items() == null || review.items().isEmpty()) {
            throw new BadParameterException("items", "send the items to review: [{\"key\": \"facts[0]\", …}]");
        }
        JsonNode doc = draft.get("document");
        ObjectNode decisions = (ObjectNode) draft.get("review");
        for (int i = 0; i < review.items().size(); i++) {
            Drafts.ItemReview item = review.items().get(i);
            String where = "items[" + i + "]";
            Matcher key = item.key() == null ? null : KEY.matcher(item.key());
            if (key == null
                    || !key.matches()
                    || Integer.parseInt(key.group(2)) >= doc.get(key.group(1)).size()) {
                throw new BadParameterException(
                        where + ".key", "'" + item.key() + "' names no item of this draft (e.g. 'facts[0]')");
            }
            if (item.state() != null && !STATES.contains(item.state())) {
                throw new BadParameterException(
                        where + ".state", "'" + item.state() + "' is not accepted, rejected or pending");
            }
            if (item.fields() != null) {
                for (String field : item.fields().keySet()) {
                    if (FIXED_FIELDS.contains(field)) {
                        throw new BadParameterException(
                                where + ".fields." + field,
                                "'" + field + "' cannot be edited; choose another node with 'link'");
                    }
                }
            }
            if (item.link() != null) {
                if (key.group(1).equals("relationships")) {
                    throw new BadParameterException(
                            where + ".link", "a relationship has no link; link its entities instead");
                }
                if (!LINK_MODES.contains(item.link().mode())) {
                    throw new BadParameterException(
                            where + ".link.mode", "'" + item.link().mode() + "' is not suggested, existing or new");
                }
                if (!item.link().mode().equals("suggested")
                        && (item.link().id() == null
                                || !SLUG.matcher(item.link().id()).matches())) {
                    throw new BadParameterException(
                            where + ".link.id", "an id is a lowercase slug such as 'steve-witkoff'");
                }
            }
        }
        for (Drafts.ItemReview item : review.items()) {
            ObjectNode decision = decisions.has(item.key())
                    ? (ObjectNode) decisions.get(item.key())
                    : decisions.putObject(item.key());
            if (item.state() != null) {
                decision.put("state", item.state());
            }
            if (item.fields() != null) {
                ObjectNode fields =
                        decision.has("fields") ? (ObjectNode) decision.get("fields") : decision.putObject("fields");
                item.fields()
                        .forEach((name, value) -> fields.set(name, store.json().valueToTree(value)));
            }
            if (item.link() != null) {
                ObjectNode link = decision.putObject("link");
                link.put("mode", item.link().mode());
                if (!item.link().mode().equals("suggested")) {
                    link.put("id", item.link().id());
                }
            }
        }
        draft.put("updated", Instant.now().toString());
        store.save(draft);
        return detail(draft);
    }

    /** Loads the accepted items; 422 naming every problem if they do not make a valid document. */
    LoadResult publish(String id) {
        ObjectNode draft = find(id);
        Built built = build(draft, existing(draft));
        if (!built.problems().isEmpty()) {
            throw new DraftNotPublishableException(built.problems());
        }
        LoadResult result;
        try {
            result = loader.load(built.json());
        } catch (DocumentRejectedException e) {
            throw new DraftNotPublishableException(built.mapped(e.problems()));
        }
        synchronized (this) {
            ObjectNode latest = store.get(id).orElse(draft);
            ObjectNode publication = ((ArrayNode) latest.get("publications")).addObject();
            publication.put("version", result.version() == null ? 0 : result.version());
            publication.put("time", Instant.now().toString());
            publication.put("accepted", built.accepted());
            latest.put("updated", Instant.now().toString());
            store.save(latest);
        }
        return result;
    }

    private Drafts.Detail detail(ObjectNode draft) {
        Map<String, Drafts.Node> existing = existing(draft);
        Built built = build(draft, existing);
        Drafts.Preview preview;
        if (!built.problems().isEmpty()) {
            preview = new Drafts.Preview(false, null, built.problems());
        } else {
            try {
                preview = new Drafts.Preview(true, loader.dryRun(built.json()), List.of());
            } catch (DocumentRejectedException e) {
                preview = new Drafts.Preview(false, null, built.mapped(e.problems()));
            }
        }
        JsonNode doc = draft.get("document");
        String text = doc.get("text").asString();
        EvidenceSpans spans = new EvidenceSpans(text);
        List<Drafts.Item> items = new ArrayList<>();
        for (String section : SECTIONS) {
            JsonNode array = doc.get(section);
            for (int i = 0; i < array.size(); i++) {
                String key = section + "[" + i + "]";
                ObjectNode effective = effective(draft, section, i);
                items.add(item(draft, section, key, (ObjectNode) array.get(i), effective, existing, spans));
            }
        }
        List<Drafts.Publication> publications = new ArrayList<>();
        draft.get("publications")
                .forEach(p -> publications.add(new Drafts.Publication(
                        p.get("version").asInt(),
                        p.get("time").asString(),
                        p.get("accepted").asInt())));
        return new Drafts.Detail(
                draft.get("id").asString(),
                draft.get("created").asString(),
                draft.get("updated").asString(),
                draft.get("origin").asString(),
                toMap(doc.get("source")),
                text,
                items,
                preview,
                publications);
    }

    private Drafts.Item item(
            ObjectNode draft,
            String section,
            String key,
            ObjectNode original,
            ObjectNode effective,
            Map<String, Drafts.Node> existing,
            EvidenceSpans spans) {
        String kind = section.equals("entities") ? "entity" : section.equals("facts") ? "fact" : "relationship";
        JsonNode decision = draft.get("review").get(key);
        JsonNode link = decision == null ? null : decision.get("link");
        String mode = link == null ? "suggested" : link.get("mode").asString();
        boolean relationship = kind.equals("relationship");
        String id = relationship ? null : effective.get("id").asString();
        List<String> evidence = new ArrayList<>();
        if (effective.has("evidence")) {
            effective.get("evidence").forEach(e -> evidence.add(e.asString()));
        }
        if ("Statement".equals(text(effective, "label")) && effective.has("text")) {
            evidence.add(effective.get("text").asString());
        }
        if (evidence.isEmpty() && kind.equals("entity")) {
            evidence.add(effective.get("name").asString());
            effective.get("aliases").forEach(a -> evidence.add(a.asString()));
        }
        return new Drafts.Item(
                key,
                kind,
                relationship
                        ? effective.get("type").asString()
                        : effective.get("label").asString(),
                id,
                relationship ? effective.get("from").asString() : null,
                relationship ? effective.get("to").asString() : null,
                title(effective, kind),
                original.has("confidence") ? original.get("confidence").asDouble() : null,
                original.has("rule") ? original.get("rule").asString() : null,
                state(draft, key),
                new Drafts.Link(mode, id, id == null ? null : existing.get(id)),
                decision != null && decision.has("fields") ? toMap(decision.get("fields")) : Map.of(),
                toMap(effective),
                spans.of(evidence));
    }

    private static String title(JsonNode item, String kind) {
        if (kind.equals("relationship")) {
            return item.get("from").asString() + " " + item.get("type").asString() + " "
                    + item.get("to").asString();
        }
        for (String field : List.of("name", "title", "text", "summary", "kind")) {
            if (item.has(field) && item.get(field).isString()) {
                return item.get(field).asString();
            }
        }
        return item.get("id").asString();
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asString() : null;
    }

    private static String state(ObjectNode draft, String key) {
        JsonNode decision = draft.get("review").get(key);
        return decision != null && decision.has("state") ? decision.get("state").asString() : "pending";
    }

    /** An item with the person's edits and link applied. */
    private ObjectNode effective(ObjectNode draft, String section, int index) {
        ObjectNode item =
                (ObjectNode) draft.get("document").get(section).get(index).deepCopy();
        JsonNode decision = draft.get("review").get(section + "[" + index + "]");
        if (decision == null) {
            return item;
        }
        if (decision.has("fields")) {
            for (var field : decision.get("fields").properties()) {
                if (field.getValue().isNull()) {
                    item.remove(field.getKey());
                } else {
                    item.set(field.getKey(), field.getValue());
                }
            }
        }
        JsonNode link = decision.get("link");
        if (link != null && link.has("id") && !section.equals("relationships")) {
            item.put("id", link.get("id").asString());
        }
        return item;
    }

    /** The nodes of the graph that the draft's ids (its own and the ones linked to) name. */
    private Map<String, Drafts.Node> existing(ObjectNode draft) {
        Set<String> ids = new LinkedHashSet<>();
        JsonNode doc = draft.get("document");
        doc.get("entities").forEach(e -> ids.add(e.get("id").asString()));
        doc.get("facts").forEach(f -> ids.add(f.get("id").asString()));
        doc.get("relationships").forEach(r -> {
            ids.add(r.get("from").asString());
            ids.add(r.get("to").asString());
        });
        draft.get("review").forEach(d -> {
            if (d.has("link") && d.get("link").has("id")) {
                ids.add(d.get("link").get("id").asString());
            }
        });
        Map<String, Drafts.Node> found = new HashMap<>();
        graph.read(EXISTING, Map.of("ids", List.copyOf(ids)))
                .records()
                .forEach(r -> found.put(
                        r.get("id").asString(),
                        new Drafts.Node(
                                r.get("id").asString(),
                                r.get("label").asString(),
                                r.get("name").asString())));
        return found;
    }

    /**
     * The source document of the accepted items: each with its edits, entity and fact ids as
     * linked, relationship endpoints following those links. A relationship whose endpoint is a
     * draft item that was not accepted is a problem, never silently dropped.
     */
    private Built build(ObjectNode draft, Map<String, Drafts.Node> existing) {
        JsonNode doc = draft.get("document");
        ObjectNode out = store.json().createObjectNode();
        out.set("source", doc.get("source"));
        out.set("text", doc.get("text"));
        List<Problem> problems = new ArrayList<>();
        Map<String, String> paths = new HashMap<>();
        Map<String, String> linked = new HashMap<>();
        Map<String, String> definedBy = new HashMap<>();
        int accepted = 0;
        for (String section : List.of("entities", "facts")) {
            ArrayNode target = out.putArray(section);
            JsonNode array = doc.get(section);
            for (int i = 0; i < array.size(); i++) {
                String key = section + "[" + i + "]";
                String originalId = array.get(i).get("id").asString();
                ObjectNode item = effective(draft, section, i);
                String id = item.get("id").asString();
                linked.put(originalId, id);
                definedBy.put(originalId, key);
                if (!state(draft, key).equals("accepted")) {
                    continue;
                }
                accepted++;
                JsonNode link = draft.get("review").get(key).get("link");
                String mode = link == null ? "suggested" : link.get("mode").asString();
                Drafts.Node node = existing.get(id);
                String label = item.get("label").asString();
                if (mode.equals("existing") && (node == null || !node.label().equals(label))) {
                    problems.add(new Problem(
                            "$." + key + ".id",
                            node == null
                                    ? "'" + id + "' is not in the graph; choose an existing node or make it new"
                                    : "'" + id + "' is a " + node.label() + " in the graph, not a " + label));
                }
                if (mode.equals("new") && node != null) {
                    problems.add(new Problem(
                            "$." + key + ".id",
                            "'" + id + "' is already in the graph (" + node.label() + " '" + node.name()
                                    + "'); link to it as existing or give the new node another id"));
                }
                paths.put("$." + section + "[" + target.size() + "]", "$." + key);
                target.add(item);
            }
        }
        ArrayNode relationships = out.putArray("relationships");
        JsonNode array = doc.get("relationships");
        for (int i = 0; i < array.size(); i++) {
            String key = "relationships[" + i + "]";
            if (!state(draft, key).equals("accepted")) {
                continue;
            }
            accepted++;
            ObjectNode item = effective(draft, "relationships", i);
            for (String end : List.of("from", "to")) {
                String id = item.get(end).asString();
                String by = definedBy.get(id);
                if (by != null) {
                    String state = state(draft, by);
                    if (!state.equals("accepted")) {
                        problems.add(
                                new Problem(
                                        "$." + key + "." + end,
                                        "'" + id + "' is the draft's " + by + ", which is "
                                                + (state.equals("rejected") ? "rejected" : "not accepted yet")
                                                + "; accept it (or link it to a node of the graph), or reject this relationship"));
                    }
                    item.put(end, linked.get(id));
                }
            }
            paths.put("$.relationships[" + relationships.size() + "]", "$." + key);
            relationships.add(item);
        }
        if (accepted == 0) {
            problems.add(new Problem("$", "no item is accepted yet; accept the items to publish"));
        }
        return new Built(store.json().writeValueAsBytes(out), problems, paths, accepted);
    }

    private Map<String, Object> toMap(JsonNode node) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = store.json().convertValue(node, LinkedHashMap.class);
        return map;
    }

    /** A built document, the problems found while building it, and its paths back to the draft's. */
    record Built(byte[] json, List<Problem> problems, Map<String, String> paths, int accepted) {

        /** The loader's problems with paths into the draft ({@code $.facts[3]…}) rather than the built document. */
        List<Problem> mapped(List<Problem> loaderProblems) {
            List<Problem> mapped = new ArrayList<>();
            for (Problem p : loaderProblems) {
                Matcher m = PATH.matcher(p.path());
                String path = p.path();
                if (m.find()) {
                    String prefix = paths.get(m.group());
                    if (prefix != null) {
                        path = prefix + p.path().substring(m.end());
                    }
                }
                mapped.add(new Problem(path, p.reason()));
            }
            return mapped;
        }
    }
}
