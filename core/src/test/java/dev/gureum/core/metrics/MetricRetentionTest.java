package dev.gureum.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Roll-ups and retention as CloudWatch documents them, driven by the manual clock. */
class MetricRetentionTest {
    private final MetricWorld world = new MetricWorld();
    private final MetricKey key = MetricWorld.key("App", "Requests");
    private final Stat sum = Stat.standard(Stat.Standard.Sum);

    /** Two hours of one value a minute, each worth its minute's index, starting on an hour. */
    private Instant twoHoursOfMinutes() {
        Instant first = MetricWorld.START.minus(Duration.ofHours(2));
        for (int minute = 0; minute < 120; minute++) {
            world.put("App", MetricWorld.value("Requests", first.plusSeconds(60L * minute), minute));
        }
        return first;
    }

    private List<TimedValue> sums(int period, Instant from, Instant to) {
        return world.queries.statistic(key, sum, period, from, to, null);
    }

    @Test
    void coarserPeriodsAreTheSumsOfTheFinerOnes() {
        Instant first = twoHoursOfMinutes();
        Instant end = first.plus(Duration.ofHours(2));
        assertEquals(120, sums(60, first, end).size());
        List<TimedValue> fiveMinutes = sums(300, first, end);
        assertEquals(24, fiveMinutes.size());
        assertEquals(0 + 1 + 2 + 3 + 4, fiveMinutes.get(0).value());
        List<TimedValue> hours = sums(3600, first, end);
        assertEquals(List.of(59 * 60 / 2.0, (60 + 119) * 60 / 2.0), hours.stream().map(TimedValue::value).toList());
    }

    @Test
    void oneMinuteDataLastsFifteenDaysFiveMinuteDataSixtyThreeAndHourlyDataFourHundredFiftyFive() {
        Instant first = twoHoursOfMinutes();
        Instant end = first.plus(Duration.ofHours(2));
        world.advance(Duration.ofDays(15));
        world.storage.prune();
        assertTrue(sums(60, first, end).isEmpty(), "1-minute periods are gone after 15 days");
        assertEquals(24, sums(300, first, end).size());
        world.advance(Duration.ofDays(48));
        world.storage.prune();
        assertTrue(sums(300, first, end).isEmpty(), "5-minute periods are gone after 63 days");
        assertEquals(2, sums(3600, first, end).size());
        world.advance(Duration.ofDays(392));
        world.storage.prune();
        assertTrue(sums(3600, first, end).isEmpty(), "hourly periods are gone after 455 days");
        assertTrue(world.storage.metrics(MetricWorld.ACCOUNT, MetricWorld.REGION).isEmpty(),
                "a metric without data is forgotten, so memory stays bounded");
    }

    @Test
    void highResolutionDataHasOneSecondPeriodsForThreeHours() {
        Instant at = MetricWorld.START.minusSeconds(30);
        for (int second = 0; second < 20; second++) {
            world.service.put(world.context(), "App", List.of(new Datum("Requests", List.of(), at.plusSeconds(second),
                    1.0, null, null, null, null, 1)));
        }
        assertEquals(2, sums(10, at, at.plusSeconds(20)).size());
        assertEquals(20, sums(1, at, at.plusSeconds(20)).size());
        world.advance(Duration.ofHours(3).plusMinutes(1));
        world.storage.prune();
        assertTrue(sums(10, at, at.plusSeconds(20)).isEmpty());
        assertEquals(20.0, sums(60, Instant.ofEpochSecond(Tier.MINUTE.bucketOf(at.getEpochSecond())),
                at.plusSeconds(60)).stream().mapToDouble(TimedValue::value).sum());
    }

    @Test
    void standardResolutionDataHasNoSubMinutePeriods() {
        world.put("App", MetricWorld.value("Requests", MetricWorld.START.minusSeconds(30), 5));
        assertTrue(sums(10, MetricWorld.START.minusSeconds(60), MetricWorld.START).isEmpty());
        assertEquals(1, sums(60, MetricWorld.START.minusSeconds(60), MetricWorld.START).size());
    }

    @Test
    void theJournalReplaysToTheSameDataBeforeAndAfterCompaction() {
        Instant first = twoHoursOfMinutes();
        Instant end = first.plus(Duration.ofHours(2));
        List<TimedValue> before = sums(300, first, end);
        MetricStorage replayed = new MetricStorage(world.journal, world.clock);
        assertEquals(before, new MetricQueries(replayed).statistic(key, sum, 300, first, end, null));
        world.storage.compact();
        assertTrue(world.journal.log.isEmpty());
        MetricStorage fromSnapshot = new MetricStorage(world.journal, world.clock);
        assertEquals(before, new MetricQueries(fromSnapshot).statistic(key, sum, 300, first, end, null));
        assertEquals(120, new MetricQueries(fromSnapshot).statistic(key, sum, 60, first, end, null).size());
    }
}
