package parley.kb;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph contract of {@code shared/KB-SCHEMA.md} as data: which labels exist, which
 * relationship types may join which labels, what each must carry. The validator, the loader and
 * the published JSON Schema all follow this one table.
 */
final class KbSchema {

    private KbSchema() {}

    static final Set<String> ACTOR_LABELS = Set.of("Person", "Institution", "Country");

    /** Labels of entities: things that exist, mentioned by articles. */
    static final List<String> ENTITY_LABELS = List.of("Person", "Institution", "Country", "Place", "Topic");

    /** Labels of facts: things that happened or were said, each {@code REPORTED_IN} a source. */
    static final List<String> FACT_LABELS = List.of("Meeting", "Demand", "Plan", "Statement", "Claim", "Event");

    static final Set<String> ANY_LABEL = Set.of(
            "Person",
            "Institution",
            "Country",
            "Place",
            "Topic",
            "Meeting",
            "Demand",
            "Plan",
            "Statement",
            "Claim",
            "Event");

    /** Meeting statuses, weakest first: a source reporting a meeting held outweighs one planning it. */
    static final List<String> MEETING_STATUSES = List.of("unknown", "planned", "cancelled", "held");

    /** Which labels a relationship type may start from and end at. */
    record Rule(Set<String> from, Set<String> to) {}

    static final Map<String, Rule> RELATIONSHIPS = Map.ofEntries(
            // People attend; a state, bloc or body taking part as a whole is PARTY_TO the meeting.
            Map.entry("ATTENDED", new Rule(Set.of("Person"), Set.of("Meeting"))),
            Map.entry("HELD_IN", new Rule(Set.of("Meeting"), Set.of("Place"))),
            Map.entry("DISCUSSED", new Rule(Set.of("Meeting"), Set.of("Topic"))),
            Map.entry("FOLLOWS", new Rule(Set.of("Meeting"), Set.of("Meeting"))),
            Map.entry("HOLDS_ROLE", new Rule(Set.of("Person"), Set.of("Institution", "Country"))),
            Map.entry("RELATIVE_OF", new Rule(Set.of("Person"), Set.of("Person"))),
            Map.entry("ADVISES", new Rule(Set.of("Person"), Set.of("Person"))),
            Map.entry("PART_OF", new Rule(Set.of("Institution"), Set.of("Institution", "Country"))),
            Map.entry("LOCATED_IN", new Rule(Set.of("Place"), Set.of("Place", "Country"))),
            Map.entry("DEMANDS", new Rule(ACTOR_LABELS, Set.of("Demand"))),
            Map.entry("DIRECTED_AT", new Rule(Set.of("Demand"), ACTOR_LABELS)),
            Map.entry("ON_TOPIC", new Rule(Set.of("Demand"), Set.of("Topic"))),
            Map.entry("CONCERNS", new Rule(Set.of("Demand"), Set.of("Place"))),
            Map.entry("SUPPORTS", new Rule(ACTOR_LABELS, Set.of("Demand", "Plan", "Topic"))),
            Map.entry("OPPOSES", new Rule(ACTOR_LABELS, Set.of("Demand", "Plan", "Topic"))),
            Map.entry("AUTHORED", new Rule(ACTOR_LABELS, Set.of("Plan"))),
            Map.entry("REVISES", new Rule(Set.of("Plan"), Set.of("Plan"))),
            Map.entry("COVERS", new Rule(Set.of("Plan"), Set.of("Topic"))),
            Map.entry("SAID", new Rule(ACTOR_LABELS, Set.of("Statement"))),
            Map.entry("ABOUT", new Rule(Set.of("Statement", "Claim"), ANY_LABEL)),
            Map.entry("CLAIMS", new Rule(ACTOR_LABELS, Set.of("Claim"))),
            Map.entry("DENIES", new Rule(ACTOR_LABELS, Set.of("Claim"))),
            Map.entry("CARRIED_OUT", new Rule(ACTOR_LABELS, Set.of("Event"))),
            Map.entry("OCCURRED_IN", new Rule(Set.of("Event"), Set.of("Place"))),
            Map.entry("TARGETED", new Rule(Set.of("Event"), union(ACTOR_LABELS, Set.of("Place")))),
            // Extension: an actor in an event who neither carried it out nor was its target.
            Map.entry("INVOLVED", new Rule(Set.of("Event"), ACTOR_LABELS)),
            // A state, bloc or body taking part in a meeting as a whole; people ATTEND.
            Map.entry("PARTY_TO", new Rule(Set.of("Country", "Institution"), Set.of("Meeting"))),
            // Extension: the outlet (or person) that published a claim or statement someone else made.
            Map.entry("REPORTED_BY", new Rule(Set.of("Statement", "Claim"), ACTOR_LABELS)));

    /** What the {@code side} of an ATTENDED may name: the state or bloc a person acts for. */
    static final Set<String> SIDE_LABELS = Set.of("Country", "Institution");

    /** Property names the loader manages itself; a document may not set them. */
    static final Set<String> RESERVED_PROPERTIES =
            Set.of("id", "label", "evidence", "sources", "evidenceSources", "sentences");

    /**
     * What a program that proposed an item says of it (shared/KB-SCHEMA.md): kept on the node or
     * relationship once a person accepts it, absent on what a person wrote.
     */
    static final List<String> PROPOSAL_PROPERTIES = List.of("confidence", "rule");

    static boolean isActor(String label) {
        return ACTOR_LABELS.contains(label);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
