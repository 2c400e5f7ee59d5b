package dev.gureum.bench;

/** One benchmark: it starts what it measures, measures, stops everything it started, and reports. */
interface Benchmark {
    Report run() throws Exception;
}
