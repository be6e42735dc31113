package parley.extract;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Drafts for a batch of articles, without the service or a graph:
 *
 * <pre>
 * java -cp … parley.extract.Cli --published 2025-12-18 [--title "…"] [--publisher "…"] [--out DIR] FILE|FOLDER…
 * </pre>
 *
 * One file and no {@code --out}: the draft goes to standard output. Otherwise each {@code
 * name.txt} becomes {@code DIR/name.json} (default {@code DIR}: {@code drafts}). The title defaults
 * to the file's first line. A progress line on standard error says how many files are done and
 * about how long the rest will take.
 */
public final class Cli {

    private Cli() {}

    public static void main(String[] args) throws IOException {
        // Before any logger exists: logs go to standard error, standard output is the draft.
        System.setProperty("logback.configurationFile", "logback-cli.xml");
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        String published = null;
        String title = null;
        String publisher = null;
        Path outDir = null;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--published" -> published = value(args, ++i, a);
                case "--title" -> title = value(args, ++i, a);
                case "--publisher" -> publisher = value(args, ++i, a);
                case "--out" -> outDir = Path.of(value(args, ++i, a));
                case "-h", "--help" -> {
                    err.println(usage());
                    return 0;
                }
                default -> {
                    if (a.startsWith("--")) {
                        err.println("unknown option " + a + "\n" + usage());
                        return 2;
                    }
                    inputs.add(Path.of(a));
                }
            }
        }
        if (published == null || inputs.isEmpty()) {
            err.println(usage());
            return 2;
        }
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile)
                            .filter(f -> f.getFileName().toString().endsWith(".txt"))
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                err.println("no such file or folder: " + p);
                return 2;
            }
        }
        boolean toStdout = files.size() == 1 && outDir == null;
        if (!toStdout) {
            outDir = outDir == null ? Path.of("drafts") : outDir;
            Files.createDirectories(outDir);
        }
        if (!NlpPipeline.loaded()) {
            err.println("loading the CoreNLP models (about a minute)…");
            NlpPipeline.load();
            err.printf("models loaded in %.1f s%n", NlpPipeline.loadMillis() / 1000.0);
        }
        long start = System.nanoTime();
        int failed = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String fileTitle = title != null ? title : firstLine(text);
            String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
            String id = Slugs.slug(name, 100);
            Article article = new Article(new Article.ArticleSource(id, fileTitle, published, publisher, null), text);
            try {
                byte[] draft = CoreNlpExtractor.draft(article, KnownGraph.EMPTY, Integer.MAX_VALUE);
                if (toStdout) {
                    out.write(draft);
                    out.println();
                } else {
                    Files.write(outDir.resolve(name + ".json"), draft);
                }
            } catch (IllegalArgumentException e) {
                failed++;
                err.println(file + ": " + e.getMessage());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            int done = i + 1;
            double left = elapsed / done * (files.size() - done);
            err.printf(
                    "[%d/%d] %s done; %.1f s so far, about %.0f s left%n",
                    done, files.size(), file.getFileName(), elapsed, left);
        }
        return failed == 0 ? 0 : 1;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static String firstLine(String text) {
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse("untitled");
    }

    private static String usage() {
        return "usage: parley.extract.Cli --published YYYY-MM-DD [--title TITLE] [--publisher NAME] [--out DIR]"
                + " FILE|FOLDER…";
    }
}
