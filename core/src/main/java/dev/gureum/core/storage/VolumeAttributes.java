package dev.gureum.core.storage;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import java.util.List;

/** DescribeVolumeAttribute and ModifyVolumeAttribute: autoEnableIO, and product codes (none here). */
public final class VolumeAttributes {
    public static final List<String> NAMES = List.of("autoEnableIO", "productCodes");

    private final Store store;

    public VolumeAttributes(Store store) {
        this.store = store;
    }

    /** The volume whose attribute is asked for, after checking the attribute's name. */
    public Volume describe(RequestContext context, String volumeId, String attribute) {
        if (attribute == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter Attribute");
        }
        if (!NAMES.contains(attribute)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + attribute + ") for parameter attribute is"
                    + " invalid. Unknown attribute.");
        }
        return Volumes.require(store, context, volumeId).value();
    }

    public void modifyAutoEnableIO(RequestContext context, String volumeId, Boolean autoEnableIO) {
        Versioned<Volume> found = Volumes.require(store, context, volumeId);
        if (autoEnableIO == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter AutoEnableIO");
        }
        Writes.commit(store, context, new WriteBatch().put(StorageRecords.VOLUMES, found.key(), found.version(),
                found.value().withAutoEnableIO(autoEnableIO)));
    }
}
