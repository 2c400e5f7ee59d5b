package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * A crash in the middle of an hour neither loses nor doubles a second: {@code kill -9} lands while instances'
 * stops are being committed, and after the restart every instance is billed for exactly the time it ran, whether
 * its stop was acknowledged, committed but never answered, or never made; the manual clock resumes where it was
 * advanced to, so the arithmetic is exact.
 */
class MeteringCrashIT {
    private static final int INSTANCES = 48;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 8;
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @Test
    void aCrashWhileStopsCommitNeitherLosesNorDoublesASecond() throws Exception {
        try (GureumProcess server = GureumProcess.start("--clock", "manual", "--max-instances",
                Integer.toString(INSTANCES))) {
            Instant launched = now(server);
            List<String> ids;
            try (Ec2Client ec2 = Clients.ec2(server.endpoint())) {
                String image = Ec2PlatformIT.debianImage(ec2);
                ids = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(INSTANCES)
                        .maxCount(INSTANCES)).instances().stream().map(Instance::instanceId).sorted().toList();
                server.awaitInstanceState(ec2, ids.getLast(), "running");
            }
            server.advanceClock((int) HALF_HOUR.toSeconds());

            Set<String> acknowledged = stopOneByOneUntilKilled(server, ids);
            server.restart();

            assertEquals(launched.plus(HALF_HOUR), now(server), "the manual clock resumes where it was advanced to");
            Map<String, String> states;
            try (Ec2Client ec2 = Clients.ec2(server.endpoint())) {
                for (String id : acknowledged) {
                    server.awaitInstanceState(ec2, id, "stopped");
                }
                states = states(ec2);
                List<String> running = ids.stream().filter(id -> states.get(id).equals("running")).toList();
                assertTrue(!running.isEmpty(), "the kill landed after every stop: " + states);
                assertEquals(ids.size(), running.size() + states.values().stream().filter("stopped"::equals).count(),
                        () -> "every instance settled as running or stopped: " + states);

                server.advanceClock((int) HALF_HOUR.toSeconds());
                ec2.stopInstances(r -> r.instanceIds(running));
                for (String id : running) {
                    server.awaitInstanceState(ec2, id, "stopped");
                }
            }
            long stoppedAtTheCrash = states.values().stream().filter("stopped"::equals).count();
            BigDecimal hours = BigDecimal.valueOf(stoppedAtTheCrash).multiply(new BigDecimal("0.5"))
                    .add(BigDecimal.valueOf(ids.size() - stoppedAtTheCrash));
            Instant end = launched.plus(HALF_HOUR).plus(HALF_HOUR);
            assertEquals(0, hours.compareTo(billed(server, launched, end, "BoxUsage:t3.micro")),
                    () -> stoppedAtTheCrash + " instances stopped at the crash, half an hour each, the others an hour: "
                            + hours + " hours, billed " + billed(server, launched, end, "BoxUsage:t3.micro"));
            assertEquals(0, hours.compareTo(billed(server, launched, end, "USE1-PublicIPv4:InUseAddress")),
                    "each public address is held from its instance's launch until its stop, as long as its instance ran");
        }
    }

    /**
     * Stops the instances one per call from four threads and kills the server once {@link #ACKNOWLEDGED_BEFORE_KILL}
     * stops were answered, the other calls in flight. Returns the instances whose stop was acknowledged.
     */
    private static Set<String> stopOneByOneUntilKilled(GureumProcess server, List<String> ids)
            throws InterruptedException {
        ConcurrentLinkedQueue<String> toStop = new ConcurrentLinkedQueue<>(ids);
        Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            for (int caller = 0; caller < 4; caller++) {
                callers.execute(() -> {
                    for (String id = toStop.poll(); id != null; id = toStop.poll()) {
                        String stopping = id;
                        try {
                            ec2.stopInstances(r -> r.instanceIds(stopping));
                        } catch (RuntimeException refusedOrCut) {
                            return;
                        }
                        acknowledged.add(stopping);
                        enough.countDown();
                    }
                });
            }
            assertTrue(enough.await(60, TimeUnit.SECONDS), "stops were not answered");
            server.kill();
            callers.shutdown();
            assertTrue(callers.awaitTermination(60, TimeUnit.SECONDS), "the callers did not end after the kill");
        } finally {
            callers.shutdownNow();
        }
        return new TreeSet<>(acknowledged);
    }

    private static Map<String, String> states(Ec2Client ec2) {
        return ec2.describeInstances().reservations().stream().flatMap(reservation -> reservation.instances().stream())
                .collect(Collectors.toMap(Instance::instanceId, instance -> instance.state().nameAsString()));
    }

    private static Instant now(GureumProcess server) {
        Matcher now = Pattern.compile("\"now\":\"([^\"]+)\"").matcher(server.admin("GET", "/_gureum/health"));
        assertTrue(now.find());
        return Instant.parse(now.group(1));
    }

    /** The quantity of {@code usageType} on the bills of the months from {@code start} to {@code end}. */
    private static BigDecimal billed(GureumProcess server, Instant start, Instant end, String usageType) {
        BigDecimal sum = BigDecimal.ZERO;
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(start.atOffset(ZoneOffset.UTC));
             !month.isAfter(YearMonth.from(end.atOffset(ZoneOffset.UTC))); month = month.plusMonths(1)) {
            months.add(month);
        }
        for (YearMonth month : months) {
            Matcher line = Pattern.compile("\"usageType\":\"" + Pattern.quote(usageType)
                    + "\"[^}]*\"quantity\":\"([0-9.E-]+)\"").matcher(server.admin("GET", "/_gureum/bill?month=" + month));
            while (line.find()) {
                sum = sum.add(new BigDecimal(line.group(1)));
            }
        }
        return sum;
    }
}
