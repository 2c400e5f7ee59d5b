package dev.gureum.core.instance;

/**
 * How on-demand launches take back capacity that Spot Instances hold. Spot runs on a zone's spare vCPUs, so an
 * on-demand launch counts them as free; when it commits past the zone's capacity, Spot Instances are marked for
 * interruption until the excess is on its way out (they leave two minutes after their notice).
 */
public interface CapacityReclaim {
    CapacityReclaim NONE = new CapacityReclaim() {
        @Override
        public long spotVcpus(String region, String zone) {
            return 0;
        }

        @Override
        public void reclaim(String region, String zone, long excessVcpus) {
        }
    };

    /** The vCPUs Spot Instances occupy in the zone, marked for interruption or not. */
    long spotVcpus(String region, String zone);

    /** Marks Spot Instances of the zone until those marked hold at least {@code excessVcpus}. */
    void reclaim(String region, String zone, long excessVcpus);
}
