package dev.gureum.core.alarm;

import dev.gureum.core.RequestContext;
import dev.gureum.core.sns.TopicService;
import java.time.Instant;

/**
 * The notifier until SNS delivers messages: a notification to a topic that exists counts as published (the
 * alarm's history records it with the message), one to a topic that does not is refused with SNS's NotFound.
 * Replace it with a notifier that calls SNS Publish once delivery exists.
 */
public final class TopicCheckingNotifier implements AlarmNotifier {
    private final TopicService topics;

    public TopicCheckingNotifier(TopicService topics) {
        this.topics = topics;
    }

    @Override
    public void publish(String account, String region, String topicArn, String subject, String message) {
        topics.require(new RequestContext(account, region, "alarm-action", Instant.EPOCH, false), topicArn);
    }
}
