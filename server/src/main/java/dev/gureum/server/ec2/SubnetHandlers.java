package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.network.Subnet;
import dev.gureum.core.network.SubnetService;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.server.dispatch.OperationTable;
import java.util.function.BiPredicate;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeResponse;

/** CreateSubnet, DeleteSubnet, DescribeSubnets and ModifySubnetAttribute. */
final class SubnetHandlers {
    private final SubnetService subnets;
    private final BiPredicate<RequestContext, String> subnetHasInterfaces;

    SubnetHandlers(SubnetService subnets, BiPredicate<RequestContext, String> subnetHasInterfaces) {
        this.subnets = subnets;
        this.subnetHasInterfaces = subnetHasInterfaces;
    }

    void registerInto(OperationTable table) {
        table.register(CreateSubnetRequest.class, this::createSubnet);
        table.register(DeleteSubnetRequest.class, this::deleteSubnet);
        table.register(DescribeSubnetsRequest.class, this::describeSubnets);
        table.register(ModifySubnetAttributeRequest.class, this::modifySubnetAttribute);
    }

    CreateSubnetResponse createSubnet(CreateSubnetRequest request, RequestContext context) {
        Subnet subnet = subnets.create(context, request.vpcId(), request.cidrBlock(), request.availabilityZone(),
                request.availabilityZoneId(), Tags.forCreation(request.tagSpecifications(), "subnet"));
        return CreateSubnetResponse.builder().subnet(NetworkShapes.subnet(subnet)).build();
    }

    DeleteSubnetResponse deleteSubnet(DeleteSubnetRequest request, RequestContext context) {
        subnets.delete(context, request.subnetId(), request.subnetId() != null
                && subnetHasInterfaces.test(context, request.subnetId()));
        return DeleteSubnetResponse.builder().build();
    }

    DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest request, RequestContext context) {
        Page<Subnet> page = Pages.page("DescribeSubnets",
                subnets.describe(context, request.subnetIds(), Filters.of(request.filters())),
                Subnet::id, request.maxResults(), request.nextToken(), VpcHandlers.MINIMUM_RESULTS,
                VpcHandlers.MAXIMUM_RESULTS);
        return DescribeSubnetsResponse.builder()
                .subnets(page.items().stream().map(NetworkShapes::subnet).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /**
     * One attribute a call, as EC2 takes them. MapPublicIpOnLaunch changes; the attributes Gureum's subnets keep at AWS's defaults (no IPv6, no DNS64, no
     * customer-owned addresses, IP-based host names) may be set to those defaults, which changes nothing, and are
     * refused otherwise.
     */
    ModifySubnetAttributeResponse modifySubnetAttribute(ModifySubnetAttributeRequest request, RequestContext context) {
        long given = java.util.stream.Stream.of(request.mapPublicIpOnLaunch(), request.assignIpv6AddressOnCreation(),
                request.enableDns64(), request.mapCustomerOwnedIpOnLaunch(),
                request.enableResourceNameDnsARecordOnLaunch(), request.enableResourceNameDnsAAAARecordOnLaunch(),
                request.privateDnsHostnameTypeOnLaunch(), request.enableLniAtDeviceIndex(),
                request.disableLniAtDeviceIndex(), request.customerOwnedIpv4Pool())
                .filter(java.util.Objects::nonNull).count();
        if (given > 1) {
            throw dev.gureum.core.error.Ec2Error.INVALID_PARAMETER_COMBINATION.exception("Fields for multiple"
                    + " attribute types specified: modify one subnet attribute a call.");
        }
        if (request.mapPublicIpOnLaunch() != null) {
            subnets.modifyMapPublicIpOnLaunch(context, request.subnetId(), request.mapPublicIpOnLaunch().value());
            return ModifySubnetAttributeResponse.builder().build();
        }
        if (java.util.stream.Stream.of(request.assignIpv6AddressOnCreation(), request.enableDns64(),
                request.mapCustomerOwnedIpOnLaunch(), request.enableResourceNameDnsARecordOnLaunch(),
                request.enableResourceNameDnsAAAARecordOnLaunch(), request.privateDnsHostnameTypeOnLaunch(),
                request.enableLniAtDeviceIndex(), request.disableLniAtDeviceIndex(), request.customerOwnedIpv4Pool())
                .allMatch(java.util.Objects::isNull)) {
            throw dev.gureum.core.error.Ec2Error.MISSING_PARAMETER.exception("The request must contain an attribute"
                    + " to modify.");
        }
        subnets.require(context, request.subnetId());
        LaunchOptions.requireIpNames(request.privateDnsHostnameTypeOnLaunchAsString(),
                isOn(request.enableResourceNameDnsARecordOnLaunch()),
                isOn(request.enableResourceNameDnsAAAARecordOnLaunch()));
        if (isOn(request.assignIpv6AddressOnCreation()) || isOn(request.enableDns64())
                || isOn(request.mapCustomerOwnedIpOnLaunch()) || request.enableLniAtDeviceIndex() != null
                || request.disableLniAtDeviceIndex() != null || request.customerOwnedIpv4Pool() != null) {
            throw dev.gureum.core.error.Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum's subnets change only"
                    + " MapPublicIpOnLaunch; other attributes keep their defaults (no IPv6, DNS64 or customer-owned"
                    + " addresses, IP-based host names).");
        }
        return ModifySubnetAttributeResponse.builder().build();
    }

    private static boolean isOn(software.amazon.awssdk.services.ec2.model.AttributeBooleanValue value) {
        return value != null && Boolean.TRUE.equals(value.value());
    }
}
