package parley.kb;

import java.util.List;
import java.util.Map;

/** One source document, parsed and structurally valid (not yet checked against its text). */
record KbDocument(
        Source source, String text, List<Entity> entities, List<Fact> facts, List<Relationship> relationships) {

    record Source(String id, String title, String published, String file, String publisher, String author) {}

    /** A person, institution, country, place or topic; {@code properties} holds kind, description. */
    record Entity(
            String id,
            String label,
            String name,
            List<String> aliases,
            Map<String, Object> properties,
            List<String> evidence) {}

    /** A meeting, demand, plan, statement, claim or event with its evidence sentences. */
    record Fact(String id, String label, Map<String, Object> properties, List<String> evidence) {}

    record Relationship(String type, String from, String to, Map<String, Object> properties, List<String> evidence) {}
}
