package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.network.ElasticAddress;
import dev.gureum.core.network.ElasticAddressService;
import dev.gureum.core.network.NetworkInterface;
import dev.gureum.core.network.NetworkInterfaceService;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.server.dispatch.OperationTable;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AllocateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.AssociateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AssociateAddressResponse;
import software.amazon.awssdk.services.ec2.model.AddressAttribute;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateAddressRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateAddressResponse;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressRequest;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressResponse;

/** AllocateAddress, AssociateAddress, DisassociateAddress, ReleaseAddress and DescribeAddresses. */
final class ElasticAddressHandlers {
    private final ElasticAddressService addresses;
    private final NetworkInterfaceService interfaces;

    ElasticAddressHandlers(ElasticAddressService addresses, NetworkInterfaceService interfaces) {
        this.addresses = addresses;
        this.interfaces = interfaces;
    }

    void registerInto(OperationTable table) {
        table.register(AllocateAddressRequest.class, this::allocate);
        table.register(AssociateAddressRequest.class, this::associate);
        table.register(DisassociateAddressRequest.class, this::disassociate);
        table.register(ReleaseAddressRequest.class, this::release);
        table.register(DescribeAddressesRequest.class, this::describe);
        table.register(DescribeAddressesAttributeRequest.class, this::describeAttribute);
    }

    /**
     * An address from Amazon's pool in the request's region: a particular address (BYOIP), a pool of one's own
     * or another network border group than the region's are not Gureum's to give, and are refused.
     */
    AllocateAddressResponse allocate(AllocateAddressRequest request, RequestContext context) {
        if (request.address() != null || request.publicIpv4Pool() != null && !"amazon".equals(request.publicIpv4Pool())
                || request.customerOwnedIpv4Pool() != null || request.ipamPoolId() != null) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum allocates Elastic IPs from Amazon's pool only:"
                    + " a particular address, a BYOIP, IPAM or customer-owned pool is not supported.");
        }
        if (request.networkBorderGroup() != null && !request.networkBorderGroup().equals(context.region())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("The network border group "
                    + request.networkBorderGroup() + " is not valid in " + context.region() + ".");
        }
        ElasticAddress address = addresses.allocate(context, request.domainAsString(),
                Tags.forCreation(request.tagSpecifications(), "elastic-ip"));
        return AllocateAddressResponse.builder()
                .allocationId(address.allocationId())
                .publicIp(address.publicIp())
                .domain("vpc")
                .networkBorderGroup(address.region())
                .publicIpv4Pool("amazon")
                .build();
    }

    AssociateAddressResponse associate(AssociateAddressRequest request, RequestContext context) {
        if (request.instanceId() != null && request.networkInterfaceId() != null) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("Specify an instance ID or a network interface"
                    + " ID, not both.");
        }
        return AssociateAddressResponse.builder()
                .associationId(addresses.associate(context, request.allocationId(), request.publicIp(),
                        request.instanceId(), request.networkInterfaceId(), request.privateIpAddress(),
                        !Boolean.FALSE.equals(request.allowReassociation())))
                .build();
    }

    DisassociateAddressResponse disassociate(DisassociateAddressRequest request, RequestContext context) {
        addresses.disassociate(context, request.associationId(), request.publicIp());
        return DisassociateAddressResponse.builder().build();
    }

    ReleaseAddressResponse release(ReleaseAddressRequest request, RequestContext context) {
        addresses.release(context, request.allocationId(), request.publicIp());
        return ReleaseAddressResponse.builder().build();
    }

    /**
     * DescribeAddressesAttribute's one attribute, domain-name: the reverse DNS (PTR) record set for an address. Gureum
     * keeps no reverse DNS, so each address is answered without one, as AWS answers an address whose PTR record was
     * never set.
     */
    DescribeAddressesAttributeResponse describeAttribute(DescribeAddressesAttributeRequest request,
                                                         RequestContext context) {
        if (request.attribute() == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter Attribute");
        }
        if (!"domain-name".equals(request.attributeAsString())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + request.attributeAsString()
                    + ") for parameter attribute is invalid. Valid values: domain-name.");
        }
        Page<ElasticAddress> page = Pages.page("DescribeAddressesAttribute", addresses.describe(context, List.of(),
                request.allocationIds(), List.of()), ElasticAddress::allocationId, request.maxResults(),
                request.nextToken(), 1, 1000);
        return DescribeAddressesAttributeResponse.builder()
                .addresses(page.items().stream().map(address -> AddressAttribute.builder()
                        .allocationId(address.allocationId()).publicIp(address.publicIp()).build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DescribeAddressesResponse describe(DescribeAddressesRequest request, RequestContext context) {
        List<ElasticAddress> found = addresses.describe(context, request.publicIps(), request.allocationIds(),
                Filters.of(request.filters()));
        Map<String, NetworkInterface> enis = interfaces.byId(context);
        return DescribeAddressesResponse.builder()
                .addresses(found.stream().map(address -> Address.builder()
                        .allocationId(address.allocationId())
                        .publicIp(address.publicIp())
                        .domain("vpc")
                        .associationId(address.associationId())
                        .networkInterfaceId(address.networkInterfaceId())
                        .networkInterfaceOwnerId(address.isAssociated() ? address.ownerId() : null)
                        .privateIpAddress(address.privateIpAddress())
                        .instanceId(ElasticAddressService.instanceId(address, enis))
                        .networkBorderGroup(address.region())
                        .publicIpv4Pool("amazon")
                        .tags(Tags.toSdk(address.tags()))
                        .build()).toList())
                .build();
    }
}
