package parley.extract;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading a draft document in tests: its facts and relationships by label and type. */
final class Drafts {

    private static final JsonMapper JSON = new JsonMapper();

    private Drafts() {}

    /** The draft of a few sentences, published on the given day, read without a graph. */
    static JsonNode of(String text, String published) {
        return of(text, published, null);
    }

    /** The same, with the publisher given with the article. */
    static JsonNode of(String text, String published, String publisher) {
        Article article = new Article(
                new Article.ArticleSource("test-draft", "A test article", published, publisher, null), text);
        return JSON.readTree(CoreNlpExtractor.draft(article, KnownGraph.EMPTY, 200_000));
    }

    static JsonNode read(byte[] json) {
        return JSON.readTree(json);
    }

    static List<JsonNode> facts(JsonNode draft, String label) {
        List<JsonNode> out = new ArrayList<>();
        draft.get("facts").forEach(f -> {
            if (f.get("label").asString().equals(label)) {
                out.add(f);
            }
        });
        return out;
    }

    static List<JsonNode> relationships(JsonNode draft, String type) {
        List<JsonNode> out = new ArrayList<>();
        draft.get("relationships").forEach(r -> {
            if (r.get("type").asString().equals(type)) {
                out.add(r);
            }
        });
        return out;
    }

    /** The id of the entity whose name or alias is {@code name}, or null. */
    static String entity(JsonNode draft, String name) {
        for (JsonNode e : draft.get("entities")) {
            if (e.get("name").asString().equals(name)) {
                return e.get("id").asString();
            }
            for (JsonNode a : e.get("aliases")) {
                if (a.asString().equals(name)) {
                    return e.get("id").asString();
                }
            }
        }
        return null;
    }

    static boolean has(JsonNode draft, String type, String from, String to) {
        return relationships(draft, type).stream()
                .anyMatch(r -> r.get("from").asString().equals(from)
                        && r.get("to").asString().equals(to));
    }
}
