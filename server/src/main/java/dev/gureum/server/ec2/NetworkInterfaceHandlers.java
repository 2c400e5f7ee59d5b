package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.network.InterfaceAddresses;
import dev.gureum.core.network.NetworkInterface;
import dev.gureum.core.network.NetworkInterfaceService;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.server.dispatch.OperationTable;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AssignPrivateIpAddressesRequest;
import software.amazon.awssdk.services.ec2.model.AssignPrivateIpAddressesResponse;
import software.amazon.awssdk.services.ec2.model.AssignedPrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.AttachNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.AttachNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfaceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfaceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DetachNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.DetachNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.ModifyNetworkInterfaceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyNetworkInterfaceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ResetNetworkInterfaceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ResetNetworkInterfaceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.UnassignPrivateIpAddressesRequest;
import software.amazon.awssdk.services.ec2.model.UnassignPrivateIpAddressesResponse;

/**
 * Create, Delete, Describe, Attach and Detach NetworkInterface(s), Assign/UnassignPrivateIpAddresses and
 * ModifyNetworkInterfaceAttribute.
 */
final class NetworkInterfaceHandlers {
    private final NetworkInterfaceService interfaces;
    private final InterfaceAddresses addresses;

    NetworkInterfaceHandlers(NetworkInterfaceService interfaces, InterfaceAddresses addresses) {
        this.interfaces = interfaces;
        this.addresses = addresses;
    }

    void registerInto(OperationTable table) {
        table.register(CreateNetworkInterfaceRequest.class, this::create);
        table.register(DeleteNetworkInterfaceRequest.class, this::delete);
        table.register(DescribeNetworkInterfacesRequest.class, this::describe);
        table.register(AttachNetworkInterfaceRequest.class, this::attach);
        table.register(DetachNetworkInterfaceRequest.class, this::detach);
        table.register(AssignPrivateIpAddressesRequest.class, this::assign);
        table.register(UnassignPrivateIpAddressesRequest.class, this::unassign);
        table.register(DescribeNetworkInterfaceAttributeRequest.class, this::describeAttribute);
        table.register(ResetNetworkInterfaceAttributeRequest.class, this::resetAttribute);
        table.register(ModifyNetworkInterfaceAttributeRequest.class, this::modify);
    }

    /**
     * The primary address and secondaries come from PrivateIpAddress or the PrivateIpAddresses list (its primary
     * entry), with named secondaries or a count of them; IPv6, prefixes and interface types other than a plain
     * interface are refused, as Gureum has none of them.
     */
    CreateNetworkInterfaceResponse create(CreateNetworkInterfaceRequest request, RequestContext context) {
        if (request.ipv6AddressCount() != null && request.ipv6AddressCount() > 0 || !request.ipv6Addresses().isEmpty()
                || Boolean.TRUE.equals(request.enablePrimaryIpv6()) || request.ipv6PrefixCount() != null
                || !request.ipv6Prefixes().isEmpty()) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum's networks are IPv4 only: IPv6 addresses are not"
                    + " supported.");
        }
        if (request.ipv4PrefixCount() != null || !request.ipv4Prefixes().isEmpty()) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum does not delegate IPv4 prefixes to interfaces.");
        }
        if (request.interfaceType() != null && !"interface".equals(request.interfaceTypeAsString())) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum makes plain network interfaces only, not "
                    + request.interfaceTypeAsString() + ".");
        }
        String primary = request.privateIpAddresses().stream().filter(address -> Boolean.TRUE.equals(address.primary()))
                .map(address -> address.privateIpAddress()).findFirst().orElse(null);
        if (primary != null && request.privateIpAddress() != null && !primary.equals(request.privateIpAddress())) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("The primary private IP address is given twice,"
                    + " differently.");
        }
        List<String> secondaries = request.privateIpAddresses().stream()
                .filter(address -> !Boolean.TRUE.equals(address.primary()))
                .map(address -> address.privateIpAddress()).toList();
        NetworkInterface eni = interfaces.create(context, request.subnetId(), request.description(), request.groups(),
                primary != null ? primary : request.privateIpAddress(), secondaries,
                request.secondaryPrivateIpAddressCount() == null ? 0 : request.secondaryPrivateIpAddressCount(),
                Tags.forCreation(request.tagSpecifications(), "network-interface"), request.clientToken());
        return CreateNetworkInterfaceResponse.builder()
                .networkInterface(InterfaceShapes.networkInterface(eni, interfaces.view(context, List.of())))
                .build();
    }

    /** One attribute of an interface, as DescribeNetworkInterfaces shows it, named by the model's enum. */
    DescribeNetworkInterfaceAttributeResponse describeAttribute(DescribeNetworkInterfaceAttributeRequest request,
                                                                RequestContext context) {
        String attribute = request.attributeAsString();
        if (attribute == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter attribute");
        }
        var eni = InterfaceShapes.networkInterface(interfaces.describe(context, List.of(request.networkInterfaceId()),
                List.of()).get(0), interfaces.view(context, List.of()));
        var answer = DescribeNetworkInterfaceAttributeResponse.builder().networkInterfaceId(eni.networkInterfaceId());
        return switch (attribute) {
            case "description" -> answer.description(AttributeValue.builder().value(eni.description()).build()).build();
            case "groupSet" -> answer.groups(eni.groups()).build();
            case "sourceDestCheck" -> answer.sourceDestCheck(AttributeBooleanValue.builder()
                    .value(eni.sourceDestCheck()).build()).build();
            case "attachment" -> answer.attachment(eni.attachment()).build();
            default -> throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + attribute
                    + ") for parameter attribute is invalid. Unknown attribute.");
        };
    }

    /** ResetNetworkInterfaceAttribute: the one attribute with a default to go back to, source/dest checking on. */
    ResetNetworkInterfaceAttributeResponse resetAttribute(ResetNetworkInterfaceAttributeRequest request,
                                                          RequestContext context) {
        if (request.sourceDestCheck() == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter sourceDestCheck");
        }
        interfaces.modify(context, request.networkInterfaceId(), List.of(), true, null, null);
        return ResetNetworkInterfaceAttributeResponse.builder().build();
    }

    DeleteNetworkInterfaceResponse delete(DeleteNetworkInterfaceRequest request, RequestContext context) {
        interfaces.delete(context, request.networkInterfaceId());
        return DeleteNetworkInterfaceResponse.builder().build();
    }

    DescribeNetworkInterfacesResponse describe(DescribeNetworkInterfacesRequest request, RequestContext context) {
        Page<NetworkInterface> page = Pages.page("DescribeNetworkInterfaces",
                interfaces.describe(context, request.networkInterfaceIds(),
                        Filters.of(request.filters())), NetworkInterface::id, request.maxResults(), request.nextToken(),
                VpcHandlers.MINIMUM_RESULTS, VpcHandlers.MAXIMUM_RESULTS);
        var view = interfaces.view(context, List.of());
        return DescribeNetworkInterfacesResponse.builder()
                .networkInterfaces(page.items().stream().map(eni -> InterfaceShapes.networkInterface(eni, view)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    AttachNetworkInterfaceResponse attach(AttachNetworkInterfaceRequest request, RequestContext context) {
        return AttachNetworkInterfaceResponse.builder()
                .attachmentId(interfaces.attach(context, request.networkInterfaceId(), request.instanceId(),
                        request.deviceIndex()))
                .networkCardIndex(0)
                .build();
    }

    DetachNetworkInterfaceResponse detach(DetachNetworkInterfaceRequest request, RequestContext context) {
        interfaces.detach(context, request.attachmentId());
        return DetachNetworkInterfaceResponse.builder().build();
    }

    AssignPrivateIpAddressesResponse assign(AssignPrivateIpAddressesRequest request, RequestContext context) {
        List<String> assigned = addresses.assignPrivateAddresses(context, request.networkInterfaceId(),
                request.privateIpAddresses(), request.secondaryPrivateIpAddressCount(),
                Boolean.TRUE.equals(request.allowReassignment()));
        return AssignPrivateIpAddressesResponse.builder()
                .networkInterfaceId(request.networkInterfaceId())
                .assignedPrivateIpAddresses(assigned.stream()
                        .map(address -> AssignedPrivateIpAddress.builder().privateIpAddress(address).build()).toList())
                .build();
    }

    UnassignPrivateIpAddressesResponse unassign(UnassignPrivateIpAddressesRequest request, RequestContext context) {
        addresses.unassignPrivateAddresses(context, request.networkInterfaceId(), request.privateIpAddresses());
        return UnassignPrivateIpAddressesResponse.builder().build();
    }

    /**
     * One attribute a call, as EC2 takes them: a second is InvalidParameterCombination; the attributes of features
     * Gureum does not have (public IPv4 on a secondary interface, IPv6, connection tracking, ENA Express) are
     * refused as such rather than reported missing.
     */
    ModifyNetworkInterfaceAttributeResponse modify(ModifyNetworkInterfaceAttributeRequest request, RequestContext context) {
        if (request.associatePublicIpAddress() != null || request.enablePrimaryIpv6() != null
                || request.connectionTrackingSpecification() != null || request.enaSrdSpecification() != null
                || request.associatedSubnetIds() != null && !request.associatedSubnetIds().isEmpty()) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum modifies a network interface's security groups,"
                    + " source/destination check, description and attachment only.");
        }
        long given = java.util.stream.Stream.of(request.groups().isEmpty() ? null : request.groups(),
                request.sourceDestCheck(), request.description(), request.attachment())
                .filter(java.util.Objects::nonNull).count();
        if (given > 1) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("Fields for multiple attribute types specified: "
                    + "specify one attribute a call.");
        }
        if (request.attachment() != null) {
            interfaces.requireAttachment(context, request.networkInterfaceId(), request.attachment().attachmentId());
        }
        interfaces.modify(context, request.networkInterfaceId(), request.groups(),
                request.sourceDestCheck() == null ? null : request.sourceDestCheck().value(),
                request.description() == null ? null : request.description().value(),
                request.attachment() == null ? null : request.attachment().deleteOnTermination());
        return ModifyNetworkInterfaceAttributeResponse.builder().build();
    }
}
