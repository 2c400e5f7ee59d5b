package dev.gureum.server.cloudwatch;

import dev.gureum.core.error.CloudWatchError;
import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.model.OperationCatalog;
import dev.gureum.protocol.model.RequiredMembers;
import dev.gureum.protocol.service.CloudWatchWire;
import dev.gureum.server.dispatch.OperationTable;
import dev.gureum.server.dispatch.ServiceEndpoint;

/**
 * The CloudWatch endpoint ({@code monitoring}): its three wire protocols over one handler table. Alarms are
 * served; every other operation of the model answers {@code InvalidAction}, in the envelope of whichever wire
 * carried it, until its handler is written.
 */
public final class CloudWatchApi {
    private CloudWatchApi() {
    }

    public static ServiceEndpoint create(AlarmCloud alarms) {
        OperationTable table = new OperationTable();
        new AlarmHandlers(alarms.service, alarms.queries, alarms.tags).registerInto(table);
        OperationCatalog catalog = CloudWatchWire.catalog();
        return new ServiceEndpoint(CloudWatchWire.SIGNING_NAME, CloudWatchWire.protocols(catalog, CloudWatchError::shapeOf),
                RequiredMembers.forService("cloudwatch"), table, CommonError.INVALID_ACTION);
    }
}
