package dev.gureum.core.spot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The rules of Gureum's Spot market, in one place. A zone's price level (Spot price ÷ on-demand price) aims at
 * {@code FLOOR + (1 − FLOOR) × u²}, u the share of the zone's vCPUs in use (on-demand and Spot): cheap while
 * the pool is mostly idle, the on-demand price when it is full. A type's own demand adds a premium aiming at
 * {@code DEMAND_WEIGHT × d}, d the share of the zone's vCPUs its Spot Instances hold (a type in demand costs
 * more than its idle neighbours), the sum capped at the on-demand price. Level and premiums move toward their aims by at most
 * {@code STEP} per evaluation, one evaluation every {@code INTERVAL} of the cloud clock, so prices change
 * gradually and infrequently as AWS's have since 2017. A price is the on-demand price × level, to four
 * decimals (shown with six, as EC2 shows Spot prices). AWS publishes no formula: the floor (30 % of
 * on-demand, a 70 % discount, within AWS's advertised "up to 90 %") and the curve are Gureum's.
 */
public final class SpotPricing {
    public static final BigDecimal FLOOR = new BigDecimal("0.30");
    public static final BigDecimal STEP = new BigDecimal("0.05");
    public static final Duration INTERVAL = Duration.ofMinutes(5);
    /** How much a type's own Spot demand adds: half its share of the zone's vCPUs, on top of the zone's level. */
    public static final BigDecimal DEMAND_WEIGHT = new BigDecimal("0.5");
    /** How long history is kept, as DescribeSpotPriceHistory goes back at most 90 days. */
    public static final Duration RETENTION = Duration.ofDays(90);

    private SpotPricing() {
    }

    /** The level a zone aims at with {@code used} of {@code capacity} vCPUs in use. */
    public static BigDecimal target(long used, long capacity) {
        double share = capacity <= 0 ? 1 : Math.min(1, Math.max(0, (double) used / capacity));
        BigDecimal curve = BigDecimal.valueOf(share * share);
        return FLOOR.add(BigDecimal.ONE.subtract(FLOOR).multiply(curve)).setScale(4, RoundingMode.HALF_UP);
    }

    /** The premium a type aims at when its Spot Instances hold {@code typeVcpus} of the zone's {@code capacity}. */
    public static BigDecimal demandTarget(long typeVcpus, long capacity) {
        double share = capacity <= 0 ? 1 : Math.min(1, Math.max(0, (double) typeVcpus / capacity));
        return DEMAND_WEIGHT.multiply(BigDecimal.valueOf(share)).setScale(4, RoundingMode.HALF_UP);
    }

    /** The next level from {@code current} toward {@code target}, at most one step away. */
    public static BigDecimal step(BigDecimal current, BigDecimal target) {
        BigDecimal difference = target.subtract(current);
        if (difference.abs().compareTo(STEP) <= 0) {
            return target;
        }
        return current.add(difference.signum() > 0 ? STEP : STEP.negate());
    }

    /** The Spot price of a type whose on-demand price is {@code onDemand}, at {@code level}. */
    public static BigDecimal price(BigDecimal onDemand, BigDecimal level) {
        return onDemand.multiply(level).setScale(4, RoundingMode.HALF_UP);
    }

    /** A price as EC2 writes Spot prices: six decimals. */
    public static String show(BigDecimal price) {
        return price.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }
}
