package dev.gureum.core.instance;

import dev.gureum.core.network.InterfaceEvent;
import dev.gureum.core.network.InterfaceLifecycle;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.time.CloudClock;
import dev.gureum.core.store.WriteBatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instances' network interfaces follow them: pool addresses go back at stop and are drawn anew at start;
 * the interfaces go with a terminated instance.
 */
public final class NetworkFollower implements InstanceFollower {
    private final InterfaceLifecycle network;
    private final CloudClock clock;

    public NetworkFollower(InterfaceLifecycle network, CloudClock clock) {
        this.network = network;
        this.clock = clock;
    }

    @Override
    public Runnable follow(WriteBatch batch, List<Instance[]> moves) {
        Map<RecordKey, Map<String, InterfaceEvent>> byScope = new LinkedHashMap<>();
        for (Instance[] move : moves) {
            InterfaceEvent event = event(move[0].state(), move[1].state());
            if (event != null && move[1].network() != null) {
                byScope.computeIfAbsent(new RecordKey(move[1].ownerId(), move[1].region(), ""),
                        unused -> new LinkedHashMap<>()).put(move[1].network().primaryInterfaceId(), event);
            }
        }
        byScope.forEach((scope, events) -> network.instancesChanged(batch, scope.account(), scope.region(), events,
                clock.now()));
        return NOTHING_AFTER;
    }

    private static InterfaceEvent event(InstanceState before, InstanceState after) {
        if (after == InstanceState.STOPPED && before != InstanceState.STOPPED) {
            return InterfaceEvent.STOPPED;
        }
        if (before == InstanceState.STOPPED && after == InstanceState.PENDING) {
            return InterfaceEvent.STARTING;
        }
        if (after == InstanceState.TERMINATED && before != InstanceState.TERMINATED) {
            return InterfaceEvent.TERMINATED;
        }
        return null;
    }
}
