package parley;

import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts parley: the HTTP API, and Neo4j in-process unless {@code NEO4J_URI} names a server. */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {}

    public static void main(String[] args) {
        try {
            Micronaut.run(Application.class, args);
        } catch (RuntimeException e) {
            // Bean creation wraps the cause several levels deep; the innermost message is the one
            // that tells a person what to fix (port taken, directory not writable, bad password).
            LOG.error("parley could not start: {}", rootMessage(e));
            LOG.debug("Start-up failure", e);
            System.exit(1);
        }
    }

    public static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof StartupException) {
                break;
            }
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
