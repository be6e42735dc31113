package parley.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A deterministic synthetic corpus of source documents in the real format, shaped like news: a
 * few actors in most meetings and a long tail (participation drawn from a power law), many
 * meetings per actor, aliases, demands, claims (some denied), statements, events, and meetings
 * reported again by later sources (several sources per fact). Every evidence sentence is a
 * sentence of the generated article text, so the documents pass the real validator.
 *
 * <p><b>What a "fact" counts</b>: every node and relationship a document makes the loader write —
 * the Source node, each entity and fact node, each MENTIONED_IN / REPORTED_IN provenance link,
 * and each relationship of the document. Derived MET relationships are not counted. A corpus of
 * N facts is split into documents of at most {@link #DOCUMENT_FACTS} facts, because one document
 * loads in one transaction.
 */
public final class CorpusGenerator {

    public static final int DOCUMENT_FACTS = 10_000;
    public static final long SEED = 20_251_121L;

    private static final String[] FIRST = {
        "Anna", "Boris", "Carla", "Dmytro", "Elena", "Farid", "Greta", "Hassan", "Ivan", "Julia", "Karim", "Lena",
        "Marco", "Nadia", "Oleg", "Petra", "Rustam", "Sofia", "Tomas", "Yulia"
    };
    private static final String[] LAST = {
        "Adler",
        "Bondar",
        "Costa",
        "Duval",
        "Efimov",
        "Fischer",
        "Grant",
        "Horvat",
        "Ilyin",
        "Jensen",
        "Kovac",
        "Larsen",
        "Moreau",
        "Novak",
        "Orlov",
        "Popescu",
        "Quinn",
        "Rossi",
        "Sokolov",
        "Tkachenko"
    };
    private static final String[] ROLES = {"lead", "delegate", "participant", "mediator"};
    private static final String[] DEMAND_KINDS = {"demand", "condition", "red-line", "warning", "proposal"};
    private static final String[] EVENT_KINDS = {"strike", "offensive", "sanction", "exchange", "ceasefire"};
    private static final String[] STATUSES = {"held", "held", "planned", "cancelled"};
    private static final LocalDate START = LocalDate.of(2020, 1, 1);

    private final long facts;
    private final int documentFacts;
    private final Random random = new Random(SEED);
    private final int actors;
    private final int places;
    private final int topics;
    private final List<MeetingRecord> meetings = new ArrayList<>();
    private int counter;

    private record MeetingRecord(
            String id, List<Integer> attendees, int place, int topic, LocalDate date, String status) {}

    public CorpusGenerator(long facts) {
        this(facts, DOCUMENT_FACTS);
    }

    /** Documents of at most {@code documentFacts} facts: small ones make many sources per fact. */
    public CorpusGenerator(long facts, int documentFacts) {
        this.facts = facts;
        this.documentFacts = documentFacts;
        this.actors = (int) Math.max(30, facts / 40);
        this.places = (int) Math.max(10, facts / 400);
        this.topics = (int) Math.max(8, Math.min(200, facts / 2000));
    }

    /** Writes the documents in order; returns the number of facts written. */
    public long generate(Consumer<byte[]> out) {
        long total = 0;
        int doc = 0;
        while (total < facts) {
            Doc d = new Doc(String.format("syn-src-%d-%05d", facts, doc++));
            long target = Math.min(documentFacts, facts - total);
            while (d.facts < target) {
                unit(d);
            }
            total += d.facts;
            out.accept(d.json().getBytes(StandardCharsets.UTF_8));
        }
        return total;
    }

    /** Power-law pick: index 0 is the busiest actor, the tail is long. */
    private int zipf(int n) {
        return Math.min(n - 1, (int) (n * Math.pow(random.nextDouble(), 3.0)));
    }

    private LocalDate date() {
        return START.plusDays(random.nextInt(6 * 365));
    }

    private void unit(Doc d) {
        int kind = random.nextInt(100);
        if (kind < 50) {
            meeting(d);
        } else if (kind < 65) {
            demand(d);
        } else if (kind < 80) {
            claim(d);
        } else if (kind < 90) {
            statement(d);
        } else {
            event(d);
        }
    }

    private void meeting(Doc d) {
        MeetingRecord m;
        boolean again = !meetings.isEmpty() && random.nextInt(100) < 30;
        if (again) {
            m = meetings.get(meetings.size() - 1 - zipf(meetings.size()));
            if (d.defined.contains(m.id)) {
                return;
            }
        } else {
            Set<Integer> attendees = new java.util.LinkedHashSet<>();
            int k = 2 + Math.min(4, (int) (-Math.log(1 - random.nextDouble()) * 1.2));
            while (attendees.size() < k) {
                attendees.add(zipf(actors));
            }
            m = new MeetingRecord(
                    "syn-m-" + (counter++),
                    List.copyOf(attendees),
                    zipf(places),
                    random.nextInt(topics),
                    date(),
                    STATUSES[random.nextInt(STATUSES.length)]);
            meetings.add(m);
        }
        List<String> names = new ArrayList<>();
        for (int a : m.attendees) {
            names.add(d.actor(a));
        }
        // Each person acts for the country of their block of ten actors, named in the sentence.
        List<String> sides = new ArrayList<>();
        for (int a : m.attendees) {
            if (actorLabel(a).equals("Person") && sideOf(a) < actors) {
                sides.add(d.actor(sideOf(a)));
            }
        }
        String place = d.place(m.place);
        String topic = d.topic(m.topic);
        String sentence = names.getFirst() + " met " + String.join(", ", names.subList(1, names.size())) + " in "
                + place + " on " + m.date + " to discuss " + topic + (again ? ", a source confirmed" : "")
                + (sides.isEmpty() ? "" : " for " + String.join(", ", sides)) + " (ref " + m.id + ").";
        d.sentence(sentence);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("title", "Meeting " + m.id.substring(6) + " in " + place);
        props.put("date", m.date.toString());
        props.put("datePrecision", "day");
        props.put("status", m.status);
        props.put("summary", sentence);
        d.fact(m.id, "Meeting", props, sentence);
        for (int i = 0; i < m.attendees.size(); i++) {
            int a = m.attendees.get(i);
            String role = i == 0 ? "host" : ROLES[random.nextInt(ROLES.length)];
            if (!actorLabel(a).equals("Person")) {
                d.rel("PARTY_TO", actorId(a), m.id, Map.of(), sentence);
            } else if (sideOf(a) < actors) {
                d.rel("ATTENDED", actorId(a), m.id, Map.of("role", role, "side", actorId(sideOf(a))), sentence);
            } else {
                d.rel("ATTENDED", actorId(a), m.id, Map.of("role", role), sentence);
            }
        }
        d.rel("HELD_IN", m.id, placeId(m.place), Map.of(), sentence);
        d.rel("DISCUSSED", m.id, topicId(m.topic), Map.of(), sentence);
    }

    private void demand(Doc d) {
        int a = zipf(actors);
        int b = zipf(actors);
        if (a == b) {
            return;
        }
        int t = random.nextInt(topics);
        String id = "syn-d-" + (counter++);
        String text =
                d.actor(a) + " demanded that " + d.actor(b) + " move first on " + d.topic(t) + " (ref " + id + ")";
        String sentence = text + ".";
        d.sentence(sentence);
        d.fact(id, "Demand", Map.of("text", text, "kind", DEMAND_KINDS[random.nextInt(DEMAND_KINDS.length)]), sentence);
        d.rel("DEMANDS", actorId(a), id, Map.of(), sentence);
        d.rel("DIRECTED_AT", id, actorId(b), Map.of(), sentence);
        d.rel("ON_TOPIC", id, topicId(t), Map.of(), sentence);
    }

    private void claim(Doc d) {
        int a = zipf(actors);
        int p = zipf(places);
        String id = "syn-c-" + (counter++);
        String text = "forces advanced near " + d.place(p) + " (ref " + id + ")";
        String sentence = d.actor(a) + " claimed that " + text + ".";
        d.sentence(sentence);
        d.fact(id, "Claim", Map.of("text", text, "date", date().toString()), sentence);
        d.rel("CLAIMS", actorId(a), id, Map.of(), sentence);
        d.rel("ABOUT", id, placeId(p), Map.of(), sentence);
        int b = zipf(actors);
        if (b != a && random.nextInt(100) < 30) {
            String denial = d.actor(b) + " denied the claim (ref " + id + ").";
            d.sentence(denial);
            d.rel("DENIES", actorId(b), id, Map.of(), denial);
        }
    }

    private void statement(Doc d) {
        int a = zipf(actors);
        int t = random.nextInt(topics);
        String id = "syn-s-" + (counter++);
        String quote = "We are ready to talk about " + d.topic(t) + " now, " + id;
        String sentence = d.actor(a) + " said: \"" + quote + ".\"";
        d.sentence(sentence);
        d.fact(id, "Statement", Map.of("text", quote, "date", date().toString()), sentence);
        d.rel("SAID", actorId(a), id, Map.of(), sentence);
        d.rel("ABOUT", id, topicId(t), Map.of(), sentence);
    }

    private void event(Doc d) {
        int a = zipf(actors);
        int b = zipf(actors);
        int p = zipf(places);
        String id = "syn-e-" + (counter++);
        String kind = EVENT_KINDS[random.nextInt(EVENT_KINDS.length)];
        LocalDate date = date();
        String target = b != a ? ", targeting " + d.actor(b) : "";
        String sentence = d.actor(a) + " carried out a " + kind + " in " + d.place(p) + " on " + date + target
                + " (ref " + id + ").";
        d.sentence(sentence);
        d.fact(id, "Event", Map.of("kind", kind, "summary", sentence, "date", date.toString()), sentence);
        d.rel("CARRIED_OUT", actorId(a), id, Map.of(), sentence);
        d.rel("OCCURRED_IN", id, placeId(p), Map.of(), sentence);
        if (b != a) {
            d.rel("TARGETED", id, actorId(b), Map.of(), sentence);
        }
    }

    /** The Country of a person's block of ten actors (the last of the block). */
    static int sideOf(int i) {
        return i - i % 10 + 9;
    }

    static String actorId(int i) {
        return "syn-a-" + i;
    }

    static String placeId(int i) {
        return "syn-p-" + i;
    }

    static String topicId(int i) {
        return "syn-t-" + i;
    }

    static String actorLabel(int i) {
        int r = i % 10;
        return r < 7 ? "Person" : r < 9 ? "Institution" : "Country";
    }

    static String actorName(int i) {
        String label = actorLabel(i);
        String last = LAST[(i / FIRST.length) % LAST.length] + (i >= FIRST.length * LAST.length ? "-" + i : "");
        return switch (label) {
            case "Person" -> FIRST[i % FIRST.length] + " " + last;
            case "Institution" -> last + " Council";
            default -> "Republic of " + last;
        };
    }

    static String actorAlias(int i) {
        String label = actorLabel(i);
        String last = LAST[(i / FIRST.length) % LAST.length] + (i >= FIRST.length * LAST.length ? "-" + i : "");
        return switch (label) {
            case "Person" -> last;
            case "Institution" -> "the " + last + " council";
            default -> last;
        };
    }

    /** One document being written. */
    private final class Doc {
        final String source;
        final List<String> sentences = new ArrayList<>();
        final StringBuilder entities = new StringBuilder();
        final StringBuilder factsJson = new StringBuilder();
        final StringBuilder rels = new StringBuilder();
        final Set<String> defined = new HashSet<>();
        final Set<String> relKeys = new HashSet<>();
        long facts = 1;

        Doc(String source) {
            this.source = source;
        }

        void sentence(String s) {
            sentences.add(s);
        }

        /** The actor's name or alias as this sentence uses it; defines the entity on first use. */
        String actor(int i) {
            String id = actorId(i);
            if (defined.add(id)) {
                String label = actorLabel(i);
                entity(
                        id,
                        label,
                        actorName(i),
                        actorAlias(i),
                        label.equals("Person")
                                ? "\"description\":\"Synthetic person " + i + "\""
                                : label.equals("Institution") ? "\"kind\":\"council\"" : null);
                return actorName(i);
            }
            return random.nextBoolean() ? actorName(i) : actorAlias(i);
        }

        String place(int i) {
            String id = placeId(i);
            String name = "Port " + LAST[i % LAST.length] + " " + i;
            if (defined.add(id)) {
                entity(id, "Place", name, "P" + i, "\"kind\":\"city\"");
            }
            return name;
        }

        String topic(int i) {
            String id = topicId(i);
            String name = "issue " + i + " of the talks";
            if (defined.add(id)) {
                entity(id, "Topic", name, "issue " + i, null);
            }
            return name;
        }

        private void entity(String id, String label, String name, String alias, String extra) {
            sep(entities)
                    .append("{\"id\":")
                    .append(q(id))
                    .append(",\"label\":")
                    .append(q(label))
                    .append(",\"name\":")
                    .append(q(name))
                    .append(",\"aliases\":[")
                    .append(q(alias))
                    .append("]");
            if (extra != null) {
                entities.append(',').append(extra);
            }
            entities.append('}');
            facts += 2;
        }

        void fact(String id, String label, Map<String, Object> props, String evidence) {
            defined.add(id);
            sep(factsJson)
                    .append("{\"id\":")
                    .append(q(id))
                    .append(",\"label\":")
                    .append(q(label));
            props.forEach(
                    (k, v) -> factsJson.append(',').append(q(k)).append(':').append(q(v.toString())));
            factsJson.append(",\"evidence\":[").append(q(evidence)).append("]}");
            facts += 2;
        }

        void rel(String type, String from, String to, Map<String, String> props, String evidence) {
            if (!relKeys.add(from + "|" + type + "|" + to)) {
                return;
            }
            sep(rels)
                    .append("{\"type\":")
                    .append(q(type))
                    .append(",\"from\":")
                    .append(q(from))
                    .append(",\"to\":")
                    .append(q(to));
            if (!props.isEmpty()) {
                rels.append(",\"properties\":{");
                boolean first = true;
                for (var e : props.entrySet()) {
                    rels.append(first ? "" : ",")
                            .append(q(e.getKey()))
                            .append(':')
                            .append(q(e.getValue()));
                    first = false;
                }
                rels.append('}');
            }
            rels.append(",\"evidence\":[").append(q(evidence)).append("]}");
            facts += 1;
        }

        String json() {
            String title = "Synthetic report " + source;
            String text = title + "\n" + String.join(" ", sentences);
            return "{\"source\":{\"id\":" + q(source) + ",\"title\":" + q(title) + ",\"published\":"
                    + q(START.plusDays(Math.abs(source.hashCode()) % 2000).toString()) + ",\"file\":"
                    + q(source + ".txt") + "},\"text\":" + q(text) + ",\"entities\":[" + entities + "],\"facts\":["
                    + factsJson + "],\"relationships\":[" + rels + "]}";
        }

        private static StringBuilder sep(StringBuilder sb) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            return sb;
        }
    }

    static String q(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
