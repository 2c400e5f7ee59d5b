package dev.gureum.core.instance;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import java.util.function.UnaryOperator;

/**
 * ModifyInstanceAttribute, ModifyInstanceCreditSpecification and ModifyInstanceMetadataOptions with EC2's rules: the instance type,
 * user data and EBS optimization change only while the instance is stopped; the shutdown behaviour is
 * stop or terminate; a new type must exist and fit the image's architecture; credits only for burstable types.
 */
public final class InstanceModifications {
    private final Store store;
    private final LaunchCatalog catalog;

    public InstanceModifications(Store store, LaunchCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    public void instanceType(RequestContext context, String instanceId, String type) {
        modify(context, instanceId, true, attributes -> {
            Instance instance = current(context, instanceId);
            LaunchCatalog.TypeFacts facts = catalog.type(type);
            if (!facts.architectures().contains(instance.architecture())) {
                throw Ec2Error.INVALID_INSTANCE_ATTRIBUTE_VALUE.exception("The instance type '" + type
                        + "' does not support the architecture '" + instance.architecture() + "' of the instance.");
            }
            return attributes.withInstanceType(type)
                    .withCpuCredits(facts.burstable() ? facts.defaultCpuCredits() : null);
        });
    }

    public void userData(RequestContext context, String instanceId, String base64) {
        InstanceLaunches.decodeUserData(base64);
        modify(context, instanceId, true, attributes -> attributes.withUserData(base64));
    }

    public void ebsOptimized(RequestContext context, String instanceId, boolean value) {
        modify(context, instanceId, true, attributes -> attributes.withEbsOptimized(value));
    }

    public void disableApiTermination(RequestContext context, String instanceId, boolean value) {
        modify(context, instanceId, false, attributes -> attributes.withDisableApiTermination(value));
    }

    public void disableApiStop(RequestContext context, String instanceId, boolean value) {
        modify(context, instanceId, false, attributes -> attributes.withDisableApiStop(value));
    }

    public void shutdownBehavior(RequestContext context, String instanceId, String value) {
        ShutdownBehaviors.require(value);
        modify(context, instanceId, false, attributes -> attributes.withShutdownBehavior(value));
    }

    public void monitoring(RequestContext context, String instanceId, boolean enabled) {
        modify(context, instanceId, false, attributes -> attributes.withMonitoring(enabled));
    }

    /** A CPU credit option is standard or unlimited. */
    public static void requireCreditOption(String credits) {
        if (!"standard".equals(credits) && !"unlimited".equals(credits)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + credits
                    + ") for parameter cpuCredits is invalid. Valid values: standard, unlimited.");
        }
    }

    public void cpuCredits(RequestContext context, String instanceId, String credits) {
        requireCreditOption(credits);
        modify(context, instanceId, false, attributes -> {
            if (attributes.cpuCredits() == null) {
                throw Ec2Error.UNSUPPORTED_OPERATION.exception("The instance " + instanceId
                        + " is not a burstable performance instance and has no CPU credit option.");
            }
            return attributes.withCpuCredits(credits);
        });
    }

    /**
     * ModifyInstanceMetadataOptions: the given settings replace the instance's (the others stay), on a pending,
     * running, stopping or stopped instance; returns the instance as recorded. The metadata service reads the
     * record, so the change holds for the next metadata request.
     */
    public Instance metadataOptions(RequestContext context, String instanceId, String tokens, String endpoint,
                                    Integer hopLimit, String tags, String ipv6) {
        Versioned<Instance> versioned = versioned(context, instanceId);
        Instance instance = versioned.value();
        requireModifiable(instance, instanceId);
        Instance changed = instance.withMetadataOptions(instance.metadataOptions().with(tokens, endpoint, hopLimit,
                tags, ipv6));
        Writes.commit(store, context, new WriteBatch().put(InstanceRecords.INSTANCES, versioned.key(),
                versioned.version(), changed));
        return changed;
    }

    private Instance current(RequestContext context, String instanceId) {
        return versioned(context, instanceId).value();
    }

    private Versioned<Instance> versioned(RequestContext context, String instanceId) {
        Instance visible = InstanceLookup.one(store, context, instanceId);
        return store.get(InstanceRecords.INSTANCES, InstanceLaunches.key(context, visible.id())).orElseThrow();
    }

    private void modify(RequestContext context, String instanceId, boolean onlyWhileStopped,
                        UnaryOperator<InstanceAttributes> change) {
        Versioned<Instance> versioned = versioned(context, instanceId);
        Instance instance = versioned.value();
        requireModifiable(instance, instanceId);
        if (onlyWhileStopped && instance.state() != InstanceState.STOPPED) {
            throw Ec2Error.INCORRECT_INSTANCE_STATE.exception("The instance '" + instanceId
                    + "' is not in the 'stopped' state.");
        }
        Instance changed = instance.withAttributes(change.apply(instance.attributes()));
        Writes.commit(store, context, new WriteBatch().put(InstanceRecords.INSTANCES, versioned.key(),
                versioned.version(), changed));
    }

    private static void requireModifiable(Instance instance, String instanceId) {
        if (instance.state() == InstanceState.TERMINATED || instance.state() == InstanceState.SHUTTING_DOWN) {
            throw Ec2Error.INCORRECT_INSTANCE_STATE.exception("The instance '" + instanceId + "' is not in a state"
                    + " from which its attributes can be changed.");
        }
    }
}
