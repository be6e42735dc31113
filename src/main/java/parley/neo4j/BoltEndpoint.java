package parley.neo4j;

import java.net.URI;
import org.neo4j.driver.AuthToken;

/** Where the driver connects: the in-process database or an external server. */
public interface BoltEndpoint {

    URI uri();

    AuthToken authToken();

    /** Words for the logs: "embedded Neo4j at bolt://127.0.0.1:7687, data in /srv/parley/data". */
    String describe();
}
