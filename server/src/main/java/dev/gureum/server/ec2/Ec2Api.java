package dev.gureum.server.ec2;

import dev.gureum.protocol.ec2.Ec2Protocol;
import dev.gureum.protocol.model.RequiredMembers;
import dev.gureum.server.dispatch.OperationTable;
import dev.gureum.server.dispatch.ServiceEndpoint;

/** The EC2 endpoint: its protocol and every handler Gureum implements so far, area by area. */
public final class Ec2Api {
    private Ec2Api() {
    }

    public static ServiceEndpoint create(Ec2Cloud cloud) {
        OperationTable table = new OperationTable();
        new RegionHandlers(cloud.regions).registerInto(table);
        new InstanceTypeHandlers(cloud.instanceTypes).registerInto(table);
        new AccountHandlers(cloud.quotas.maxInstances(), cloud.vpcs).registerInto(table);
        new KeyPairHandlers(cloud.keyPairs).registerInto(table);
        new ImageHandlers(cloud.images, cloud.imageSources()).registerInto(table);
        new InstanceHandlers(cloud.launches, cloud.commands, cloud.queries, cloud.spotRequests).registerInto(table);
        new InstanceAttributeHandlers(cloud.queries, cloud.modifications, cloud.networkInterfaces,
                cloud.volumeAttachments).registerInto(table);
        new DefaultInstanceOptionHandlers(cloud.queries).registerInto(table);
        new SecurityGroupHandlers(cloud.securityGroups).registerInto(table);
        new VolumeHandlers(cloud.volumes, cloud.volumeAttachments, cloud.volumeModifications,
                cloud.volumeAttributes).registerInto(table);
        new SnapshotHandlers(cloud.snapshots, cloud.snapshotAttributes, cloud.volumeAttachments).registerInto(table);
        new TagHandlers(cloud.tags).registerInto(table);
        new VpcHandlers(cloud.vpcs, cloud.dhcpOptions).registerInto(table);
        new SubnetHandlers(cloud.subnets, cloud.networkInterfaces::subnetHasInterfaces).registerInto(table);
        new NetworkInterfaceHandlers(cloud.networkInterfaces, cloud.interfaceAddresses).registerInto(table);
        new ElasticAddressHandlers(cloud.elasticAddresses, cloud.networkInterfaces).registerInto(table);
        new InternetGatewayHandlers(cloud.internetGateways).registerInto(table);
        new RouteTableHandlers(cloud.routeTables).registerInto(table);
        new NetworkAclHandlers(cloud.networkAcls).registerInto(table);
        new ReservedInstanceHandlers(cloud.reservedInstances, cloud.reservedModifications, cloud.regions.catalog()).registerInto(table);
        new ReservedExchangeHandlers(cloud.reservedExchanges).registerInto(table);
        new SpotHandlers(cloud.spotRequests, cloud.spotPriceHistory(), cloud.securityGroups).registerInto(table);
        return new ServiceEndpoint("ec2", new Ec2Protocol(), RequiredMembers.forService("ec2"), table);
    }
}
