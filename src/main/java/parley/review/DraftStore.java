package parley.review;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drafts as JSON files in {@code <parley.review.dir>/drafts/<id>.json}, outside the knowledge
 * graph: no query, no stats count and no Browser view sees them, and they survive restarts (and
 * work the same with an external Neo4j). Each file is written to a temporary file and moved into
 * place atomically; one lock orders the writes of this service.
 */
@Singleton
final class DraftStore {

    private static final Pattern DRAFT_ID = Pattern.compile("^draft-[a-z0-9]+(-[a-z0-9]+)*$");

    private final Path dir;
    private final JsonMapper json = JsonMapper.builder().build();

    DraftStore(@Value("${parley.review.dir}") String reviewDir) {
        this.dir = Path.of(reviewDir, "drafts");
    }

    JsonMapper json() {
        return json;
    }

    synchronized List<ObjectNode> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<ObjectNode> drafts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                drafts.add((ObjectNode) json.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the drafts", e);
        }
        return drafts;
    }

    synchronized Optional<ObjectNode> get(String id) {
        if (!DRAFT_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(id + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of((ObjectNode) json.readTree(file.toFile()));
    }

    synchronized void save(ObjectNode draft) {
        String id = draft.get("id").asString();
        if (!DRAFT_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a draft id: " + id);
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, id, ".tmp");
            Files.write(tmp, json.writeValueAsBytes(draft));
            Files.move(
                    tmp,
                    dir.resolve(id + ".json"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write draft " + id, e);
        }
    }

    synchronized boolean delete(String id) {
        if (!DRAFT_ID.matcher(id).matches()) {
            return false;
        }
        try {
            return Files.deleteIfExists(dir.resolve(id + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete draft " + id, e);
        }
    }
}
