package parley.review;

/** A draft asked for from article text while no extractor is installed: answered 503. */
final class ExtractorUnavailableException extends RuntimeException {

    ExtractorUnavailableException() {
        super(
                "extractor not available: this service has no article extractor, so drafts can only be made"
                        + " from a source document (send one with entities, facts and relationships)",
                null,
                false,
                false);
    }
}
