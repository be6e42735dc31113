package parley;

import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.context.exceptions.DependencyInjectionException;
import io.micronaut.http.server.exceptions.ServerStartupException;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.exceptions.ApplicationStartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts parley: the HTTP API, and Neo4j in-process unless {@code NEO4J_URI} names a server. */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {}

    public static void main(String[] args) {
        try {
            // Exit code 0 for bean failures tells Micronaut not to log them with a stack trace
            // and exit itself; it rethrows, and we say in one line what to fix.
            Micronaut.build(args)
                    .mainClass(Application.class)
                    .mapError(BeanInstantiationException.class, e -> 0)
                    .mapError(DependencyInjectionException.class, e -> 0)
                    .mapError(ServerStartupException.class, e -> 0)
                    .mapError(ApplicationStartupException.class, e -> 0)
                    .start();
        } catch (RuntimeException e) {
            // Bean creation wraps the cause several levels deep; the innermost message is the one
            // that tells a person what to fix (port taken, directory not writable, bad password).
            LOG.error("parley could not start: {}", rootMessage(e));
            LOG.debug("Start-up failure", e);
            System.exit(1);
        }
    }

    public static String rootMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServerStartupException) {
                return t.getMessage() + " (" + innermost(t).getMessage()
                        + "); stop what uses the port or set MICRONAUT_SERVER_PORT to a free one";
            }
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof StartupException) {
                break;
            }
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static Throwable innermost(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
