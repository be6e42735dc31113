package parley.extract;

/**
 * Reads an article and proposes a draft source document: the JSON of the format in
 * {@code kb/kb-document.schema.json}, every entity, fact and relationship with its verbatim
 * evidence, {@code confidence} and {@code rule}. It writes nothing to the graph: a person reviews
 * the draft and publishes what they accept. The same article gives byte-identical JSON.
 */
public interface DraftExtractor {

    /** The draft document as UTF-8 JSON; throws {@link IllegalArgumentException} naming what is wrong with the input. */
    byte[] draft(Article article);
}
