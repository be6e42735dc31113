package parley;

import java.net.URI;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * The one in-process Neo4j of the test JVM, shared by every test class, started on first use
 * with its HTTP server off and stopped when the JVM exits. Tests reach it as an external server,
 * through {@code neo4j.uri}.
 */
public final class TestNeo4j {

    private TestNeo4j() {}

    private static final class Holder {
        private static final Neo4j NEO4J = start();

        private static Neo4j start() {
            // The embedded default's memory limits, so the suites meet them as users would.
            Neo4j neo4j = Neo4jBuilders.newInProcessBuilder()
                    .withDisabledServer()
                    .withConfig(GraphDatabaseSettings.memory_transaction_max_size, 256L * 1024 * 1024)
                    .withConfig(GraphDatabaseSettings.memory_transaction_global_max_size, 1024L * 1024 * 1024)
                    .build();
            Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close, "test-neo4j-shutdown"));
            return neo4j;
        }
    }

    public static URI boltUri() {
        return Holder.NEO4J.boltURI();
    }

    /** Micronaut properties that point the service at the shared database. */
    public static Map<String, String> properties() {
        return Map.of("neo4j.uri", boltUri().toString());
    }
}
