package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceModifications;
import dev.gureum.core.instance.InstanceQueries;
import dev.gureum.core.instance.InstanceStatuses;
import dev.gureum.core.network.NetworkInterface;
import dev.gureum.core.network.NetworkInterfaceService;
import dev.gureum.core.storage.VolumeAttachments;
import dev.gureum.core.page.Page;
import dev.gureum.server.dispatch.OperationTable;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceCreditSpecificationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceCreditSpecificationsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.InstanceCreditSpecification;
import software.amazon.awssdk.services.ec2.model.InstanceMonitoring;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.InstanceStatusDetails;
import software.amazon.awssdk.services.ec2.model.InstanceStatusSummary;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceCreditSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceCreditSpecificationResponse;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.MonitorInstancesRequest;
import software.amazon.awssdk.services.ec2.model.MonitorInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Monitoring;
import software.amazon.awssdk.services.ec2.model.SuccessfulInstanceCreditSpecificationItem;
import software.amazon.awssdk.services.ec2.model.UnmonitorInstancesRequest;
import software.amazon.awssdk.services.ec2.model.UnmonitorInstancesResponse;

/**
 * Describe/ModifyInstanceAttribute, DescribeInstanceStatus, the credit specifications of burstable types
 * (Terraform reads them) and Monitor/UnmonitorInstances.
 */
final class InstanceAttributeHandlers {
    private final InstanceQueries queries;
    private final InstanceModifications modifications;
    private final NetworkInterfaceService interfaces;
    private final VolumeAttachments volumes;

    InstanceAttributeHandlers(InstanceQueries queries, InstanceModifications modifications,
                              NetworkInterfaceService interfaces, VolumeAttachments volumes) {
        this.queries = queries;
        this.modifications = modifications;
        this.interfaces = interfaces;
        this.volumes = volumes;
    }

    void registerInto(OperationTable table) {
        table.register(DescribeInstanceAttributeRequest.class, this::describeAttribute);
        table.register(ModifyInstanceAttributeRequest.class, this::modifyAttribute);
        table.register(DescribeInstanceStatusRequest.class, this::describeStatus);
        table.register(DescribeInstanceCreditSpecificationsRequest.class, this::describeCredits);
        table.register(ModifyInstanceMetadataOptionsRequest.class, this::modifyMetadataOptions);
        table.register(ModifyInstanceCreditSpecificationRequest.class, this::modifyCredits);
        table.register(MonitorInstancesRequest.class, (request, context) -> MonitorInstancesResponse.builder()
                .instanceMonitorings(monitor(context, request.instanceIds(), true)).build());
        table.register(UnmonitorInstancesRequest.class, (request, context) -> UnmonitorInstancesResponse.builder()
                .instanceMonitorings(monitor(context, request.instanceIds(), false)).build());
    }

    private java.util.Optional<NetworkInterface> primary(RequestContext context, Instance instance) {
        return instance.network() == null ? java.util.Optional.empty()
                : interfaces.find(context, instance.network().primaryInterfaceId());
    }

    /**
     * The new options answer with state {@code pending}, as EC2 does; the record holds them at once, so the next
     * DescribeInstances shows them {@code applied} (and the metadata service serves them).
     */
    ModifyInstanceMetadataOptionsResponse modifyMetadataOptions(ModifyInstanceMetadataOptionsRequest request,
                                                                RequestContext context) {
        if (request.instanceId() == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter InstanceId");
        }
        Instance changed = modifications.metadataOptions(context, request.instanceId(), request.httpTokensAsString(),
                request.httpEndpointAsString(), request.httpPutResponseHopLimit(),
                request.instanceMetadataTagsAsString(), request.httpProtocolIpv6AsString());
        return ModifyInstanceMetadataOptionsResponse.builder()
                .instanceId(changed.id())
                .instanceMetadataOptions(InstanceShapes.metadataOptions(changed.metadataOptions(), "pending"))
                .build();
    }

    DescribeInstanceAttributeResponse describeAttribute(DescribeInstanceAttributeRequest request, RequestContext context) {
        Instance instance = queries.one(context, request.instanceId());
        DescribeInstanceAttributeResponse.Builder response = DescribeInstanceAttributeResponse.builder()
                .instanceId(instance.id());
        String attribute = request.attributeAsString();
        if (attribute == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter Attribute");
        }
        switch (attribute) {
            case "instanceType" -> response.instanceType(value(instance.instanceType()));
            case "userData" -> response.userData(instance.userData() == null ? AttributeValue.builder().build()
                    : value(instance.userData()));
            case "disableApiTermination" -> response.disableApiTermination(flag(instance.disableApiTermination()));
            case "disableApiStop" -> response.disableApiStop(flag(instance.disableApiStop()));
            case "instanceInitiatedShutdownBehavior" -> response.instanceInitiatedShutdownBehavior(
                    value(instance.shutdownBehavior()));
            case "rootDeviceName" -> response.rootDeviceName(value(instance.rootDeviceName()));
            case "ebsOptimized" -> response.ebsOptimized(flag(instance.ebsOptimized()));
            case "enaSupport" -> response.enaSupport(flag(true));
            case "sriovNetSupport" -> response.sriovNetSupport(value("simple"));
            case "kernel", "ramdisk" -> {
                // HVM instances have neither; EC2 answers with the attribute absent
            }
            case "productCodes" -> response.productCodes(List.of());
            case "blockDeviceMapping" -> response.blockDeviceMappings(InstanceShapes.blockDevices(
                    queries.view(context, List.of(instance)).volumes().of(instance.id())));
            case "groupSet" -> response.groups(primary(context, instance)
                    .map(eni -> InterfaceShapes.groups(eni, queries.networkView(context, List.of(instance))))
                    .orElse(List.of()));
            case "sourceDestCheck" -> response.sourceDestCheck(flag(primary(context, instance)
                    .map(NetworkInterface::sourceDestCheck).orElse(true)));
            case "enclaveOptions" -> response.enclaveOptions(enclave -> enclave.enabled(false));
            default -> throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + attribute
                    + ") for parameter attribute is invalid. Unknown attribute.");
        }
        return response.build();
    }

    ModifyInstanceAttributeResponse modifyAttribute(ModifyInstanceAttributeRequest request, RequestContext context) {
        String id = request.instanceId();
        String attribute = request.attributeAsString();
        String value = request.value();
        long given = java.util.stream.Stream.of(request.instanceType(), request.userData(),
                        request.disableApiTermination(), request.disableApiStop(),
                        request.instanceInitiatedShutdownBehavior(), request.sourceDestCheck(), request.ebsOptimized(),
                        request.kernel(), request.ramdisk(), request.sriovNetSupport(), request.enaSupport(), attribute,
                        request.groups().isEmpty() ? null : request.groups(),
                        request.blockDeviceMappings().isEmpty() ? null : request.blockDeviceMappings())
                .filter(java.util.Objects::nonNull).count();
        if (given == 0) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain an attribute to modify.");
        }
        if (given > 1) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("You can modify only one attribute at a time.");
        }
        if (request.instanceType() != null || "instanceType".equals(attribute)) {
            modifications.instanceType(context, id, request.instanceType() != null ? request.instanceType().value() : value);
        } else if (request.userData() != null || "userData".equals(attribute)) {
            // The structured form carries a blob (already decoded from the wire); the attribute form, base64 text.
            modifications.userData(context, id, request.userData() != null
                    ? java.util.Base64.getEncoder().encodeToString(request.userData().value().asByteArray()) : value);
        } else if (request.disableApiTermination() != null || "disableApiTermination".equals(attribute)) {
            modifications.disableApiTermination(context, id, flagValue(request.disableApiTermination(), value));
        } else if (request.disableApiStop() != null || "disableApiStop".equals(attribute)) {
            modifications.disableApiStop(context, id, flagValue(request.disableApiStop(), value));
        } else if (request.instanceInitiatedShutdownBehavior() != null
                || "instanceInitiatedShutdownBehavior".equals(attribute)) {
            modifications.shutdownBehavior(context, id, request.instanceInitiatedShutdownBehavior() != null
                    ? request.instanceInitiatedShutdownBehavior().value() : value);
        } else if (!request.groups().isEmpty() || "groupSet".equals(attribute)) {
            interfaces.modify(context, interfaces.primaryInterfaceOf(context, id),
                    request.groups().isEmpty() ? List.of(value) : request.groups(), null, null, null);
        } else if (request.sourceDestCheck() != null || "sourceDestCheck".equals(attribute)) {
            interfaces.modify(context, interfaces.primaryInterfaceOf(context, id), null,
                    flagValue(request.sourceDestCheck(), value), null, null);
        } else if (!request.blockDeviceMappings().isEmpty()) {
            java.util.Map<String, Boolean> byDevice = new java.util.LinkedHashMap<>();
            for (var mapping : request.blockDeviceMappings()) {
                if (mapping.ebs() == null || mapping.ebs().deleteOnTermination() == null) {
                    throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("Only DeleteOnTermination of an attached"
                            + " EBS volume can be modified (" + mapping.deviceName() + ").");
                }
                byDevice.put(mapping.deviceName(), mapping.ebs().deleteOnTermination());
            }
            volumes.deleteOnTermination(context, id, byDevice);
        } else if (request.ebsOptimized() != null || "ebsOptimized".equals(attribute)) {
            modifications.ebsOptimized(context, id, flagValue(request.ebsOptimized(), value));
        } else {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Modifying the attribute "
                    + (attribute == null ? "given" : attribute) + " is not supported by Gureum yet.");
        }
        return ModifyInstanceAttributeResponse.builder().build();
    }

    DescribeInstanceStatusResponse describeStatus(DescribeInstanceStatusRequest request, RequestContext context) {
        Page<Instance> page = queries.statuses(context, request.instanceIds(),
                Boolean.TRUE.equals(request.includeAllInstances()), Filters.of(request.filters()),
                request.maxResults(), request.nextToken());
        return DescribeInstanceStatusResponse.builder()
                .instanceStatuses(page.items().stream().map(instance -> status(instance, queries.statusOf(instance))).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private static InstanceStatus status(Instance instance, InstanceStatuses.View view) {
        return InstanceStatus.builder().instanceId(instance.id()).availabilityZone(instance.availabilityZone())
                .instanceState(InstanceShapes.state(instance.state())).instanceStatus(summary(view.instance()))
                .systemStatus(summary(view.system())).events(List.of()).build();
    }

    private static InstanceStatusSummary summary(InstanceStatuses.Check check) {
        return InstanceStatusSummary.builder().status(check.status())
                .details(check.reachability() == null ? List.of()
                        : List.of(InstanceStatusDetails.builder().name("reachability").status(check.reachability()).build()))
                .build();
    }

    DescribeInstanceCreditSpecificationsResponse describeCredits(DescribeInstanceCreditSpecificationsRequest request,
                                                                 RequestContext context) {
        Page<Instance> page = queries.describe(context, request.instanceIds(), Filters.of(request.filters()),
                request.maxResults(), request.nextToken());
        return DescribeInstanceCreditSpecificationsResponse.builder()
                .instanceCreditSpecifications(page.items().stream().filter(instance -> instance.cpuCredits() != null)
                        .map(instance -> InstanceCreditSpecification.builder().instanceId(instance.id())
                                .cpuCredits(instance.cpuCredits()).build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    ModifyInstanceCreditSpecificationResponse modifyCredits(ModifyInstanceCreditSpecificationRequest request,
                                                            RequestContext context) {
        List<SuccessfulInstanceCreditSpecificationItem> done = request.instanceCreditSpecifications().stream()
                .map(specification -> {
                    modifications.cpuCredits(context, specification.instanceId(), specification.cpuCredits());
                    return SuccessfulInstanceCreditSpecificationItem.builder()
                            .instanceId(specification.instanceId()).build();
                }).toList();
        return ModifyInstanceCreditSpecificationResponse.builder()
                .successfulInstanceCreditSpecifications(done).unsuccessfulInstanceCreditSpecifications(List.of())
                .build();
    }

    private List<InstanceMonitoring> monitor(RequestContext context, List<String> instanceIds, boolean enabled) {
        return instanceIds.stream().map(id -> {
            modifications.monitoring(context, id, enabled);
            return InstanceMonitoring.builder().instanceId(id)
                    .monitoring(Monitoring.builder().state(enabled ? "pending" : "disabling").build()).build();
        }).toList();
    }

    private static AttributeValue value(String value) {
        return AttributeValue.builder().value(value).build();
    }

    private static AttributeBooleanValue flag(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }

    private static boolean flagValue(AttributeBooleanValue attribute, String value) {
        if (attribute != null && attribute.value() != null) {
            return attribute.value();
        }
        if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + value + ") for parameter value is invalid.");
        }
        return Boolean.parseBoolean(value);
    }

}
