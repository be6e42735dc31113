package parley.bench;

import java.nio.file.Path;
import parley.neo4j.EmbeddedNeo4j;

/** The start-up baseline: the same embedded Neo4j the service starts, and nothing else. */
public final class BareNeo4j {

    private BareNeo4j() {}

    public static void main(String[] args) throws Exception {
        new EmbeddedNeo4j(
                Path.of(args[0]),
                "127.0.0.1",
                Integer.parseInt(args[1]),
                Integer.parseInt(args[2]),
                true,
                512L * 1024 * 1024);
        Thread.sleep(Long.MAX_VALUE);
    }
}
