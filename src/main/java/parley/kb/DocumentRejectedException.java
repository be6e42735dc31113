package parley.kb;

import java.util.List;
import parley.errors.ApiError.Problem;

/** A document that may not be loaded, with every problem found in it; nothing was written. */
public final class DocumentRejectedException extends RuntimeException {

    private final List<Problem> problems;

    DocumentRejectedException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the document, first: "
                + problems.getFirst().path() + ": " + problems.getFirst().reason());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
