package dev.gureum.core.metadata;

import dev.gureum.core.instance.Instance;

/**
 * The seam through which spot instances reach the metadata service: an instance's life cycle
 * ({@code on-demand}, {@code spot}) and the interruption pending for it, as the JSON EC2 serves at
 * {@code spot/instance-action} (e.g. {@code {"action": "terminate", "time": "2017-09-18T08:22:00Z"}}), or null
 * while none is pending, when that path answers 404 as in EC2. Until the spot market plugs in, every instance
 * is on-demand.
 */
public interface SpotMetadata {
    SpotMetadata ON_DEMAND_ONLY = new SpotMetadata() {
        @Override
        public String lifeCycle(Instance instance) {
            return "on-demand";
        }

        @Override
        public String pendingAction(Instance instance) {
            return null;
        }
    };

    String lifeCycle(Instance instance);

    String pendingAction(Instance instance);
}
