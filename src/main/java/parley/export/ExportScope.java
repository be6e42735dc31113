package parley.export;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an export covers; every filter optional. {@code ids} is the resolved network of {@code
 * actor} (from {@code actor-scope.cypher}), null when no actor is given.
 */
public record ExportScope(
        @Nullable String actor,
        int depth,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable String source,
        @Nullable List<String> ids) {

    public static ExportScope whole() {
        return new ExportScope(null, 1, null, null, null, null);
    }

    ExportScope withIds(List<String> resolved) {
        return new ExportScope(actor, depth, from, to, source, resolved);
    }

    Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("ids", ids);
        p.put("source", source);
        p.put("from", from);
        p.put("to", to);
        return p;
    }

    /** A short description for file names and logs, e.g. {@code actor-kirill-dmitriev-2}. */
    String describe() {
        StringBuilder s = new StringBuilder("parley");
        if (actor != null) {
            s.append("-actor-").append(actor).append('-').append(depth);
        }
        if (source != null) {
            s.append("-source-").append(source);
        }
        if (from != null) {
            s.append("-from-").append(from);
        }
        if (to != null) {
            s.append("-to-").append(to);
        }
        return s.toString().replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
