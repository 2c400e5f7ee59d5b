package dev.gureum.bench;

import java.time.Duration;
import java.util.List;

/**
 * One target's measured wrk rounds taken together: requests per second over all rounds, the median of the
 * rounds' p50 latencies and the worst of their p99s, failures summed, and the server's CPU time per request.
 */
record LoadSummary(double requestsPerSecond, long requests, double medianMillis, double worstP99Millis,
                   long notSuccessful, long socketErrors, double cpuMicrosPerRequest) {

    /** One wrk run and the CPU time the server process spent during it. */
    record Round(Wrk.Result load, Duration serverCpu) {
    }

    static LoadSummary of(List<Round> rounds) {
        long requests = rounds.stream().mapToLong(round -> round.load().requests()).sum();
        double seconds = rounds.stream().mapToDouble(round -> round.load().requests() / round.load().requestsPerSecond()).sum();
        long cpuNanos = rounds.stream().mapToLong(round -> round.serverCpu().toNanos()).sum();
        return new LoadSummary(requests / seconds, requests,
                Statistics.median(rounds.stream().map(round -> round.load().medianMillis()).toList()),
                rounds.stream().mapToDouble(round -> round.load().p99Millis()).max().orElseThrow(),
                rounds.stream().mapToLong(round -> round.load().notSuccessful()).sum(),
                rounds.stream().mapToLong(round -> round.load().socketErrors()).sum(),
                cpuNanos / 1000.0 / requests);
    }
}
