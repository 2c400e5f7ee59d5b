package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.network.InternetGateway;
import dev.gureum.core.network.InternetGatewayService;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.server.dispatch.OperationTable;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayResponse;

/** Create, Attach, Detach, Delete and Describe InternetGateway(s). */
final class InternetGatewayHandlers {
    private final InternetGatewayService gateways;

    InternetGatewayHandlers(InternetGatewayService gateways) {
        this.gateways = gateways;
    }

    void registerInto(OperationTable table) {
        table.register(CreateInternetGatewayRequest.class, this::create);
        table.register(AttachInternetGatewayRequest.class, this::attach);
        table.register(DetachInternetGatewayRequest.class, this::detach);
        table.register(DeleteInternetGatewayRequest.class, this::delete);
        table.register(DescribeInternetGatewaysRequest.class, this::describe);
    }

    CreateInternetGatewayResponse create(CreateInternetGatewayRequest request, RequestContext context) {
        InternetGateway gateway = gateways.create(context,
                Tags.forCreation(request.tagSpecifications(), "internet-gateway"));
        return CreateInternetGatewayResponse.builder().internetGateway(NetworkShapes.internetGateway(gateway)).build();
    }

    AttachInternetGatewayResponse attach(AttachInternetGatewayRequest request, RequestContext context) {
        gateways.attach(context, request.internetGatewayId(), request.vpcId());
        return AttachInternetGatewayResponse.builder().build();
    }

    DetachInternetGatewayResponse detach(DetachInternetGatewayRequest request, RequestContext context) {
        gateways.detach(context, request.internetGatewayId(), request.vpcId());
        return DetachInternetGatewayResponse.builder().build();
    }

    DeleteInternetGatewayResponse delete(DeleteInternetGatewayRequest request, RequestContext context) {
        gateways.delete(context, request.internetGatewayId());
        return DeleteInternetGatewayResponse.builder().build();
    }

    DescribeInternetGatewaysResponse describe(DescribeInternetGatewaysRequest request, RequestContext context) {
        Page<InternetGateway> page = Pages.page("DescribeInternetGateways",
                gateways.describe(context, request.internetGatewayIds(),
                        Filters.of(request.filters())), InternetGateway::id, request.maxResults(), request.nextToken(),
                VpcHandlers.MINIMUM_RESULTS, VpcHandlers.MAXIMUM_RESULTS);
        return DescribeInternetGatewaysResponse.builder()
                .internetGateways(page.items().stream().map(NetworkShapes::internetGateway).toList())
                .nextToken(page.nextToken())
                .build();
    }
}
