package dev.gureum.core.instance;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.network.NetworkRecords;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.InstanceRuntime;
import dev.gureum.core.runtime.Observation;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.time.CloudClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Start, stop, reboot and terminate, and what the runtime reports back. Every decision is the lifecycle
 * table's; this class applies it: guards first (disableApiTermination, disableApiStop), then one atomic,
 * compare-and-set batch for all the instances of a call, then the runtime commands. Runtime reports move
 * an instance on with the same table and are ignored when stale.
 */
public final class InstanceCommands {
    private static final Logger LOG = Logger.getLogger(InstanceCommands.class.getName());
    private static final DateTimeFormatter REASON_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'GMT'").withZone(ZoneOffset.UTC);
    private static final int ATTEMPTS = 5;

    private final Store store;
    private final CloudClock clock;
    private final LaunchCatalog catalog;
    private final InstanceUsage usage;
    private final List<InstanceFollower> followers;
    private volatile InstanceRuntime runtime;
    private volatile InstanceDisks disks;

    public InstanceCommands(Store store, CloudClock clock, LaunchCatalog catalog, InstanceUsage usage,
                            List<InstanceFollower> followers) {
        this.store = store;
        this.clock = clock;
        this.catalog = catalog;
        this.usage = usage;
        this.followers = List.copyOf(followers);
    }

    /** The runtime is created with this class as its observer, so it is attached afterwards. */
    public void attach(InstanceRuntime attached) {
        this.runtime = attached;
    }

    /** Where a starting instance's disks besides the root come from (none until told). */
    public void describeDisksWith(InstanceDisks instanceDisks) {
        this.disks = instanceDisks;
    }

    public List<StateChange> apply(RequestContext context, List<String> instanceIds, InstanceEvent command) {
        return apply(context, instanceIds, command, null);
    }

    /**
     * A command EC2 itself gives (a Spot interruption, a Spot restart): the API's guards (disableApiStop,
     * disableApiTermination) do not apply, the moved instances get EC2's {@code reason} and {@code change} is
     * applied to each of them in the same batch.
     */
    public record ServiceCommand(StateReason reason, String transitionReason,
                                 java.util.function.UnaryOperator<Instance> change) {
    }

    public List<StateChange> apply(RequestContext context, List<String> instanceIds, InstanceEvent command,
                                   ServiceCommand service) {
        if (command.kind() != InstanceEvent.Kind.COMMAND) {
            throw new IllegalArgumentException(command + " is not a command");
        }
        if (instanceIds.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter InstanceId");
        }
        ResourceIds.requireWellFormed(IdKind.INSTANCE, instanceIds);
        for (int attempt = 1; ; attempt++) {
            try {
                return applyOnce(context, new ArrayList<>(new LinkedHashSet<>(instanceIds)), command, service);
            } catch (VersionConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw Ec2Error.INCORRECT_INSTANCE_STATE.exception("The instances are changing state;"
                            + " retry the request.");
                }
            }
        }
    }

    private List<StateChange> applyOnce(RequestContext context, List<String> ids, InstanceEvent command,
                                        ServiceCommand service) {
        List<Versioned<Instance>> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Optional<Versioned<Instance>> instance = store.get(InstanceRecords.INSTANCES, InstanceLaunches.key(context, id));
            instance.filter(versioned -> InstanceVisibility.visible(versioned.value(), context.now()))
                    .ifPresentOrElse(found::add, () -> missing.add(id));
        }
        if (!missing.isEmpty()) {
            throw ResourceIds.notFound(IdKind.INSTANCE, missing);
        }
        WriteBatch batch = new WriteBatch();
        List<StateChange> changes = new ArrayList<>();
        List<Instance> commanded = new ArrayList<>();
        List<Instance[]> moves = new ArrayList<>();
        for (Versioned<Instance> versioned : found) {
            Instance instance = versioned.value();
            if (service == null) {
                guard(instance, command);
            }
            InstanceState next = switch (InstanceLifecycle.next(instance.state(), command)) {
                case Transition.Move move -> move.to();
                case Transition.Stay stay -> instance.state();
                case Transition.Refuse refuse -> throw incorrectState(instance, command);
            };
            if (next != instance.state()) {
                Instance moved = amended(instance, service == null
                        ? instance.withState(next, reason(command, context), stateReason(command, next), context.now())
                        : service.change().apply(instance.withState(next, service.transitionReason(), service.reason(),
                                context.now())), context.now());
                batch.put(InstanceRecords.INSTANCES, versioned.key(), versioned.version(), moved);
                moves.add(new Instance[] {instance, moved});
            }
            changes.add(new StateChange(instance.id(), instance.state(), next));
            if (next != instance.state() || command == InstanceEvent.REBOOT) {
                commanded.add(instance);
            }
        }
        if (command == InstanceEvent.START) {
            requireHostRoom(moves);
        }
        List<Runnable> followUps = follow(batch, moves);
        Writes.commit(store, context, batch, () -> {
            moves.forEach(move -> usage.changed(move[0], move[1]));
            followUps.forEach(Runnable::run);
            tellRuntime(command, commanded);
        });
        return changes;
    }

    /** StartInstances of stopped instances the runtime's host cannot hold is InsufficientInstanceCapacity. */
    private void requireHostRoom(List<Instance[]> moves) {
        InstanceRuntime attached = runtime;
        List<Instance> starting = moves.stream()
                .filter(move -> !InstanceLaunches.occupiesHost(move[0].state())
                        && InstanceLaunches.occupiesHost(move[1].state()))
                .map(move -> move[1]).toList();
        HostRoom.requireRoomFor(attached == null ? Optional.empty() : attached.hostCapacity(), usage, catalog,
                starting);
    }

    private static void guard(Instance instance, InstanceEvent command) {
        if (command == InstanceEvent.TERMINATE && instance.disableApiTermination()
                && instance.state() != InstanceState.TERMINATED) {
            throw Ec2Error.OPERATION_NOT_PERMITTED.exception("The instance '" + instance.id() + "' may not be"
                    + " terminated. Modify its 'disableApiTermination' instance attribute and try again.");
        }
        if (command == InstanceEvent.STOP && !instance.ebsBacked()) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("The instance '" + instance.id() + "' does not have an 'ebs'"
                    + " root device type and cannot be stopped.");
        }
        if (command == InstanceEvent.STOP && instance.spot() != null && !instance.spot().persistent()) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("You can't stop the Spot Instance '" + instance.id()
                    + "' because it is associated with a one-time Spot Instance request. You can only stop Spot"
                    + " Instances associated with persistent Spot Instance requests.");
        }
        if (command == InstanceEvent.START && instance.spot() != null && instance.state() == InstanceState.STOPPED
                && StateReason.SPOT_SHUTDOWN.equals(instance.stateReason())) {
            // "Only Amazon EC2 can restart an interrupted stopped Spot Instance."
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("You can't start the Spot Instance '" + instance.id()
                    + "' because Amazon EC2 interrupted it. Only Amazon EC2 can restart an interrupted stopped Spot"
                    + " Instance, when capacity is available and the Spot price is within its maximum price.");
        }
        if (command == InstanceEvent.STOP && instance.disableApiStop() && instance.state() == InstanceState.RUNNING) {
            throw Ec2Error.OPERATION_NOT_PERMITTED.exception("The instance '" + instance.id() + "' may not be"
                    + " stopped. Modify its 'disableApiStop' instance attribute and try again.");
        }
    }

    /** One runtime call for every instance a command moved (or, for reboot, kept running). */
    private void tellRuntime(InstanceEvent command, List<Instance> instances) {
        if (instances.isEmpty()) {
            return;
        }
        List<InstanceRef> refs = instances.stream().map(InstanceSpecs::ref).toList();
        switch (command) {
            case START -> runtime.start(instances.stream().map(this::launchSpec).toList());
            case STOP -> runtime.stop(refs);
            case REBOOT -> runtime.reboot(refs);
            case TERMINATE -> runtime.terminate(refs);
            case OBSERVED_RUNNING, OBSERVED_STOPPED, OBSERVED_GONE, OBSERVED_FAILED -> {
                // observations are not commands; apply() refuses them before this point
            }
        }
    }

    private dev.gureum.core.runtime.LaunchSpec launchSpec(Instance instance) {
        RequestContext owner = new RequestContext(instance.ownerId(), instance.region(), "", clock.now(), false);
        LaunchCatalog.ImageFacts image = catalog.image(owner, instance.imageId());
        String publicKey = instance.keyName() == null ? null : catalog.publicKey(owner, instance.keyName());
        byte[] userData = instance.userData() == null ? new byte[0]
                : java.util.Base64.getMimeDecoder().decode(instance.userData());
        String subnetBlock = instance.network() == null ? null
                : store.get(NetworkRecords.SUBNETS, new RecordKey(owner.account(), owner.region(),
                        instance.network().subnetId())).map(subnet -> subnet.value().cidrBlock()).orElse(null);
        dev.gureum.core.runtime.LaunchSpec spec = InstanceSpecs.of(store, instance, catalog.type(instance.instanceType()),
                image, publicKey, userData, subnetBlock);
        InstanceDisks known = disks;
        return known == null ? spec : spec.withDisks(known.of(instance));
    }

    /**
     * A runtime report: each instance moves on when the table says so, all in one batch; a stale report
     * changes nothing. A conflicting concurrent write makes the whole report be re-read and re-applied.
     * Reports are rederivable: one lost in a crash is observed again by {@link #reconcile()}.
     */
    public void observed(List<Observation> observations) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = clock.now();
            WriteBatch batch = new WriteBatch();
            List<Instance[]> moves = new ArrayList<>();
            Map<RecordKey, Versioned<Instance>> read = new LinkedHashMap<>();
            Map<RecordKey, Instance> pending = new LinkedHashMap<>();
            List<Instance> terminating = new ArrayList<>();
            for (Observation observation : observations) {
                InstanceRef ref = observation.instance();
                RecordKey key = new RecordKey(ref.account(), ref.region(), ref.instanceId());
                Versioned<Instance> current = read.computeIfAbsent(key,
                        unused -> store.get(InstanceRecords.INSTANCES, key).orElse(null));
                if (current == null) {
                    continue;
                }
                Instance instance = pending.getOrDefault(key, current.value());
                if (shutDownToTerminate(instance, observation.event())) {
                    terminating.add(instance);
                    continue;
                }
                if (InstanceLifecycle.next(instance.state(), observation.event()) instanceof Transition.Move move) {
                    Instance moved = amended(instance, instance.withState(move.to(), instance.stateTransitionReason(),
                            observedReason(instance, observation.event()), now), now);
                    pending.put(key, moved);
                    moves.add(new Instance[] {instance, moved});
                }
            }
            pending.forEach((key, moved) -> batch.put(InstanceRecords.INSTANCES, key, read.get(key).version(), moved));
            List<Runnable> followUps = follow(batch, moves);
            try {
                if (!batch.isEmpty()) {
                    store.apply(batch.rederivable());
                }
            } catch (VersionConflictException e) {
                continue;
            }
            followUps.forEach(Runnable::run);
            afterObservations(moves);
            terminateShutDown(terminating);
            return;
        }
        LOG.warning("gave up applying " + observations.size() + " runtime reports after repeated conflicts");
    }

    /** A moved instance as its followers amend it, the move made at {@code at}. */
    private Instance amended(Instance before, Instance after, Instant at) {
        Instance amended = after;
        for (InstanceFollower follower : followers) {
            amended = follower.amend(before, amended, at);
        }
        return amended;
    }

    /** What the moves mean for what hangs off the instances (interfaces, volumes), in the same batch. */
    private List<Runnable> follow(WriteBatch batch, List<Instance[]> moves) {
        if (moves.isEmpty()) {
            return List.of();
        }
        List<Runnable> followUps = new ArrayList<>(followers.size());
        followers.forEach(follower -> followUps.add(follower.follow(batch, moves)));
        return followUps;
    }

    private static StateReason observedReason(Instance instance, InstanceEvent observation) {
        return switch (observation) {
            case OBSERVED_FAILED -> StateReason.LAUNCH_FAILED;
            case OBSERVED_STOPPED -> instance.state() == InstanceState.RUNNING
                    ? StateReason.INSTANCE_SHUTDOWN : instance.stateReason();
            case OBSERVED_RUNNING -> null;
            case OBSERVED_GONE, START, STOP, REBOOT, TERMINATE -> instance.stateReason();
        };
    }

    /** Failed launches are cleaned up. */
    private void afterObservations(List<Instance[]> moves) {
        moves.forEach(move -> usage.changed(move[0], move[1]));
        List<InstanceRef> failed = new ArrayList<>();
        for (Instance[] move : moves) {
            if (move[1].state() == InstanceState.SHUTTING_DOWN) {
                failed.add(InstanceSpecs.ref(move[1]));
            }
        }
        if (!failed.isEmpty()) {
            runtime.terminate(failed);
        }
    }

    /**
     * A running guest that shut itself down with InstanceInitiatedShutdownBehavior "terminate": EC2 takes it from
     * running through shutting-down to terminated (never stopped), as the instance's own doing
     * ({@code Client.InstanceInitiatedShutdown}), termination protection or not.
     */
    private static boolean shutDownToTerminate(Instance instance, InstanceEvent observation) {
        return observation == InstanceEvent.OBSERVED_STOPPED && instance.state() == InstanceState.RUNNING
                && "terminate".equals(instance.shutdownBehavior());
    }

    private void terminateShutDown(List<Instance> instances) {
        for (Instance instance : instances) {
            apply(new RequestContext(instance.ownerId(), instance.region(), "", clock.now(), false),
                    List.of(instance.id()), InstanceEvent.TERMINATE,
                    new ServiceCommand(StateReason.INSTANCE_SHUTDOWN, "", unchanged -> unchanged));
        }
    }

    /**
     * Deletes terminated instances whose hour of visibility has passed; returns how many went. A sweep
     * lost in a crash is simply swept again.
     */
    public int sweepExpired() {
        WriteBatch batch = new WriteBatch();
        int expired = 0;
        for (Versioned<Instance> versioned : store.listAll(InstanceRecords.INSTANCES)) {
            if (!InstanceVisibility.visible(versioned.value(), clock.now())) {
                batch.delete(InstanceRecords.INSTANCES, versioned.key(), versioned.version());
                expired++;
            }
        }
        if (!batch.isEmpty()) {
            try {
                store.apply(batch.rederivable());
            } catch (VersionConflictException e) {
                return 0;
            }
        }
        return expired;
    }

    /** After a restart: re-issue the runtime command of every instance caught in a transition. */
    public void reconcile() {
        List<Instance> toStart = new ArrayList<>();
        List<InstanceRef> toStop = new ArrayList<>();
        List<InstanceRef> toTerminate = new ArrayList<>();
        for (Versioned<Instance> versioned : store.listAll(InstanceRecords.INSTANCES)) {
            Instance instance = versioned.value();
            switch (instance.state()) {
                case PENDING, RUNNING -> toStart.add(instance);
                case STOPPING -> toStop.add(InstanceSpecs.ref(instance));
                case SHUTTING_DOWN -> toTerminate.add(InstanceSpecs.ref(instance));
                case STOPPED, TERMINATED -> {
                    // nothing runs for these
                }
            }
        }
        if (!toStart.isEmpty()) {
            runtime.start(toStart.stream().map(this::launchSpec).toList());
        }
        if (!toStop.isEmpty()) {
            runtime.stop(toStop);
        }
        if (!toTerminate.isEmpty()) {
            runtime.terminate(toTerminate);
        }
    }

    private static String reason(InstanceEvent command, RequestContext context) {
        return switch (command) {
            case STOP, TERMINATE -> "User initiated (" + REASON_TIME.format(context.now()) + ")";
            case START, REBOOT, OBSERVED_RUNNING, OBSERVED_STOPPED, OBSERVED_GONE, OBSERVED_FAILED -> "";
        };
    }

    private static StateReason stateReason(InstanceEvent command, InstanceState next) {
        return switch (command) {
            case STOP, TERMINATE -> StateReason.USER_SHUTDOWN;
            case START -> next == InstanceState.PENDING ? StateReason.PENDING : null;
            case REBOOT, OBSERVED_RUNNING, OBSERVED_STOPPED, OBSERVED_GONE, OBSERVED_FAILED -> null;
        };
    }

    private static RuntimeException incorrectState(Instance instance, InstanceEvent command) {
        String verb = switch (command) {
            case START -> "started";
            case STOP -> "stopped";
            case REBOOT -> "rebooted";
            case TERMINATE -> "terminated";
            case OBSERVED_RUNNING, OBSERVED_STOPPED, OBSERVED_GONE, OBSERVED_FAILED -> "changed";
        };
        return Ec2Error.INCORRECT_INSTANCE_STATE.exception("The instance '" + instance.id()
                + "' is not in a state from which it can be " + verb + ".");
    }
}
