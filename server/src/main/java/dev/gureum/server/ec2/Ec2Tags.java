package dev.gureum.server.ec2;

import dev.gureum.core.ids.IdKind;
import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceRecords;
import dev.gureum.core.keypair.KeyPairService;
import dev.gureum.core.network.DhcpOptions;
import dev.gureum.core.network.ElasticAddress;
import dev.gureum.core.network.InternetGateway;
import dev.gureum.core.network.NetworkAcl;
import dev.gureum.core.network.NetworkInterface;
import dev.gureum.core.network.NetworkRecords;
import dev.gureum.core.network.RouteTable;
import dev.gureum.core.network.SecurityGroupService;
import dev.gureum.core.network.Subnet;
import dev.gureum.core.network.Vpc;
import dev.gureum.core.reserved.ReservedInstanceTags;
import dev.gureum.core.spot.SpotRecords;
import dev.gureum.core.spot.SpotRequest;
import dev.gureum.core.storage.Snapshot;
import dev.gureum.core.storage.StorageRecords;
import dev.gureum.core.storage.Volume;
import dev.gureum.core.store.Store;
import dev.gureum.core.tag.TagService;
import dev.gureum.core.tag.TaggedKind;
import dev.gureum.core.tag.Taggable;

/** EC2's taggable kinds of resource, as CreateTags, DeleteTags and DescribeTags (and Cost Explorer) know them. */
final class Ec2Tags {
    private Ec2Tags() {
    }

    /** A tag service over every taggable kind of {@code store}; {@code images} tags images (owned or seen). */
    static TagService over(Store store, TaggedKind images) {
        TagService tags = new TagService(store);
        tags.register(new Taggable<>(IdKind.INSTANCE, "instance", InstanceRecords.INSTANCES, Instance::tags,
                Instance::withTags));
        tags.register(KeyPairService.TAGGABLE);
        tags.register(new ReservedInstanceTags());
        tags.register(images);
        tags.register(new Taggable<>(IdKind.VPC, "vpc", NetworkRecords.VPCS, Vpc::tags, Vpc::withTags));
        tags.register(new Taggable<>(IdKind.SUBNET, "subnet", NetworkRecords.SUBNETS, Subnet::tags, Subnet::withTags));
        tags.register(new Taggable<>(IdKind.INTERNET_GATEWAY, "internet-gateway", NetworkRecords.INTERNET_GATEWAYS,
                InternetGateway::tags, InternetGateway::withTags));
        tags.register(new Taggable<>(IdKind.ROUTE_TABLE, "route-table", NetworkRecords.ROUTE_TABLES, RouteTable::tags,
                RouteTable::withTags));
        tags.register(new Taggable<>(IdKind.NETWORK_ACL, "network-acl", NetworkRecords.NETWORK_ACLS, NetworkAcl::tags,
                NetworkAcl::withTags));
        tags.register(new Taggable<>(IdKind.DHCP_OPTIONS, "dhcp-options", NetworkRecords.DHCP_OPTIONS,
                DhcpOptions::tags, DhcpOptions::withTags));
        tags.register(new Taggable<>(IdKind.NETWORK_INTERFACE, "network-interface", NetworkRecords.NETWORK_INTERFACES,
                NetworkInterface::tags, NetworkInterface::withTags));
        tags.register(SecurityGroupService.TAGGABLE);
        tags.register(new Taggable<>(IdKind.VOLUME, "volume", StorageRecords.VOLUMES, Volume::tags, Volume::withTags));
        tags.register(new Taggable<>(IdKind.SNAPSHOT, "snapshot", StorageRecords.SNAPSHOTS, Snapshot::tags,
                Snapshot::withTags));
        tags.register(new Taggable<>(IdKind.SPOT_INSTANCE_REQUEST, "spot-instances-request", SpotRecords.REQUESTS,
                SpotRequest::tags, SpotRequest::withTags));
        tags.register(new Taggable<>(IdKind.ELASTIC_IP_ALLOCATION, "elastic-ip", NetworkRecords.ELASTIC_ADDRESSES,
                ElasticAddress::tags, ElasticAddress::withTags));
        return tags;
    }
}
