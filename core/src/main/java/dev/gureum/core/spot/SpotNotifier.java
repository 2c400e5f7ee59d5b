package dev.gureum.core.spot;

/**
 * Where EC2's Spot events go: an EventBridge-shaped JSON event ({@link InterruptionWarning#eventJson}) for the
 * instance's owner. The server publishes it to the SNS topic its options name, or nowhere.
 */
@FunctionalInterface
public interface SpotNotifier {
    SpotNotifier NONE = warning -> { };

    void interruptionWarning(InterruptionWarning warning);
}
