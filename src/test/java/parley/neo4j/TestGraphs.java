package parley.neo4j;

import java.time.Duration;
import org.neo4j.driver.Driver;
import parley.metrics.Metrics;

/** A {@link Graph} over any driver, for tests that read a second database. */
public final class TestGraphs {

    private TestGraphs() {}

    public static Graph of(Driver driver) {
        return new Graph(driver, Metrics.unexposed(), "neo4j", Duration.ofSeconds(2), 50);
    }
}
