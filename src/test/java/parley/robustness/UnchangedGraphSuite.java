package parley.robustness;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import parley.SharedNeo4j;
import parley.kb.GraphFingerprint;
import parley.neo4j.Graph;

/**
 * A robustness suite whose requests must change nothing: an HTTP client on the service under
 * test, and the graph's fingerprint taken before the first request, for the suite to compare
 * with afterwards. Subclasses are {@code @MicronautTest} with a per-class lifecycle.
 */
abstract class UnchangedGraphSuite implements SharedNeo4j {

    @Inject
    EmbeddedServer server;

    @Inject
    Graph graph;

    Http http;
    String before;

    @BeforeAll
    void openClientAndTakeFingerprint() {
        http = new Http(server.getURL().toString());
        before = GraphFingerprint.of(graph);
    }
}
