package parley.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** What every fact extractor reads and writes: the annotated article, its entities, the draft. */
final class Context {

    final AnnotatedArticle article;
    final Entities entities;
    final Draft draft;
    final String sourceId;
    final KnownGraph known;
    /** The publisher given with the article, or null. */
    final String publisher;

    Context(
            AnnotatedArticle article,
            Entities entities,
            Draft draft,
            String sourceId,
            KnownGraph known,
            String publisher) {
        this.article = article;
        this.entities = entities;
        this.draft = draft;
        this.sourceId = sourceId;
        this.known = known;
        this.publisher = publisher == null || publisher.isBlank() ? null : publisher.strip();
    }

    /** The words of a sentence's enhanced dependency graph in text order. */
    List<IndexedWord> words(int sentence) {
        SemanticGraph g = article.graph(sentence);
        List<IndexedWord> words = new ArrayList<>(g.vertexSet());
        words.sort(Comparator.comparingInt(IndexedWord::index));
        return words;
    }

    /** The entity that is the subject of a verb (through "to" complements too), or null. */
    Entities.Cluster subject(int sentence, IndexedWord verb) {
        SemanticGraph g = article.graph(sentence);
        for (String rel : List.of("nsubj", "nsubj:xsubj", "nsubj:pass")) {
            for (IndexedWord s : AnnotatedArticle.children(g, verb, rel)) {
                Entities.Cluster c = entities.resolve(sentence, s);
                if (c != null) {
                    return c;
                }
                Entities.Cluster state = groupState(sentence, s);
                if (state != null) {
                    return state;
                }
            }
        }
        for (IndexedWord said : AnnotatedArticle.children(g, verb, "csubj")) {
            // "X said this week could be decisive but warned that …", parsed with "said" as the
            // clause's subject: the one who said it
            if (said.tag().startsWith("VB") && Claims.STATEMENT_VERBS.contains(Tense.lemma(said))) {
                return subject(sentence, said);
            }
        }
        return null;
    }

    /** "Ukraine's air force" → the air force if it is an entity; "Ukrainian officials" → Ukraine. */
    Entities.Cluster groupState(int sentence, IndexedWord w) {
        List<Entities.Cluster> all = entities.resolveAll(sentence, w);
        return all.size() == 1 ? all.getFirst() : null;
    }

    static boolean isActor(Entities.Cluster c) {
        return c != null && Set.of("Person", "Institution", "Country").contains(c.label);
    }

    String evidence(int sentence) {
        return article.evidence(sentence);
    }

    /** Whether an evidence sentence is long enough for the document format (8 characters). */
    boolean usable(int sentence) {
        return evidence(sentence).length() >= 8 && evidence(sentence).length() <= 4000;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
