package dev.gureum.server.cloudwatch;

import dev.gureum.core.error.CloudWatchError;
import dev.gureum.core.metrics.MetricDataService;
import dev.gureum.core.metrics.MetricListing;
import dev.gureum.core.metrics.MetricQueries;
import dev.gureum.core.metrics.MetricService;
import dev.gureum.core.metrics.MetricStatistics;
import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.model.OperationCatalog;
import dev.gureum.protocol.model.RequiredMembers;
import dev.gureum.protocol.service.CloudWatchWire;
import dev.gureum.server.dispatch.OperationTable;
import dev.gureum.server.dispatch.ServiceEndpoint;

/**
 * The CloudWatch endpoint ({@code monitoring}): its three wire protocols over one handler table. Metrics
 * (PutMetricData, GetMetricStatistics, GetMetricData, ListMetrics) and alarms are served; every other operation
 * of the model answers {@code InvalidAction}, in the envelope of whichever wire carried it, until its handler
 * is written.
 */
public final class CloudWatchApi {
    private CloudWatchApi() {
    }

    public static ServiceEndpoint create(MetricService metrics, MetricQueries queries, AlarmCloud alarms) {
        OperationTable table = new OperationTable();
        new MetricHandlers(metrics, new MetricStatistics(queries), new MetricDataService(queries),
                new MetricListing(metrics.storage())).registerInto(table);
        new AlarmHandlers(alarms.service, alarms.queries, alarms.tags).registerInto(table);
        OperationCatalog catalog = CloudWatchWire.catalog();
        return new ServiceEndpoint(CloudWatchWire.SIGNING_NAME, CloudWatchWire.protocols(catalog, CloudWatchError::shapeOf),
                RequiredMembers.forService("cloudwatch"), table, CommonError.INVALID_ACTION);
    }
}
