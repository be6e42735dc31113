package parley.kb;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The version list of every source, kept outside the knowledge graph (so reloading the same
 * document leaves the graph exactly as it was) in {@code <parley.review.dir>/versions/<id>.json},
 * each file replaced atomically. A version is recorded after its transaction committed.
 */
@Singleton
public final class SourceVersions {

    /** The id format of the document schema; nothing else ever names a file. */
    static final Pattern SOURCE_ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private final Path dir;
    private final ObjectMapper json;

    SourceVersions(@Value("${parley.review.dir}") String reviewDir, ObjectMapper json) {
        this.dir = Path.of(reviewDir, "versions");
        this.json = json;
    }

    /** The versions of one source, oldest first; empty for a source never loaded here. */
    public synchronized List<SourceVersion> of(String source) {
        Path file = file(source);
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        try {
            return json.readValue(Files.readAllBytes(file), Argument.listOf(SourceVersion.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the versions of " + source, e);
        }
    }

    /** Appends a version and returns its number; {@code document} is null for a delete. */
    synchronized int record(String source, byte[] document, GraphChange changes) {
        List<SourceVersion> versions = new ArrayList<>(of(source));
        int number = versions.isEmpty() ? 1 : versions.getLast().number() + 1;
        versions.add(new SourceVersion(
                source,
                number,
                Instant.now().toString(),
                document == null ? "delete" : "load",
                document == null ? null : ParsedDocument.sha256(document),
                changes));
        Path file = file(source);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, source, ".tmp");
            Files.write(tmp, json.writeValueAsBytes(versions));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record a version of " + source, e);
        }
        return number;
    }

    private Path file(String source) {
        return SOURCE_ID.matcher(source).matches() ? dir.resolve(source + ".json") : null;
    }
}
