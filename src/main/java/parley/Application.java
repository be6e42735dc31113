package parley;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.context.exceptions.DependencyInjectionException;
import io.micronaut.http.server.exceptions.ServerStartupException;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.exceptions.ApplicationStartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import sun.misc.Signal;

/** Starts parley: the HTTP API, and Neo4j in-process unless {@code NEO4J_URI} names a server. */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {}

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("parley.aot.training")) {
            // The AOT cache's training run (./mvnw verify -Paot), with the very flags and class
            // path of a real start: java -XX:AOTCacheOutput=… -Dparley.aot.training=true -jar …
            AotTraining.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("import")) {
            // parley import: a new store from a folder of documents, with the service stopped.
            parley.kb.ImportCli.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // Lucene and Jersey log through java.util.logging: into logback, in the one log format.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        try {
            // Exit code 0 for bean failures tells Micronaut not to log them with a stack trace
            // and exit itself; it rethrows, and we say in one line what to fix.
            ApplicationContext context = Micronaut.build(args)
                    .mainClass(Application.class)
                    .banner(false)
                    .mapError(BeanInstantiationException.class, e -> 0)
                    .mapError(DependencyInjectionException.class, e -> 0)
                    .mapError(ServerStartupException.class, e -> 0)
                    .mapError(ApplicationStartupException.class, e -> 0)
                    .start();
            stopOn(context, "TERM");
            stopOn(context, "INT");
        } catch (RuntimeException e) {
            // Bean creation wraps the cause several levels deep; the innermost message is the one
            // that tells a person what to fix (port taken, directory not writable, bad password).
            LOG.error("parley could not start: {}", rootMessage(e));
            LOG.debug("Start-up failure", e);
            System.exit(1);
        }
    }

    /**
     * SIGTERM (systemd, Docker, {@code timeout}) and SIGINT (Ctrl-C) close the service — the HTTP
     * server, the driver, then the embedded Neo4j with a checkpoint, so the next start needs no
     * recovery — and exit with status 0: a requested stop is a success. Left to the JVM's default,
     * the same shutdown runs from a hook but the process ends with status 143 or 130.
     */
    private static void stopOn(ApplicationContext context, String signal) {
        Signal.handle(
                new Signal(signal),
                received -> Thread.ofPlatform().name("parley-stop").start(() -> {
                    LOG.info("SIG{} received: stopping", signal);
                    try {
                        if (context.isRunning()) {
                            context.close();
                        }
                    } catch (RuntimeException e) {
                        LOG.error("Stopping failed: {}", rootMessage(e));
                        System.exit(1);
                    }
                    System.exit(0);
                }));
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
