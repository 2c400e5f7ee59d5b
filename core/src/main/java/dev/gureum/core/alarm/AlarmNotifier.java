package dev.gureum.core.alarm;

/** Where alarm notifications go: SNS topics. A refusal is a {@link dev.gureum.core.error.CloudException}. */
public interface AlarmNotifier {

    /** Publishes {@code message} with {@code subject} to the topic, as the alarm's account in its region. */
    void publish(String account, String region, String topicArn, String subject, String message);
}
