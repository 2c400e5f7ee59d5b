package dev.gureum.server.sns;

import dev.gureum.core.sns.SnsPublisher;
import dev.gureum.core.sns.SubscriptionService;
import dev.gureum.core.sns.TopicService;
import dev.gureum.core.sns.TopicTags;
import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.model.RequiredMembers;
import dev.gureum.protocol.service.SnsWire;
import dev.gureum.server.dispatch.OperationTable;
import dev.gureum.server.dispatch.ServiceEndpoint;
import java.util.List;

/**
 * The SNS endpoint ({@code sns}): aws-query over one handler table. Topics, subscriptions and publishing are
 * served; every other operation of the model answers {@code InvalidAction} until its handler is written.
 */
public final class SnsApi {
    private SnsApi() {
    }

    public static ServiceEndpoint create(TopicService topics, TopicTags tags, SubscriptionService subscriptions,
                                         SnsPublisher publisher) {
        OperationTable table = new OperationTable();
        new TopicHandlers(topics, tags).registerInto(table);
        new SubscriptionHandlers(subscriptions).registerInto(table);
        new PublishHandlers(publisher).registerInto(table);
        return new ServiceEndpoint(SnsWire.SIGNING_NAME, List.of(SnsWire.protocol(SnsWire.catalog())),
                RequiredMembers.forService("sns"), table, CommonError.INVALID_ACTION);
    }
}
