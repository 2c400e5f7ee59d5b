package dev.gureum.core.instance;

import dev.gureum.core.error.Ec2Error;

/** InstanceInitiatedShutdownBehavior: what a shutdown from inside the guest does — stop or terminate. */
public final class ShutdownBehaviors {
    private ShutdownBehaviors() {
    }

    public static String require(String value) {
        if (!"stop".equals(value) && !"terminate".equals(value)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + value
                    + ") for parameter instanceInitiatedShutdownBehavior is invalid. Valid values: stop, terminate.");
        }
        return value;
    }
}
