package dev.gureum.server.sns;

import dev.gureum.core.RequestContext;
import dev.gureum.core.page.Page;
import dev.gureum.core.sns.Subscription;
import dev.gureum.core.sns.SubscriptionService;
import dev.gureum.server.dispatch.OperationTable;
import java.util.List;
import software.amazon.awssdk.services.sns.model.ConfirmSubscriptionRequest;
import software.amazon.awssdk.services.sns.model.ConfirmSubscriptionResponse;
import software.amazon.awssdk.services.sns.model.GetSubscriptionAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetSubscriptionAttributesResponse;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicRequest;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsRequest;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsResponse;
import software.amazon.awssdk.services.sns.model.SetSubscriptionAttributesRequest;
import software.amazon.awssdk.services.sns.model.SetSubscriptionAttributesResponse;
import software.amazon.awssdk.services.sns.model.SubscribeRequest;
import software.amazon.awssdk.services.sns.model.SubscribeResponse;
import software.amazon.awssdk.services.sns.model.UnsubscribeRequest;
import software.amazon.awssdk.services.sns.model.UnsubscribeResponse;

/**
 * Subscribe, ConfirmSubscription, Unsubscribe, ListSubscriptions(ByTopic) and the subscription attributes, for
 * signed requests (the unsigned SubscribeURL and UnsubscribeURL are {@link SnsLinks}).
 */
final class SubscriptionHandlers {
    private final SubscriptionService subscriptions;

    SubscriptionHandlers(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    void registerInto(OperationTable table) {
        table.register(SubscribeRequest.class, this::subscribe);
        table.register(ConfirmSubscriptionRequest.class, this::confirm);
        table.register(UnsubscribeRequest.class, this::unsubscribe);
        table.register(ListSubscriptionsRequest.class, this::list);
        table.register(ListSubscriptionsByTopicRequest.class, this::listByTopic);
        table.register(GetSubscriptionAttributesRequest.class, this::attributes);
        table.register(SetSubscriptionAttributesRequest.class, this::setAttribute);
    }

    SubscribeResponse subscribe(SubscribeRequest request, RequestContext context) {
        String arn = subscriptions.subscribe(context, request.topicArn(), request.protocol(), request.endpoint(),
                request.attributes(), Boolean.TRUE.equals(request.returnSubscriptionArn()));
        return SubscribeResponse.builder().subscriptionArn(arn).build();
    }

    ConfirmSubscriptionResponse confirm(ConfirmSubscriptionRequest request, RequestContext context) {
        String arn = subscriptions.confirm(context, request.topicArn(), request.token(),
                "true".equalsIgnoreCase(request.authenticateOnUnsubscribe()), true);
        return ConfirmSubscriptionResponse.builder().subscriptionArn(arn).build();
    }

    UnsubscribeResponse unsubscribe(UnsubscribeRequest request, RequestContext context) {
        subscriptions.unsubscribe(context, request.subscriptionArn(), true);
        return UnsubscribeResponse.builder().build();
    }

    ListSubscriptionsResponse list(ListSubscriptionsRequest request, RequestContext context) {
        Page<Subscription> page = subscriptions.list(context, request.nextToken());
        return ListSubscriptionsResponse.builder().subscriptions(shapes(page.items())).nextToken(page.nextToken()).build();
    }

    ListSubscriptionsByTopicResponse listByTopic(ListSubscriptionsByTopicRequest request, RequestContext context) {
        Page<Subscription> page = subscriptions.listByTopic(context, request.topicArn(), request.nextToken());
        return ListSubscriptionsByTopicResponse.builder().subscriptions(shapes(page.items()))
                .nextToken(page.nextToken()).build();
    }

    GetSubscriptionAttributesResponse attributes(GetSubscriptionAttributesRequest request, RequestContext context) {
        return GetSubscriptionAttributesResponse.builder()
                .attributes(subscriptions.attributes(context, request.subscriptionArn())).build();
    }

    SetSubscriptionAttributesResponse setAttribute(SetSubscriptionAttributesRequest request, RequestContext context) {
        subscriptions.setAttribute(context, request.subscriptionArn(), request.attributeName(), request.attributeValue());
        return SetSubscriptionAttributesResponse.builder().build();
    }

    /** Pending subscriptions are listed with "PendingConfirmation" as their ARN, as SNS lists them. */
    private static List<software.amazon.awssdk.services.sns.model.Subscription> shapes(List<Subscription> items) {
        return items.stream().map(subscription -> software.amazon.awssdk.services.sns.model.Subscription.builder()
                .subscriptionArn(subscription.confirmed() ? subscription.arn() : "PendingConfirmation")
                .owner(subscription.ownerId()).protocol(subscription.protocol()).endpoint(subscription.endpoint())
                .topicArn(subscription.topicArn()).build()).toList();
    }
}
