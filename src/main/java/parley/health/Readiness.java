package parley.health;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one "ready" state of the service: whatever is still being prepared (the schema, the bundled
 * documents) registers here under a key with a reason, and says when it is done. Readiness ({@code
 * /health}, {@code /health/ready}) is DOWN while anything is pending, naming the reason.
 */
@Singleton
public final class Readiness {

    private final Map<String, String> pending = new ConcurrentHashMap<>();

    /** {@code key} is not ready; {@code reason} is what a client of {@code /health} reads. */
    public void pending(String key, String reason) {
        pending.put(key, reason);
    }

    /** {@code key} is ready. */
    public void done(String key) {
        pending.remove(key);
    }

    /** Why the service is not ready, or empty if it is. */
    public Optional<String> notReadyBecause() {
        return pending.values().stream().sorted().findFirst();
    }
}
