package parley.neo4j;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Set;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import parley.StartupException;

/** A Neo4j server, Aura or a cluster named by {@code NEO4J_URI}; nothing embedded starts. */
@Singleton
@Requires(property = "neo4j.uri")
final class ExternalNeo4j implements BoltEndpoint {

    private static final Set<String> SCHEMES = Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");

    private final URI uri;
    private final AuthToken authToken;

    ExternalNeo4j(
            @Value("${neo4j.uri}") String uri,
            @Value("${neo4j.username:neo4j}") String username,
            @Value("${neo4j.password:}") String password) {
        try {
            this.uri = URI.create(uri.trim());
        } catch (IllegalArgumentException e) {
            throw new StartupException("NEO4J_URI '" + uri + "' is not a URI: " + e.getMessage());
        }
        if (this.uri.getScheme() == null || !SCHEMES.contains(this.uri.getScheme())) {
            throw new StartupException("NEO4J_URI '" + uri + "' must start with one of " + SCHEMES);
        }
        this.authToken = password.isEmpty() ? AuthTokens.none() : AuthTokens.basic(username, password);
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public AuthToken authToken() {
        return authToken;
    }

    @Override
    public String describe() {
        return "external Neo4j at " + uri;
    }
}
