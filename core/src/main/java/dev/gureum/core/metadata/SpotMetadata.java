package dev.gureum.core.metadata;

import dev.gureum.core.instance.Instance;

/**
 * The seam through which spot instances reach the metadata service: an instance's life cycle
 * ({@code on-demand}, {@code spot}) and the interruption pending for it, as the JSON EC2 serves at
 * {@code spot/instance-action} (e.g. {@code {"action": "terminate", "time": "2017-09-18T08:22:00Z"}}), or null
 * while none is pending, when that path answers 404 as in EC2. {@link #from} reads both from the instance
 * record and the spot market's interruption notice; {@link #ON_DEMAND_ONLY} is a cloud without Spot.
 */
public interface SpotMetadata {
    SpotMetadata ON_DEMAND_ONLY = new SpotMetadata() {
        @Override
        public String lifeCycle(Instance instance) {
            return "on-demand";
        }

        @Override
        public SpotAction pendingAction(Instance instance) {
            return null;
        }
    };

    /**
     * Spot instances ({@link Instance#lifecycle()} {@code spot}) with the pending interruption document the
     * function gives (null while none is pending).
     */
    static SpotMetadata from(java.util.function.Function<Instance, SpotAction> pendingAction) {
        return new SpotMetadata() {
            @Override
            public String lifeCycle(Instance instance) {
                return instance.lifecycle() == null ? "on-demand" : instance.lifecycle();
            }

            @Override
            public SpotAction pendingAction(Instance instance) {
                return instance.lifecycle() == null ? null : pendingAction.apply(instance);
            }
        };
    }

    String lifeCycle(Instance instance);

    SpotAction pendingAction(Instance instance);
}
