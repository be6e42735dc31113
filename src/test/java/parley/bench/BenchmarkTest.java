package parley.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole benchmark; excluded from the default build. Run it with
 * {@code ./mvnw -B verify -Pbenchmark -Dparley.bench.max=1000000} (default max 100000). Figures
 * go to {@code docs/benchmarks.md}.
 */
@Tag("benchmark")
class BenchmarkTest {

    @Test
    void benchmark() throws Exception {
        long max = Long.parseLong(System.getProperty("parley.bench.max", "100000"));
        new Benchmark(Benchmark.full(max)).run();
    }
}
