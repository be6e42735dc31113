package parley.cypher;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import parley.neo4j.CypherScript;

/**
 * The named queries: every {@code cypher/queries/*.cypher}, described by its header comment
 * (the lines before the Cypher) whose {@code Parameters:} line names its {@code $parameters}; a
 * parameter written {@code $limit = 50} (an integer, {@code true}, {@code false}, {@code null} or
 * a 'quoted string') has that default, one without a default is required.
 */
@Singleton
final class QueryCatalog {

    private static final String FOLDER = "cypher/queries";
    private static final Pattern PARAMETER =
            Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)(?:\\s*=\\s*(-?[0-9]+|true|false|null|'[^']*'))?");

    /**
     * A query a client may run by name, with what it answers, the parameters it takes, the
     * defaults of the optional ones (a parameter absent from {@code defaults} is required).
     */
    @Serdeable
    record NamedQuery(
            String name, String description, List<String> parameters, Map<String, Object> defaults, String cypher) {

        List<String> required() {
            return parameters.stream().filter(p -> !defaults.containsKey(p)).toList();
        }
    }

    private final Map<String, NamedQuery> queries;

    QueryCatalog() {
        Map<String, NamedQuery> found = new TreeMap<>();
        for (String file : files()) {
            String name = file.substring(0, file.length() - ".cypher".length());
            found.put(name, parse(name, CypherScript.read("queries/" + file)));
        }
        this.queries = found;
    }

    List<NamedQuery> all() {
        return List.copyOf(queries.values());
    }

    Optional<NamedQuery> get(String name) {
        return Optional.ofNullable(queries.get(name));
    }

    static NamedQuery parse(String name, String script) {
        List<String> description = new ArrayList<>();
        LinkedHashSet<String> parameters = new LinkedHashSet<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        boolean inParameters = false;
        for (String line : script.lines().toList()) {
            String stripped = line.strip();
            if (!stripped.startsWith("//")) {
                break;
            }
            String comment = stripped.substring(2).strip();
            if (comment.startsWith("Parameters:") || inParameters) {
                inParameters = true;
                Matcher m = PARAMETER.matcher(comment);
                while (m.find()) {
                    parameters.add(m.group(1));
                    if (m.group(2) != null) {
                        defaults.put(m.group(1), literal(m.group(2)));
                    }
                }
            } else {
                description.add(comment);
            }
        }
        return new NamedQuery(
                name,
                String.join(" ", description).strip(),
                List.copyOf(parameters),
                Collections.unmodifiableMap(defaults),
                script);
    }

    private static Object literal(String text) {
        return switch (text) {
            case "null" -> null;
            case "true" -> true;
            case "false" -> false;
            default -> text.startsWith("'") ? text.substring(1, text.length() - 1) : Long.parseLong(text);
        };
    }

    /** File names in the folder, whether the classpath is a directory (tests, exec:exec) or a jar. */
    private static List<String> files() {
        URL url = QueryCatalog.class.getClassLoader().getResource(FOLDER);
        if (url == null) {
            throw new IllegalStateException("No " + FOLDER + " on the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return list(fs.getPath(FOLDER));
            }
            return list(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot list " + FOLDER, e);
        }
    }

    private static List<String> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".cypher"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
