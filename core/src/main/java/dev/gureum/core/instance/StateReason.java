package dev.gureum.core.instance;

/** Why an instance last changed state, as EC2 reports it (e.g. {@code Client.UserInitiatedShutdown}). */
public record StateReason(String code, String message) {
    public static final StateReason USER_SHUTDOWN = new StateReason("Client.UserInitiatedShutdown",
            "Client.UserInitiatedShutdown: User initiated shutdown");
    public static final StateReason INSTANCE_SHUTDOWN = new StateReason("Client.InstanceInitiatedShutdown",
            "Client.InstanceInitiatedShutdown: Instance initiated shutdown");
    public static final StateReason LAUNCH_FAILED = new StateReason("Server.InternalError",
            "Server.InternalError: Internal error on launch");
    public static final StateReason SPOT_TERMINATION = new StateReason("Server.SpotInstanceTermination",
            "Server.SpotInstanceTermination: Spot instance termination");
    public static final StateReason SPOT_SHUTDOWN = new StateReason("Server.SpotInstanceShutdown",
            "Server.SpotInstanceShutdown: Spot instance shutdown");
    public static final StateReason PENDING = new StateReason("pending", "pending");
}
