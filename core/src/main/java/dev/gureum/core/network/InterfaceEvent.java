package dev.gureum.core.network;

/** What happened to an instance that its interfaces must follow. */
public enum InterfaceEvent {
    /** It stopped: pool addresses go back (Elastic IPs stay, idle). */
    STOPPED,
    /** It is starting again: interfaces that map a public address draw a new one; Elastic IPs are in use again. */
    STARTING,
    /** It is gone: interfaces marked delete-on-termination go with their addresses; others are detached. */
    TERMINATED
}
