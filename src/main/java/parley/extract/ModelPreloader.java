package parley.extract;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * With {@code parley.extract.preload=true}, loads the CoreNLP models in the background as the
 * service starts, so the first {@code POST /api/extract} does not wait for them. The service's
 * start does not wait either: it answers while the models load.
 */
@Singleton
@Requires(property = "parley.extract.preload", value = "true")
final class ModelPreloader {

    @EventListener
    void onStartup(StartupEvent event) {
        Thread loader = new Thread(NlpPipeline::load, "corenlp-preload");
        loader.setDaemon(true);
        loader.start();
    }
}
