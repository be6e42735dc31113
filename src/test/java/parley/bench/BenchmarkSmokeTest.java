package parley.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * CI's smoke run of the benchmark at 10^3 facts: every part runs (the generated documents go
 * through the real parser and validator, so they must pass it) and a report comes out. Timings are
 * printed, never asserted.
 */
class BenchmarkSmokeTest {

    @Test
    void theBenchmarkRunsEndToEndAtAThousandFacts() throws Exception {
        String report = new Benchmark(Benchmark.smoke()).run();
        assertTrue(report.contains("## Targets"), report);
        assertTrue(report.contains("real/raw"), report);
    }
}
