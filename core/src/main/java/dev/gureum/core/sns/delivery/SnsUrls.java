package dev.gureum.core.sns.delivery;

/**
 * The links SNS puts in its messages, on Gureum's own endpoint: the SubscribeURL and UnsubscribeURL (answered
 * without a signature, as SNS's are) and the SigningCertURL. ARNs appear unencoded, as in SNS's links.
 */
public record SnsUrls(String baseUrl) {
    public static final String CERTIFICATE_PATH = "/_gureum/sns/SimpleNotificationService.pem";

    public String subscribeUrl(String topicArn, String token) {
        return baseUrl + "/?Action=ConfirmSubscription&TopicArn=" + topicArn + "&Token=" + token;
    }

    public String unsubscribeUrl(String subscriptionArn) {
        return baseUrl + "/?Action=Unsubscribe&SubscriptionArn=" + subscriptionArn;
    }

    public String signingCertUrl() {
        return baseUrl + CERTIFICATE_PATH;
    }
}
