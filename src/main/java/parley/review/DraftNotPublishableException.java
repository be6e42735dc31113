package parley.review;

import java.util.List;
import parley.errors.ApiError.Problem;

/** A draft whose accepted items do not make a document the loader accepts now: answered 422. */
final class DraftNotPublishableException extends RuntimeException {

    private final List<Problem> problems;

    DraftNotPublishableException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the accepted items", null, false, false);
        this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
        return problems;
    }
}
