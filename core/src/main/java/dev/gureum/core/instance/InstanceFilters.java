package dev.gureum.core.instance;

import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.tag.Tag;
import java.util.List;

/**
 * The DescribeInstances filters EC2 documents. Networking filters (subnet, VPC, addresses, groups) are
 * declared now and match nothing until instances have network interfaces, rather than being refused.
 */
final class InstanceFilters {
    static final FilterSet<Instance> ALL = FilterSet.<Instance>builder()
            .single("architecture", Instance::architecture)
            .single("availability-zone", Instance::availabilityZone)
            .single("client-token", Instance::clientToken)
            .single("ebs-optimized", instance -> Boolean.toString(instance.ebsOptimized()))
            .single("hypervisor", instance -> "xen")
            .single("image-id", Instance::imageId)
            .single("instance-id", Instance::id)
            .single("instance-lifecycle", instance -> null)
            .single("instance-state-code", instance -> instance.state().code())
            .single("instance-state-name", instance -> instance.state().wireName())
            .single("instance-type", Instance::instanceType)
            .single("key-name", Instance::keyName)
            .single("launch-index", Instance::amiLaunchIndex)
            .single("launch-time", instance -> dev.gureum.core.Timestamps.iso(instance.launchTime()))
            .single("monitoring-state", instance -> instance.monitoring() ? "enabled" : "disabled")
            .single("owner-id", Instance::ownerId)
            .single("placement-group-name", instance -> null)
            .single("placement-partition-number", instance -> null)
            .single("platform", Instance::platform)
            .single("platform-details", Instance::platformDetails)
            .single("reason", Instance::stateTransitionReason)
            .single("requester-id", instance -> null)
            .single("reservation-id", Instance::reservationId)
            .single("root-device-name", Instance::rootDeviceName)
            .single("root-device-type", instance -> "ebs")
            .single("state-reason-code", instance -> instance.stateReason() == null ? null : instance.stateReason().code())
            .single("state-reason-message", instance -> instance.stateReason() == null ? null : instance.stateReason().message())
            .single("tenancy", instance -> "default")
            .single("usage-operation", Instance::usageOperation)
            .single("virtualization-type", instance -> "hvm")
            .single("metadata-options.http-tokens", instance -> instance.metadataOptions().httpTokens())
            .single("metadata-options.http-endpoint", instance -> instance.metadataOptions().httpEndpoint())
            .single("metadata-options.http-put-response-hop-limit", instance -> instance.metadataOptions().httpPutResponseHopLimit())
            .single("metadata-options.instance-metadata-tags", instance -> instance.metadataOptions().instanceMetadataTags())
            .single("metadata-options.http-protocol-ipv6", instance -> instance.metadataOptions().httpProtocolIpv6())
            .single("credit-specification.cpu-credits", Instance::cpuCredits)
            .single("disable-api-stop", instance -> Boolean.toString(instance.disableApiStop()))
            .single("ena-support", instance -> "true")
            .single("boot-mode", instance -> null)
            .single("capacity-reservation-id", instance -> null)
            .single("iam-instance-profile.arn", instance -> null)
            .single("kernel-id", instance -> null)
            .single("ramdisk-id", instance -> null)
            .single("product-code", instance -> null)
            .single("spot-instance-request-id", instance -> null)
            .single("dns-name", instance -> null)
            .single("ip-address", instance -> null)
            .single("private-dns-name", instance -> null)
            .single("private-ip-address", instance -> null)
            .single("subnet-id", instance -> null)
            .single("vpc-id", instance -> null)
            .single("source-dest-check", instance -> null)
            .many("instance.group-id", instance -> List.of())
            .many("instance.group-name", instance -> List.of())
            .many("network-interface.network-interface-id", instance -> List.of())
            .many("block-device-mapping.device-name", instance -> List.of())
            .many("block-device-mapping.volume-id", instance -> List.of())
            .many("tag-key", instance -> instance.tags().stream().map(Tag::key).toList())
            .many("tag-value", instance -> instance.tags().stream().map(Tag::value).toList())
            .prefixed("tag:", InstanceFilters::tagValue)
            .build();

    private InstanceFilters() {
    }

    /** The value of one tag as a filter sees it; a loop, because this runs per instance per Describe. */
    private static List<String> tagValue(Instance instance, String key) {
        for (Tag tag : instance.tags()) {
            if (tag.key().equals(key)) {
                return List.of(tag.value());
            }
        }
        return List.of();
    }

}
