package parley.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Properties;
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
        Annotation annotation = new Annotation(text);
        annotation.set(CoreAnnotations.DocDateAnnotation.class, published);
        synchronized (NlpPipeline.class) {
            pipeline.annotate(annotation);
        }
        return new CoreDocument(annotation);
    }
}
