package parley.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the extractors propose, in the order they propose it, before it is written as a source
 * document. A relationship proposed twice (the same type between the same two ids) is kept once,
 * with the evidence of both and the higher confidence, as the validator asks.
 */
final class Draft {

    /** An entity of the document: a person, institution, country or place. */
    static final class Entity {
        String id;
        String label;
        String name;
        final Set<String> aliases = new LinkedHashSet<>();
        String description;
        String kind;
        final Set<String> evidence = new LinkedHashSet<>();
        double confidence;
        String rule;
    }

    /** A fact: meeting, demand, statement, claim or event. */
    static final class Fact {
        final String id;
        final String label;
        final Map<String, Object> properties = new LinkedHashMap<>();
        final Set<String> evidence = new LinkedHashSet<>();
        final double confidence;
        final String rule;

        Fact(String id, String label, double confidence, String rule) {
            this.id = id;
            this.label = label;
            this.confidence = confidence;
            this.rule = rule;
        }
    }

    /** A relationship between two ids of the document or of the graph. */
    static final class Relationship {
        final String type;
        final String from;
        final String to;
        final Map<String, Object> properties = new LinkedHashMap<>();
        final Set<String> evidence = new LinkedHashSet<>();
        double confidence;
        String rule;

        Relationship(String type, String from, String to) {
            this.type = type;
            this.from = from;
            this.to = to;
        }
    }

    final List<Entity> entities = new ArrayList<>();
    final List<Fact> facts = new ArrayList<>();
    private final Map<String, Relationship> relationships = new LinkedHashMap<>();
    private final Set<String> ids = new LinkedHashSet<>();

    /** An id not yet used in this draft: {@code base}, else {@code base-2}, {@code base-3}… */
    String freshId(String base) {
        String id = base;
        for (int n = 2; !ids.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    void reserve(String id) {
        ids.add(id);
    }

    Fact fact(String id, String label, double confidence, String rule, String evidence) {
        Fact f = new Fact(id, label, confidence, rule);
        f.evidence.add(evidence);
        facts.add(f);
        return f;
    }

    /** Adds the relationship, or the evidence to the one already proposed; returns it. */
    Relationship relate(String type, String from, String to, String evidence, double confidence, String rule) {
        Relationship r = relationships.computeIfAbsent(from + "|" + type + "|" + to, k -> {
            Relationship created = new Relationship(type, from, to);
            created.confidence = confidence;
            created.rule = rule;
            return created;
        });
        r.evidence.add(evidence);
        if (confidence > r.confidence) {
            r.confidence = confidence;
            r.rule = rule;
        }
        return r;
    }

    boolean hasRelationship(String type, String from, String to) {
        return relationships.containsKey(from + "|" + type + "|" + to);
    }

    List<Relationship> relationships() {
        return new ArrayList<>(relationships.values());
    }

    void removeRelationshipsOf(String id) {
        relationships.values().removeIf(r -> r.from.equals(id) || r.to.equals(id));
    }
}
