package dev.gureum.core.spot;

/**
 * The status codes of a Spot Instance request and the request state each goes with, from EC2's "State changes
 * for a Spot request" table; where the state depends on the request type, the one-time and persistent states
 * are both given. The messages are Gureum's wording of the table's explanations.
 */
public enum SpotStatus {
    PENDING_EVALUATION("pending-evaluation", "open", "open",
            "Your Spot request has been submitted for review, and is pending evaluation."),
    NOT_SCHEDULED_YET("not-scheduled-yet", "open", "open", "Your Spot request will not be evaluated until its start date."),
    CAPACITY_NOT_AVAILABLE("capacity-not-available", "open", "open",
            "There is no Spot capacity available that matches your request."),
    PRICE_TOO_LOW("price-too-low", "open", "open",
            "Your Spot request price is lower than the minimum required Spot request fulfillment price."),
    BAD_PARAMETERS("bad-parameters", "failed", "failed", "Your Spot request is not valid."),
    FULFILLED("fulfilled", "active", "active", "Your spot request is fulfilled."),
    MARKED_FOR_TERMINATION("marked-for-termination", "active", "active",
            "Your Spot Instance is marked for termination because of a Spot interruption."),
    MARKED_FOR_STOP("marked-for-stop", "active", "active",
            "Your Spot Instance is marked for stop because of a Spot interruption."),
    INSTANCE_TERMINATED_BY_PRICE("instance-terminated-by-price", "closed", "open",
            "Your Spot Instance was terminated because the Spot price rose above your maximum price."),
    INSTANCE_TERMINATED_NO_CAPACITY("instance-terminated-no-capacity", "closed", "open",
            "Your Spot Instance was terminated because there is no longer Spot capacity available."),
    INSTANCE_TERMINATED_BY_USER("instance-terminated-by-user", "closed", "open",
            "Your Spot Instance was terminated by a user."),
    INSTANCE_STOPPED_BY_PRICE("instance-stopped-by-price", "disabled", "disabled",
            "Your Spot Instance was stopped because the Spot price rose above your maximum price."),
    INSTANCE_STOPPED_NO_CAPACITY("instance-stopped-no-capacity", "disabled", "disabled",
            "Your Spot Instance was stopped because there is no longer Spot capacity available."),
    INSTANCE_STOPPED_BY_USER("instance-stopped-by-user", "disabled", "disabled",
            "Your Spot Instance was stopped by a user."),
    REQUEST_CANCELED_AND_INSTANCE_RUNNING("request-canceled-and-instance-running", "cancelled", "cancelled",
            "Spot Instance request was canceled by the user, but the instance is still running."),
    CANCELED_BEFORE_FULFILLMENT("canceled-before-fulfillment", "cancelled", "cancelled",
            "Your Spot request was canceled before it was fulfilled."),
    SCHEDULE_EXPIRED("schedule-expired", "cancelled", "cancelled",
            "Your Spot request expired before it could be fulfilled.");

    private final String code;
    private final String oneTimeState;
    private final String persistentState;
    private final String message;

    SpotStatus(String code, String oneTimeState, String persistentState, String message) {
        this.code = code;
        this.oneTimeState = oneTimeState;
        this.persistentState = persistentState;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    public String state(boolean persistent) {
        return persistent ? persistentState : oneTimeState;
    }
}
