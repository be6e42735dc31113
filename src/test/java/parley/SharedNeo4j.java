package parley;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;

/**
 * Implemented by {@code @MicronautTest} classes (with {@code PER_CLASS} lifecycle) to run the
 * service against the shared test database.
 */
public interface SharedNeo4j extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        return TestNeo4j.properties();
    }
}
