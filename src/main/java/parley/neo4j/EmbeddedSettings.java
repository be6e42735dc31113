package parley.neo4j;

import java.net.URI;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.server.configuration.ServerSettings;

/**
 * The embedded Neo4j's settings for operating it: the addresses it advertises (what Neo4j Browser
 * pre-fills as the connect URL) follow the configured ports and listen address, Browser makes no
 * outgoing calls and shows no usage-data banner, and a stop takes well under a second.
 */
final class EmbeddedSettings {

    /**
     * Netty's graceful shutdown of the Bolt server waits a quiet period (5 s by default) on each of
     * its two event loop groups: 10 s of every stop. The service closes its driver before Neo4j,
     * so there is nothing left to wait for.
     */
    private static final Duration BOLT_SHUTDOWN_QUIET_PERIOD = Duration.ofMillis(50);

    private static final Duration BOLT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    private EmbeddedSettings() {}

    static Neo4jBuilder apply(Neo4jBuilder builder, String host, int boltPort, int httpPort) {
        String advertised = advertisedHost(host);
        builder = builder.withConfig(
                        GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, BOLT_SHUTDOWN_QUIET_PERIOD)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, BOLT_SHUTDOWN_TIMEOUT)
                .withConfig(ServerSettings.allow_telemetry, false)
                .withConfig(BrowserSettings.allow_outgoing_connections, false);
        // Port 0 (tests) is chosen at bind time; Neo4j then advertises the port it bound.
        if (boltPort != 0) {
            builder = builder.withConfig(BoltConnector.advertised_address, new SocketAddress(advertised, boltPort));
        }
        if (httpPort != 0) {
            builder = builder.withConfig(HttpConnector.advertised_address, new SocketAddress(advertised, httpPort));
        }
        return builder;
    }

    /**
     * Where this process reaches the Bolt server: what Neo4j reports, except when it listens on
     * every interface, where it reports the wildcard address ({@code bolt://0:0:0:0:0:0:0:0:7687/},
     * not even a valid URI), and loopback is used instead.
     */
    static URI reachable(URI bound, String listenHost) {
        if (advertisedHost(listenHost).equals(listenHost)) {
            return bound;
        }
        String port = bound.toString().replaceAll("^.*:(\\d+)/?$", "$1");
        return URI.create("bolt://127.0.0.1:" + port + "/");
    }

    /**
     * The host name clients are told to use: the listen address itself, or {@code localhost} when
     * Neo4j listens on every interface (an address nobody can connect to).
     */
    static String advertisedHost(String listenHost) {
        return switch (listenHost) {
            case "0.0.0.0", "::", "[::]", "" -> "localhost";
            default -> listenHost;
        };
    }
}
