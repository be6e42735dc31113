package parley.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one CoreNLP annotation pass every extractor reads: tokens, sentences, parts of speech,
 * lemmas, named entities (with SUTime dates against the publication date), enhanced++
 * dependencies, coreference and quote attribution.
 *
 * <p>The models take ~1.6 GB of heap and about a minute to load on 2 busy cores, so they load once
 * per JVM, on first use, and are shared by every caller in it (the service's bean, the CLI, the
 * tests). Annotation runs one document at a time: the annotators are not documented as safe for
 * concurrent use, and one at a time keeps the output reproducible.
 */
public final class NlpPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(NlpPipeline.class);

    /** The annotators, in order; each later one reads what the earlier ones wrote. */
    static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,depparse,coref,quote";

    private static volatile StanfordCoreNLP pipeline;
    private static volatile long loadMillis = -1;

    private NlpPipeline() {}

    static Properties properties() {
        Properties p = new Properties();
        p.setProperty("annotators", ANNOTATORS);
        // A blank line ends a sentence (headings, paragraphs); a single line break inside a
        // paragraph does not, so hard-wrapped text still reads as sentences.
        p.setProperty("ssplit.newlineIsSentenceBreak", "two");
        return p;
    }

    /** Whether the models are in memory. */
    public static boolean loaded() {
        return pipeline != null;
    }

    /** How long loading the models took, in milliseconds; -1 before they are loaded. */
    public static long loadMillis() {
        return loadMillis;
    }

    /** Loads the models unless they are loaded; returns true if this call loaded them. */
    public static boolean load() {
        if (pipeline != null) {
            return false;
        }
        synchronized (NlpPipeline.class) {
            if (pipeline != null) {
                return false;
            }
            LOG.info("Loading the CoreNLP models ({}); this takes about a minute", ANNOTATORS);
            long start = System.nanoTime();
            StanfordCoreNLP loadedPipeline = new StanfordCoreNLP(properties());
            loadMillis = (System.nanoTime() - start) / 1_000_000;
            pipeline = loadedPipeline;
            Runtime rt = Runtime.getRuntime();
            LOG.info(
                    "Loaded the CoreNLP models in {} ms (heap in use {} MB of at most {} MB)",
                    loadMillis,
                    (rt.totalMemory() - rt.freeMemory()) >> 20,
                    rt.maxMemory() >> 20);
            return true;
        }
    }

    /**
     * Lets go of the models (CoreNLP's annotator cache included), for tests that must not leave
     * ~1.6 GB of heap to the rest of the test JVM; the next use loads them again.
     */
    static void unload() {
        synchronized (NlpPipeline.class) {
            pipeline = null;
            loadMillis = -1;
            StanfordCoreNLP.clearAnnotatorPool();
        }
    }

    /** Annotates one article; {@code published} (ISO date) anchors relative dates in SUTime. */
    static CoreDocument annotate(String text, String published) {
        load();
        Annotation annotation = new Annotation(withoutWireFurniture(text));
        annotation.set(CoreAnnotations.DocDateAnnotation.class, published);
        synchronized (NlpPipeline.class) {
            pipeline.annotate(annotation);
        }
        return new CoreDocument(annotation);
    }

    /**
     * A wire story's dateline at the start of a line ("DOHA, Nov 19 (Reuters) -", "KYIV, Ukraine
     * (AP) —", "PARIS (AFP) -"): a place in capitals, optionally a region and a date, then the
     * agency in brackets or a date, then a dash.
     */
    private static final Pattern DATELINE = Pattern.compile(
            "^[ \\t]*[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+)*"
                    + "(?:, [A-Z][A-Za-z.'’]+(?: [A-Z][A-Za-z.'’]+){0,3})??"
                    + "(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2}(?:, \\d{4})?)?"
                    + "(?: ?\\([A-Za-z.&'’ -]{2,40}\\))?"
                    + " ?[-–—]{1,2} ",
            Pattern.MULTILINE);

    /**
     * A line of credits rather than story: "(Reporting by … ; Editing by …)", "Writing by …",
     * "Associated Press writers … contributed to this report", or a byline "By Jane Doe".
     */
    private static final Pattern CREDITS = Pattern.compile(
            "^[ \\t]*\\(?(?:(?:Additional |Writing and )?[Rr]eporting|Writing|Editing|Compiled|Graphics?)"
                    + " by [^\\n]*$"
                    + "|^[ \\t]*(?:The )?(?:Associated Press|AP|AFP|Reuters)[^\\n]{0,200}"
                    + "\\bcontributed(?: to)?(?: this)? (?:report|reporting|story)\\b[^\\n]*$"
                    + "|^[ \\t]*By [A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){1,3}"
                    + "(?:,? (?:and|&) [A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){1,3})*"
                    + "(?:,? (?:Associated Press|Reuters|AFP|AP))?[ \\t]*$",
            Pattern.MULTILINE);

    /**
     * The text with a dateline and credit lines blanked out, character for character, so offsets
     * into it are offsets into the article: the reporter's city and the reporters' names are not
     * what the story is about, and a dateline glued to the first sentence would otherwise open
     * every fact drawn from it. A dateline counts only if its place is in capitals and an agency
     * or a date follows it.
     */
    static String withoutWireFurniture(String text) {
        StringBuilder b = new StringBuilder(text);
        Matcher d = DATELINE.matcher(text);
        while (d.find()) {
            String m = d.group();
            boolean agencyOrDate = m.contains("(") || m.matches("(?s).*\\d.*");
            if (agencyOrDate && m.replaceAll("[^A-Z]", "").length() >= 2) {
                blank(b, d.start(), d.end());
            }
        }
        Matcher c = CREDITS.matcher(text);
        while (c.find()) {
            blank(b, c.start(), c.end());
        }
        return b.toString();
    }

    private static void blank(StringBuilder b, int start, int end) {
        for (int i = start; i < end; i++) {
            if (b.charAt(i) != '\n') {
                b.setCharAt(i, ' ');
            }
        }
    }
}
