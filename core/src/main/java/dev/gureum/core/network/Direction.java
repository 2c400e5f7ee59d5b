package dev.gureum.core.network;

/** Which way a security group rule faces: inbound (ingress, from its peer) or outbound (egress, to it). */
public enum Direction {
    INGRESS,
    EGRESS;

    public boolean egress() {
        return this == EGRESS;
    }
}
