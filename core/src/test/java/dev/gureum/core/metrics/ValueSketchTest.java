package dev.gureum.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ValueSketchTest {

    @Test
    void percentilesOfAThousandValuesAreWithinOnePercentOfTheNearestRank() {
        Aggregate aggregate = new Aggregate();
        for (int value = 1; value <= 1000; value++) {
            aggregate.add(value, 1);
        }
        for (double p : new double[] {1, 10, 50, 90, 99, 99.9}) {
            double exact = Math.ceil(p / 100 * 1000);
            assertEquals(exact, aggregate.percentile(p), exact * ValueSketch.RELATIVE_ACCURACY, "p" + p);
        }
        assertEquals(1, aggregate.percentile(0));
        assertEquals(1000, aggregate.percentile(100));
    }

    @Test
    void countsWeighValuesAndZerosHaveTheirOwnBin() {
        Aggregate aggregate = new Aggregate();
        aggregate.add(0, 90);
        aggregate.add(500, 10);
        assertEquals(0, aggregate.percentile(90));
        assertEquals(500, aggregate.percentile(91), 5);
        assertEquals(100, aggregate.sampleCount());
        assertEquals(5000, aggregate.sum());
    }

    @Test
    void mergedSketchesAnswerLikeOne() {
        Aggregate left = new Aggregate();
        Aggregate right = new Aggregate();
        for (int value = 1; value <= 100; value++) {
            (value % 2 == 0 ? left : right).add(value, 1);
        }
        left.merge(right);
        assertEquals(50, left.percentile(50), 0.5);
        assertEquals(1, left.minimum());
        assertEquals(100, left.maximum());
    }

    @Test
    void negativeValuesAndUnevenStatisticSetsHaveNoPercentiles() {
        Aggregate negative = new Aggregate();
        negative.add(5, 1);
        negative.add(-1, 1);
        assertNull(negative.percentile(50));
        Aggregate uneven = new Aggregate();
        uneven.addSet(10, 100, 1, 30);
        assertNull(uneven.percentile(50));
        assertEquals(10, uneven.average());
        Aggregate even = new Aggregate();
        even.addSet(4, 28, 7, 7);
        assertEquals(7, even.percentile(50));
        assertEquals(28, even.sum());
    }
}
