package parley.kb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import parley.api.Evidence;
import parley.neo4j.CypherScript;

/**
 * Reads the part of the graph a write can touch (the nodes a document names, the source and
 * every node it reports or mentions, their relationships) and compares two such readings taken in
 * one transaction, before and after the write, into a {@link GraphChange}. Comparing the graph
 * itself rather than predicting from the document means the answer covers everything the loader
 * does: merges, take-backs, meeting statuses and derived MET.
 */
final class ChangeReader {

    private static final String NODES_BY_ID = CypherScript.read("loader/nodes-by-id.cypher");
    private static final String NODES_OF_SOURCE = CypherScript.read("loader/nodes-of-source.cypher");
    private static final String SNAPSHOT = CypherScript.read("loader/snapshot.cypher");
    private static final String SNAPSHOT_OF_NEW_SOURCE = CypherScript.read("loader/snapshot-of-new-source.cypher");
    private static final String RELATIONSHIPS_OF_NEW_SOURCE =
            CypherScript.read("loader/relationships-of-new-source.cypher");
    private static final String RELATIONSHIPS_BY_ELEMENT_ID =
            CypherScript.read("loader/relationships-by-element-id.cypher");
    private static final Set<String> EVIDENCE_PROPERTIES =
            Set.of("evidence", "evidenceSources", "sources", "sentences");
    private static final int SHOWN_CHARACTERS = 200;

    private ChangeReader() {}

    /** The nodes with these ids and the source's own nodes, with their relationships. */
    static State read(TransactionContext tx, String source, Collection<String> ids) {
        Set<String> elementIds = new LinkedHashSet<>();
        elementIds.addAll(tx.run(NODES_BY_ID, Map.of("ids", List.copyOf(ids)))
                .single()
                .get("elementIds")
                .asList(Value::asString));
        elementIds.addAll(tx.run(NODES_OF_SOURCE, Map.of("source", source))
                .single()
                .get("elementIds")
                .asList(Value::asString));
        Map<String, NodeState> nodes = new TreeMap<>();
        Map<String, RelationshipState> relationships = new TreeMap<>();
        tx.run(SNAPSHOT, Map.of("elementIds", List.copyOf(elementIds))).forEachRemaining(r -> {
            nodes.put(r.get("id").asString(), node(r));
            for (Value rel : r.get("relationships").values()) {
                relationship(rel, relationships);
            }
        });
        return new State(nodes, relationships);
    }

    /**
     * The same reading, for a document of a source the graph does not hold yet: its named nodes
     * with this source's provenance only, the relationships it writes ({@code from|type|to} of
     * ids) and the MET of the meetings it touches that start or end at one of those nodes. Such a
     * write changes nothing else, so comparing these readings gives what {@link #read} gives,
     * without reading every relationship of the busiest nodes. {@code known} has the element ids
     * of the ids the validator already looked up in this transaction ({@code labels-of-ids.cypher}):
     * only the other ids (the source's own) are looked up here.
     */
    static State readForNewSource(
            TransactionContext tx,
            String source,
            Collection<String> ids,
            KnownNodes known,
            Collection<KbDocument.Relationship> written,
            Collection<String> meetings) {
        Set<String> found = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            if (!known.asked().contains(id)) {
                unknown.add(id);
            } else if (known.elementIds().get(id) != null) {
                found.add(known.elementIds().get(id));
            }
        }
        if (!unknown.isEmpty()) {
            found.addAll(tx.run(NODES_BY_ID, Map.of("ids", unknown))
                    .single()
                    .get("elementIds")
                    .asList(Value::asString));
        }
        List<String> elementIds = List.copyOf(found);
        Map<String, NodeState> nodes = new TreeMap<>();
        Map<String, String> elementIdOf = snapshotOfNewSource(tx, source, elementIds, nodes);
        Map<String, List<Map<String, Object>>> pairs = new TreeMap<>();
        for (KbDocument.Relationship w : written) {
            String from = elementIdOf.get(w.from());
            String to = elementIdOf.get(w.to());
            if (from != null && to != null) { // an endpoint not there yet has no relationships yet
                pairs.computeIfAbsent(w.type(), k -> new ArrayList<>()).add(Map.of("from", from, "to", to));
            }
        }
        Map<String, RelationshipState> relationships = new TreeMap<>();
        Set<String> around = Set.copyOf(elementIds);
        for (var type : pairs.entrySet()) {
            relationshipsAround(
                    tx,
                    relationshipsOfNewSource(type.getKey()),
                    Map.of("pairs", type.getValue()),
                    around,
                    relationships);
        }
        relationshipsAround(
                tx,
                RELATIONSHIPS_BY_ELEMENT_ID,
                Map.of("relationships", List.of(), "meetings", List.copyOf(meetings)),
                around,
                relationships);
        return new State(nodes, relationships);
    }

    /**
     * {@code relationships-of-new-source.cypher} for one relationship type of the schema ({@link
     * KbSchema#RELATIONSHIPS}), which the validator checked.
     */
    static String relationshipsOfNewSource(String type) {
        if (!KbSchema.RELATIONSHIPS.containsKey(type)) {
            throw new IllegalArgumentException("not a relationship type of the schema: " + type);
        }
        return RELATIONSHIPS_OF_NEW_SOURCE.replace("${type}", type);
    }

    /**
     * The ids the validator looked up in the graph in this transaction, and the element ids of
     * those it found.
     */
    record KnownNodes(Set<String> asked, Map<String, String> elementIds) {
        static KnownNodes none() {
            return new KnownNodes(new java.util.HashSet<>(), new java.util.HashMap<>());
        }
    }

    /**
     * {@link #readForNewSource} after the document is written, from what the write returned: the
     * element ids of the nodes it merged or mentioned (by id) and of the relationships it merged.
     * The same nodes and relationships as reading them by id and endpoints, without looking any of
     * them up: a node's id comes from {@code elementIds} ({@link #NODES_BY_ID} only for ids the
     * write did not return, such as the source's own), a relationship by its element id.
     */
    static State readAfterNewSource(
            TransactionContext tx,
            String source,
            Collection<String> ids,
            Map<String, String> elementIds,
            Collection<String> relationshipElementIds,
            Collection<String> meetings) {
        Set<String> nodeElementIds = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            String elementId = elementIds.get(id);
            if (elementId == null) {
                unknown.add(id);
            } else {
                nodeElementIds.add(elementId);
            }
        }
        if (!unknown.isEmpty()) {
            nodeElementIds.addAll(tx.run(NODES_BY_ID, Map.of("ids", unknown))
                    .single()
                    .get("elementIds")
                    .asList(Value::asString));
        }
        Map<String, NodeState> nodes = new TreeMap<>();
        snapshotOfNewSource(tx, source, List.copyOf(nodeElementIds), nodes);
        Map<String, RelationshipState> relationships = new TreeMap<>();
        relationshipsAround(
                tx,
                RELATIONSHIPS_BY_ELEMENT_ID,
                Map.of("relationships", List.copyOf(relationshipElementIds), "meetings", List.copyOf(meetings)),
                nodeElementIds,
                relationships);
        return new State(nodes, relationships);
    }

    /** The nodes' state with this source's provenance into {@code nodes}; returns id to element id. */
    private static Map<String, String> snapshotOfNewSource(
            TransactionContext tx, String source, List<String> elementIds, Map<String, NodeState> nodes) {
        Map<String, String> elementIdOf = new java.util.HashMap<>();
        tx.run(SNAPSHOT_OF_NEW_SOURCE, Map.of("elementIds", elementIds, "source", source))
                .forEachRemaining(r -> {
                    nodes.put(r.get("id").asString(), node(r));
                    elementIdOf.put(r.get("id").asString(), r.get("elementId").asString());
                });
        return elementIdOf;
    }

    /**
     * The relationships a statement returns into {@code relationships}: every one it returns but
     * MET, and MET only where one end is a node of the reading ({@code around}).
     */
    private static void relationshipsAround(
            TransactionContext tx,
            String statement,
            Map<String, Object> parameters,
            Set<String> around,
            Map<String, RelationshipState> relationships) {
        tx.run(statement, parameters).forEachRemaining(r -> {
            if (!"MET".equals(r.get("type").asString())
                    || around.contains(r.get("fromElement").asString())
                    || around.contains(r.get("toElement").asString())) {
                relationship(r, relationships);
            }
        });
    }

    private static NodeState node(org.neo4j.driver.Record r) {
        String id = r.get("id").asString();
        String label = r.get("labels").asList(Value::asString).stream()
                .filter(l -> !"Actor".equals(l))
                .findFirst()
                .orElse("");
        Set<Evidence> provenance = new LinkedHashSet<>();
        Map<String, Object> reported = new TreeMap<>();
        for (Value p : r.get("provenance").values()) {
            String from = p.get("source").asString();
            p.get("sentences").asList(Value::asString).forEach(s -> provenance.add(new Evidence(from, s)));
            if (!p.get("status").isNull()) {
                reported.put("status as reported by " + from, p.get("status").asString());
            }
        }
        Map<String, Object> properties = new TreeMap<>(r.get("properties").asMap());
        properties.putAll(reported);
        return new NodeState(id, label, properties, provenance);
    }

    /** One relationship (type, from, to, properties) into a reading, keyed for comparison. */
    private static void relationship(
            org.neo4j.driver.types.MapAccessor rel, Map<String, RelationshipState> relationships) {
        Map<String, Object> p = new TreeMap<>(rel.get("properties").asMap());
        Object meeting = "MET".equals(rel.get("type").asString()) ? p.get("meeting") : null;
        var key = new RelationshipKey(
                rel.get("type").asString(),
                rel.get("from").asString(),
                rel.get("to").asString(),
                meeting == null ? null : meeting.toString());
        Set<Evidence> evidence = new LinkedHashSet<>();
        if (p.get("evidence") instanceof List<?> sentences && p.get("evidenceSources") instanceof List<?> sources) {
            for (int i = 0; i < Math.min(sentences.size(), sources.size()); i++) {
                evidence.add(
                        new Evidence(sources.get(i).toString(), sentences.get(i).toString()));
            }
        }
        EVIDENCE_PROPERTIES.forEach(p::remove);
        relationships.put(key.toString(), new RelationshipState(key, p, evidence));
    }

    /** What changed between two readings; {@code named} are the ids the document names. */
    static GraphChange compare(State before, State after, Set<String> named) {
        List<GraphChange.NodeChange> created = new ArrayList<>();
        List<GraphChange.NodeChange> merged = new ArrayList<>();
        List<GraphChange.NodeChange> changed = new ArrayList<>();
        List<GraphChange.NodeChange> deleted = new ArrayList<>();
        int[] evidence = new int[2];
        Set<String> ids = new TreeSet<>(before.nodes().keySet());
        ids.addAll(after.nodes().keySet());
        for (String id : ids) {
            NodeState b = before.nodes().get(id);
            NodeState a = after.nodes().get(id);
            if (b == null) {
                created.add(node(a, a, Map.of(), a.properties(), Set.of(), a.evidence(), evidence));
            } else if (a == null) {
                deleted.add(node(b, b, b.properties(), Map.of(), b.evidence(), Set.of(), evidence));
            } else {
                var change = node(b, a, b.properties(), a.properties(), b.evidence(), a.evidence(), evidence);
                if (named.contains(id)) {
                    merged.add(change);
                } else if (!change.properties().isEmpty()
                        || !change.evidenceAdded().isEmpty()
                        || !change.evidenceRemoved().isEmpty()) {
                    changed.add(change);
                }
            }
        }
        List<GraphChange.RelationshipChange> relCreated = new ArrayList<>();
        List<GraphChange.RelationshipChange> relChanged = new ArrayList<>();
        List<GraphChange.RelationshipChange> relDeleted = new ArrayList<>();
        Set<String> keys = new TreeSet<>(before.relationships().keySet());
        keys.addAll(after.relationships().keySet());
        for (String key : keys) {
            RelationshipState b = before.relationships().get(key);
            RelationshipState a = after.relationships().get(key);
            if (b == null) {
                relCreated.add(relationship(a.key(), Map.of(), a.properties(), Set.of(), a.evidence(), evidence));
            } else if (a == null) {
                relDeleted.add(relationship(b.key(), b.properties(), Map.of(), b.evidence(), Set.of(), evidence));
            } else {
                var change =
                        relationship(a.key(), b.properties(), a.properties(), b.evidence(), a.evidence(), evidence);
                if (!change.properties().isEmpty()
                        || !change.evidenceAdded().isEmpty()
                        || !change.evidenceRemoved().isEmpty()) {
                    relChanged.add(change);
                }
            }
        }
        var summary = new GraphChange.Summary(
                created.size(),
                merged.size(),
                changed.size(),
                deleted.size(),
                relCreated.size(),
                relChanged.size(),
                relDeleted.size(),
                evidence[0],
                evidence[1]);
        return new GraphChange(summary, created, merged, changed, deleted, relCreated, relChanged, relDeleted);
    }

    private static GraphChange.NodeChange node(
            NodeState named,
            NodeState labelled,
            Map<String, Object> before,
            Map<String, Object> after,
            Set<Evidence> evidenceBefore,
            Set<Evidence> evidenceAfter,
            int[] evidence) {
        List<Evidence> added = minus(evidenceAfter, evidenceBefore);
        List<Evidence> removed = minus(evidenceBefore, evidenceAfter);
        evidence[0] += added.size();
        evidence[1] += removed.size();
        return new GraphChange.NodeChange(
                labelled.id(), labelled.label(), named.name(), properties(before, after), added, removed);
    }

    private static GraphChange.RelationshipChange relationship(
            RelationshipKey key,
            Map<String, Object> before,
            Map<String, Object> after,
            Set<Evidence> evidenceBefore,
            Set<Evidence> evidenceAfter,
            int[] evidence) {
        List<Evidence> added = minus(evidenceAfter, evidenceBefore);
        List<Evidence> removed = minus(evidenceBefore, evidenceAfter);
        evidence[0] += added.size();
        evidence[1] += removed.size();
        return new GraphChange.RelationshipChange(
                key.type(), key.from(), key.to(), key.meeting(), properties(before, after), added, removed);
    }

    private static List<GraphChange.PropertyChange> properties(Map<String, Object> before, Map<String, Object> after) {
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        names.remove("id");
        List<GraphChange.PropertyChange> changes = new ArrayList<>();
        for (String name : names) {
            Object b = before.get(name);
            Object a = after.get(name);
            if (!Objects.equals(b, a)) {
                changes.add(new GraphChange.PropertyChange(name, shown(b), shown(a)));
            }
        }
        return changes;
    }

    private static List<Evidence> minus(Set<Evidence> a, Set<Evidence> b) {
        return a.stream().filter(e -> !b.contains(e)).toList();
    }

    private static String shown(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString();
        return s.length() <= SHOWN_CHARACTERS
                ? s
                : s.substring(0, SHOWN_CHARACTERS) + "… (" + s.length() + " characters)";
    }

    /** A reading of some nodes and of the relationships around them, keyed for comparison. */
    record State(Map<String, NodeState> nodes, Map<String, RelationshipState> relationships) {
        static final State EMPTY = new State(Map.of(), Map.of());
    }

    record NodeState(String id, String label, Map<String, Object> properties, Set<Evidence> evidence) {
        /** What a person calls it: its name, else a fact's title, name or text. */
        String name() {
            for (String key : List.of("name", "title", "text", "summary")) {
                if (properties.get(key) instanceof String s) {
                    return shown(s);
                }
            }
            return null;
        }
    }

    record RelationshipKey(String type, String from, String to, String meeting) {
        @Override
        public String toString() {
            return from + "|" + type + "|" + to + "|" + (meeting == null ? "" : meeting);
        }
    }

    record RelationshipState(RelationshipKey key, Map<String, Object> properties, Set<Evidence> evidence) {}
}
