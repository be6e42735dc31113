package parley.extract;

import edu.stanford.nlp.pipeline.CoreDocument;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.metrics.Metrics;

/**
 * The service's {@link DraftExtractor}: CoreNLP's annotation pass, then the extractors, linking
 * names and meetings to what the graph holds. Loads the models on first use (about a minute,
 * ~1.6 GB of heap) unless {@code parley.extract.preload=true} loaded them at start.
 */
@Singleton
public final class CoreNlpExtractor implements DraftExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(CoreNlpExtractor.class);

    private final KnownGraph known;
    private final Metrics metrics;
    private final int maxChars;

    CoreNlpExtractor(GraphKnowledge known, Metrics metrics, @Value("${parley.extract.max-chars:200000}") int maxChars) {
        this.known = known;
        this.metrics = metrics;
        this.maxChars = maxChars;
    }

    /** One draft and what it took: whether this call loaded the models, and the times. */
    public record Timed(byte[] draft, boolean loadedModels, long modelLoadMillis, long extractMillis) {}

    @Override
    public byte[] draft(Article article) {
        return timed(article).draft();
    }

    /** The draft, with whether this call had to load the models and how long each part took. */
    public Timed timed(Article article) {
        LocalDate published = ArticleCheck.check(article, maxChars);
        boolean loaded = NlpPipeline.load();
        long start = System.nanoTime();
        byte[] draft;
        try {
            CoreDocument doc =
                    NlpPipeline.annotate(article.text(), article.source().published());
            draft = Extraction.run(article, published, doc, known);
        } catch (RuntimeException e) {
            metrics.recordExtraction("failed", Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
        metrics.recordExtraction("drafted", Duration.ofNanos(System.nanoTime() - start));
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(
                "Extracted a draft of {} from {} characters in {} ms{}",
                Extraction.sourceId(article),
                article.text().length(),
                millis,
                loaded ? " (after loading the models in " + NlpPipeline.loadMillis() + " ms)" : "");
        return new Timed(draft, loaded, NlpPipeline.loadMillis(), millis);
    }

    /** A draft without the service (the CLI, the evaluation): against the given graph knowledge. */
    static byte[] draft(Article article, KnownGraph known, int maxChars) {
        LocalDate published = ArticleCheck.check(article, maxChars);
        CoreDocument doc = NlpPipeline.annotate(article.text(), article.source().published());
        return Extraction.run(article, published, doc, known);
    }
}
