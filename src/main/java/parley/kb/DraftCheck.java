package parley.kb;

import jakarta.inject.Singleton;
import java.util.List;
import parley.errors.ApiError.Problem;

/**
 * Checks a document the way {@code POST /api/documents} does (JSON Schema, then the validator
 * against the graph) without loading it: for drafts that a program proposes, before a person
 * sees them.
 */
@Singleton
public final class DraftCheck {

    private final DocumentParser parser;
    private final DocumentValidator validator;

    DraftCheck(DocumentParser parser, DocumentValidator validator) {
        this.parser = parser;
        this.validator = validator;
    }

    /** Every problem the loader would refuse the document for; empty if it would load. */
    public List<Problem> problems(byte[] document) {
        try {
            validator.validate(parser.parse(document));
            return List.of();
        } catch (DocumentRejectedException e) {
            return e.problems();
        }
    }
}
