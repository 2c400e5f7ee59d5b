package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.network.DhcpOptions;
import dev.gureum.core.network.DhcpOptionsService;
import dev.gureum.core.network.Vpc;
import dev.gureum.core.network.VpcService;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.server.dispatch.OperationTable;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AssociateDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.AssociateDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateDefaultVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateDefaultVpcResponse;
import software.amazon.awssdk.services.ec2.model.CreateDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.CreateDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DeleteDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeResponse;

/**
 * CreateVpc, DeleteVpc, DescribeVpcs, Describe/ModifyVpcAttribute, CreateDefaultVpc, Create/Associate/Delete/
 * DescribeDhcpOptions and
 * DescribeVpcEndpoints.
 */
final class VpcHandlers {
    static final int MINIMUM_RESULTS = 5;
    static final int MAXIMUM_RESULTS = 1000;

    /** DescribeVpcEndpoints' filters, checked though nothing can match them. */
    private static final FilterSet<Object> VPC_ENDPOINT_FILTERS = FilterSet.builder()
            .single("ip-address-type", unused -> null).single("service-name", unused -> null)
            .single("service-region", unused -> null).single("vpc-endpoint-id", unused -> null)
            .single("vpc-endpoint-state", unused -> null).single("vpc-endpoint-type", unused -> null)
            .single("vpc-id", unused -> null).tags(unused -> List.of()).build();

    private final VpcService vpcs;
    private final DhcpOptionsService dhcpOptions;

    VpcHandlers(VpcService vpcs, DhcpOptionsService dhcpOptions) {
        this.vpcs = vpcs;
        this.dhcpOptions = dhcpOptions;
    }

    void registerInto(OperationTable table) {
        table.register(CreateVpcRequest.class, this::createVpc);
        table.register(DeleteVpcRequest.class, this::deleteVpc);
        table.register(DescribeVpcsRequest.class, this::describeVpcs);
        table.register(DescribeVpcAttributeRequest.class, this::describeVpcAttribute);
        table.register(ModifyVpcAttributeRequest.class, this::modifyVpcAttribute);
        table.register(CreateDefaultVpcRequest.class, this::createDefaultVpc);
        table.register(DescribeDhcpOptionsRequest.class, this::describeDhcpOptions);
        table.register(CreateDhcpOptionsRequest.class, this::createDhcpOptions);
        table.register(AssociateDhcpOptionsRequest.class, (request, context) -> {
            dhcpOptions.associate(context, request.dhcpOptionsId(), request.vpcId());
            return AssociateDhcpOptionsResponse.builder().build();
        });
        table.register(DeleteDhcpOptionsRequest.class, (request, context) -> {
            dhcpOptions.delete(context, request.dhcpOptionsId());
            return DeleteDhcpOptionsResponse.builder().build();
        });
        table.register(DescribeVpcEndpointsRequest.class, this::describeVpcEndpoints);
    }

    /**
     * DescribeVpcEndpoints: Gureum makes no VPC endpoints (CreateVpcEndpoint is not supported), so there are none to
     * list; one asked for by id does not exist.
     */
    DescribeVpcEndpointsResponse describeVpcEndpoints(DescribeVpcEndpointsRequest request, RequestContext context) {
        VPC_ENDPOINT_FILTERS.compile(Filters.of(request.filters()));
        if (!request.vpcEndpointIds().isEmpty()) {
            throw Ec2Error.INVALID_VPC_ENDPOINT_ID_NOT_FOUND.exception("The Vpc Endpoint Id '"
                    + request.vpcEndpointIds().get(0) + "' does not exist");
        }
        return DescribeVpcEndpointsResponse.builder().vpcEndpoints(List.of()).build();
    }

    CreateVpcResponse createVpc(CreateVpcRequest request, RequestContext context) {
        if (Boolean.TRUE.equals(request.amazonProvidedIpv6CidrBlock()) || request.ipv6Pool() != null
                || request.ipv6CidrBlock() != null || request.ipv6IpamPoolId() != null
                || request.ipv4IpamPoolId() != null) {
            throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum does not support IPv6 CIDR blocks or IPAM pools"
                    + " for VPCs yet; create the VPC with an IPv4 CidrBlock.");
        }
        Vpc vpc = vpcs.create(context, request.cidrBlock(), request.instanceTenancyAsString(),
                Tags.forCreation(request.tagSpecifications(), "vpc"));
        return CreateVpcResponse.builder().vpc(NetworkShapes.vpc(vpc)).build();
    }

    DeleteVpcResponse deleteVpc(DeleteVpcRequest request, RequestContext context) {
        vpcs.delete(context, request.vpcId());
        return DeleteVpcResponse.builder().build();
    }

    DescribeVpcsResponse describeVpcs(DescribeVpcsRequest request, RequestContext context) {
        Page<Vpc> page = Pages.page("DescribeVpcs",
                vpcs.describe(context, request.vpcIds(), Filters.of(request.filters())), Vpc::id,
                request.maxResults(), request.nextToken(), MINIMUM_RESULTS, MAXIMUM_RESULTS);
        return DescribeVpcsResponse.builder()
                .vpcs(page.items().stream().map(NetworkShapes::vpc).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DescribeVpcAttributeResponse describeVpcAttribute(DescribeVpcAttributeRequest request, RequestContext context) {
        String attribute = request.attributeAsString();
        AttributeBooleanValue value = AttributeBooleanValue.builder()
                .value(vpcs.attribute(context, request.vpcId(), attribute)).build();
        DescribeVpcAttributeResponse.Builder response = DescribeVpcAttributeResponse.builder().vpcId(request.vpcId());
        return switch (attribute) {
            case "enableDnsSupport" -> response.enableDnsSupport(value).build();
            case "enableDnsHostnames" -> response.enableDnsHostnames(value).build();
            default -> response.enableNetworkAddressUsageMetrics(value).build();
        };
    }

    /**
     * The DNS attributes; Network Address Usage metrics stay off (Gureum publishes no such metrics), so asking to
     * turn them on is refused and turning them off changes nothing.
     */
    ModifyVpcAttributeResponse modifyVpcAttribute(ModifyVpcAttributeRequest request, RequestContext context) {
        if (request.enableNetworkAddressUsageMetrics() != null && request.enableDnsSupport() == null
                && request.enableDnsHostnames() == null) {
            if (Boolean.TRUE.equals(request.enableNetworkAddressUsageMetrics().value())) {
                throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum does not publish Network Address Usage metrics;"
                        + " EnableNetworkAddressUsageMetrics cannot be turned on.");
            }
            vpcs.attribute(context, request.vpcId(), "enableNetworkAddressUsageMetrics");
            return ModifyVpcAttributeResponse.builder().build();
        }
        vpcs.modifyDns(context, request.vpcId(),
                request.enableDnsSupport() == null ? null : request.enableDnsSupport().value(),
                request.enableDnsHostnames() == null ? null : request.enableDnsHostnames().value());
        return ModifyVpcAttributeResponse.builder().build();
    }

    CreateDefaultVpcResponse createDefaultVpc(CreateDefaultVpcRequest request, RequestContext context) {
        return CreateDefaultVpcResponse.builder().vpc(NetworkShapes.vpc(vpcs.createDefault(context))).build();
    }

    CreateDhcpOptionsResponse createDhcpOptions(CreateDhcpOptionsRequest request, RequestContext context) {
        java.util.Map<String, List<String>> configurations = new java.util.LinkedHashMap<>();
        for (var configuration : request.dhcpConfigurations()) {
            if (configurations.put(configuration.key(), configuration.values()) != null) {
                throw dev.gureum.core.error.Ec2Error.INVALID_PARAMETER_VALUE.exception("The DHCP option "
                        + configuration.key() + " is given more than once.");
            }
        }
        return CreateDhcpOptionsResponse.builder().dhcpOptions(NetworkShapes.dhcpOptions(dhcpOptions.create(context,
                configurations, Tags.forCreation(request.tagSpecifications(), "dhcp-options")))).build();
    }

    DescribeDhcpOptionsResponse describeDhcpOptions(DescribeDhcpOptionsRequest request, RequestContext context) {
        Page<DhcpOptions> page = Pages.page("DescribeDhcpOptions",
                dhcpOptions.describe(context, request.dhcpOptionsIds(),
                        Filters.of(request.filters())), DhcpOptions::id, request.maxResults(), request.nextToken(),
                MINIMUM_RESULTS, MAXIMUM_RESULTS);
        return DescribeDhcpOptionsResponse.builder()
                .dhcpOptions(page.items().stream().map(NetworkShapes::dhcpOptions).toList())
                .nextToken(page.nextToken())
                .build();
    }
}
