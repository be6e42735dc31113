package parley.extract;

/** For tests outside this package that ran the extractor: let go of the CoreNLP models (~1.6 GB). */
public final class Models {

    private Models() {}

    public static void unload() {
        NlpPipeline.unload();
    }
}
