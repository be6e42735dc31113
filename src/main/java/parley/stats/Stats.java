package parley.stats;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import parley.neo4j.CypherScript;

/** Node counts per label and relationship counts per type, both sorted by name. */
@Serdeable
public record Stats(long nodes, long relationships, Map<String, Long> labels, Map<String, Long> relationshipTypes) {

    /**
     * The three count queries in one statement, so that a request is one round trip to Neo4j, not
     * three (each is answered from the count store; the round trips were most of the request).
     */
    public static final String QUERY = "CALL () {\n"
            + CypherScript.read("queries/node-counts.cypher")
            + "\n}\nWITH collect({name: label, count: count}) AS labels\nCALL () {\n"
            + CypherScript.read("queries/relationship-counts.cypher")
            + "\n}\nWITH labels, collect({name: type, count: count}) AS types\nCALL () {\n"
            + CypherScript.read("queries/node-total.cypher")
            + "\n}\nRETURN labels, types, count AS nodes";
}
