package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.instance.InstanceQueries;
import dev.gureum.server.dispatch.OperationTable;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceCapacityReservationAttributesRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceCapacityReservationAttributesResponse;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMaintenanceOptionsRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMaintenanceOptionsResponse;
import software.amazon.awssdk.services.ec2.model.ModifyPrivateDnsNameOptionsRequest;
import software.amazon.awssdk.services.ec2.model.ModifyPrivateDnsNameOptionsResponse;

/**
 * The modifications of options every Gureum instance keeps at AWS's defaults ({@link LaunchOptions}): IP-based host
 * names, default auto-recovery, and open capacity reservations (there are none to target). Setting an option to its
 * default is accepted and changes nothing; any other value is refused, as RunInstances refuses it.
 */
final class DefaultInstanceOptionHandlers {
    private final InstanceQueries queries;

    DefaultInstanceOptionHandlers(InstanceQueries queries) {
        this.queries = queries;
    }

    void registerInto(OperationTable table) {
        table.register(ModifyPrivateDnsNameOptionsRequest.class, this::privateDnsNames);
        table.register(ModifyInstanceMaintenanceOptionsRequest.class, this::maintenance);
        table.register(ModifyInstanceCapacityReservationAttributesRequest.class, this::capacityReservations);
    }

    ModifyPrivateDnsNameOptionsResponse privateDnsNames(ModifyPrivateDnsNameOptionsRequest request,
                                                        RequestContext context) {
        queries.one(context, request.instanceId());
        LaunchOptions.requireIpNames(request.privateDnsHostnameTypeAsString(), request.enableResourceNameDnsARecord(),
                request.enableResourceNameDnsAAAARecord());
        return ModifyPrivateDnsNameOptionsResponse.builder().returnValue(true).build();
    }

    ModifyInstanceMaintenanceOptionsResponse maintenance(ModifyInstanceMaintenanceOptionsRequest request,
                                                         RequestContext context) {
        queries.one(context, request.instanceId());
        LaunchOptions.requireDefaultMaintenance(request.autoRecoveryAsString(), request.rebootMigrationAsString());
        return ModifyInstanceMaintenanceOptionsResponse.builder().instanceId(request.instanceId())
                .autoRecovery("default").build();
    }

    ModifyInstanceCapacityReservationAttributesResponse capacityReservations(
            ModifyInstanceCapacityReservationAttributesRequest request, RequestContext context) {
        queries.one(context, request.instanceId());
        if (request.capacityReservationSpecification() == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter"
                    + " CapacityReservationSpecification");
        }
        LaunchOptions.requireOpenCapacityReservations(request.capacityReservationSpecification());
        return ModifyInstanceCapacityReservationAttributesResponse.builder().returnValue(true).build();
    }
}
