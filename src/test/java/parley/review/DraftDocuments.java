package parley.review;

import java.util.List;
import java.util.Map;
import parley.kb.TestDocuments;

/** Hand-written draft documents over the text of article 004, with confidence and rule on items. */
final class DraftDocuments {

    static final String TOKEN = "test-token-0123456789";
    static final String MOSCOW = "witkoff-putin-moscow-2025-12-02";
    static final String OPENING =
            "Russian President Vladimir Putin will meet US special envoy Steve Witkoff in Moscow on Tuesday.";
    static final String WHITE_HOUSE =
            "The White House says it feels very optimistic about progress toward ending the war in Ukraine.";
    static final String KUSHNER =
            "Jared Kushner, Donald Trump’s son-in-law and informal adviser, will also join the talks.";
    static final String PESKOV =
            "Kremlin spokesman Dmitry Peskov confirmed that Witkoff will meet Putin on Tuesday afternoon.";
    static final String DENIAL = "Ukrainian authorities denied any such losses.";

    private DraftDocuments() {}

    static Map<String, Object> proposed(double confidence, String rule) {
        return Map.of("confidence", confidence, "rule", rule);
    }

    /**
     * entities[0] Steve Witkoff (in the graph), entities[1] the White House under a draft id of
     * its own, entities[2] a second Jared Kushner; facts[0] a statement, facts[1] a claim,
     * facts[2] a demand; relationships[0] White House SAID the statement, relationships[1] the
     * second Kushner ATTENDED the Moscow meeting, relationships[2] Witkoff ATTENDED it.
     */
    static TestDocuments.Builder flow(String source) {
        return TestDocuments.over("article-004", source)
                .entity(
                        "steve-witkoff",
                        "Person",
                        "Steve Witkoff",
                        Map.of(
                                "aliases",
                                List.of("Witkoff"),
                                "description",
                                "US special envoy of President Donald Trump"))
                .entity(
                        source + "-white-house",
                        "Institution",
                        "White House",
                        merge(Map.of("kind", "government"), proposed(0.6, "test:institution")))
                .entity(
                        source + "-kushner",
                        "Person",
                        "Jared Kushner",
                        merge(Map.of("description", "adviser"), proposed(0.3, "test:person")))
                .fact(
                        source + "-statement",
                        "Statement",
                        merge(Map.of("text", WHITE_HOUSE), proposed(0.9, "test:quote")),
                        WHITE_HOUSE)
                .fact(
                        source + "-claim",
                        "Claim",
                        merge(Map.of("text", "Ukraine lost no town"), proposed(0.7, "test:claim")),
                        DENIAL)
                .fact(
                        source + "-demand",
                        "Demand",
                        merge(Map.of("text", "Kushner joins", "kind", "demand"), proposed(0.2, "test:demand")),
                        KUSHNER)
                .relationship(source + "-white-house", "SAID", source + "-statement", Map.of(), WHITE_HOUSE)
                .relationship(source + "-kushner", "ATTENDED", MOSCOW, Map.of("role", "delegate"), KUSHNER)
                .relationship("steve-witkoff", "ATTENDED", MOSCOW, Map.of("role", "lead"), PESKOV);
    }

    static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        var all = new java.util.LinkedHashMap<String, Object>(a);
        all.putAll(b);
        return all;
    }
}
