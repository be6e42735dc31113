package parley.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The slow suites write their figures to {@code target/robustness/<suite>.md}, for docs/robustness.md. */
final class RobustnessReport {

    private RobustnessReport() {}

    static void write(String suite, String markdown) {
        try {
            Path dir = Path.of("target", "robustness");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(suite + ".md"), markdown);
            System.out.println("robustness figures (" + suite + "):\n" + markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
