package parley.kb;

import jakarta.inject.Singleton;
import java.util.List;
import parley.errors.ApiError.Problem;
import parley.neo4j.Graph;

/**
 * Checks a document the way {@code POST /api/documents} does (JSON Schema, then the validator
 * against the graph, in a read transaction) without loading it: for drafts that a program
 * proposes, before a person sees them. Unlike a load it takes no write lock, so its answer is as
 * of the moment it reads.
 */
@Singleton
public final class DraftCheck {

    private final DocumentParser parser;
    private final DocumentValidator validator;
    private final Graph graph;

    DraftCheck(DocumentParser parser, DocumentValidator validator, Graph graph) {
        this.parser = parser;
        this.validator = validator;
        this.graph = graph;
    }

    /** Every problem the loader would refuse the document for; empty if it would load. */
    public List<Problem> problems(byte[] document) {
        try {
            KbDocument doc = parser.parse(document);
            graph.readTransaction(tx -> validator.validate(doc, tx));
            return List.of();
        } catch (DocumentRejectedException e) {
            return e.problems();
        }
    }
}
