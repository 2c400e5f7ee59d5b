package dev.gureum.core.sns.delivery;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.gureum.core.sns.MessageAttribute;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON documents SNS POSTs to HTTP/S endpoints (and mails to email-json ones): SubscriptionConfirmation,
 * Notification and UnsubscribeConfirmation, with their members in SNS's order and layout, signed as SNS
 * documents: the string to sign is each signed member's name and value on their own lines, in byte order of
 * the names — Message, MessageId, Subject (when there is one), SubscribeURL, Timestamp, Token, TopicArn, Type —
 * signed with SHA1withRSA (SignatureVersion 1) or SHA256withRSA (2).
 */
public final class Envelopes {
    public static final String NOTIFICATION = "Notification";
    public static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    public static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final SigningKey key;
    private final SnsUrls urls;

    public Envelopes(SigningKey key, SnsUrls urls) {
        this.key = key;
        this.urls = urls;
    }

    public SnsUrls urls() {
        return urls;
    }

    /**
     * @param signatures signatures already made for this publication, by version and string to sign: every
     *                   subscriber of a message gets the same signed members (the UnsubscribeURL is not signed),
     *                   so one RSA signature serves them all
     */
    public String notification(String messageId, String topicArn, String subject, String message, Instant timestamp,
                               String signatureVersion, String subscriptionArn, Map<String, MessageAttribute> attributes,
                               Map<String, String> signatures) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Type", NOTIFICATION);
        fields.put("MessageId", messageId);
        fields.put("TopicArn", topicArn);
        if (subject != null) {
            fields.put("Subject", subject);
        }
        fields.put("Message", message);
        fields.put("Timestamp", TIMESTAMP.format(timestamp));
        sign(fields, signatureVersion, signatures);
        fields.put("UnsubscribeURL", urls.unsubscribeUrl(subscriptionArn));
        return render(fields, attributes);
    }

    public String subscriptionConfirmation(String messageId, String topicArn, String token, Instant timestamp,
                                           String signatureVersion) {
        return confirmation(SUBSCRIPTION_CONFIRMATION, messageId, topicArn, token, timestamp, signatureVersion,
                "You have chosen to subscribe to the topic " + topicArn
                        + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.");
    }

    public String unsubscribeConfirmation(String messageId, String topicArn, String subscriptionArn, String token,
                                          Instant timestamp, String signatureVersion) {
        return confirmation(UNSUBSCRIBE_CONFIRMATION, messageId, topicArn, token, timestamp, signatureVersion,
                "You have chosen to deactivate subscription " + subscriptionArn + ".\nTo cancel this operation and"
                        + " restore the subscription, visit the SubscribeURL included in this message.");
    }

    private String confirmation(String type, String messageId, String topicArn, String token, Instant timestamp,
                                String signatureVersion, String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Type", type);
        fields.put("MessageId", messageId);
        fields.put("Token", token);
        fields.put("TopicArn", topicArn);
        fields.put("Message", message);
        fields.put("SubscribeURL", urls.subscribeUrl(topicArn, token));
        fields.put("Timestamp", TIMESTAMP.format(timestamp));
        sign(fields, signatureVersion, new HashMap<>());
        return render(fields, Map.of());
    }

    /** SNS's string to sign for a message's members (any not signed are ignored). */
    public static String stringToSign(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        String[] signed = NOTIFICATION.equals(fields.get("Type"))
                ? new String[] {"Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"}
                : new String[] {"Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"};
        for (String name : signed) {
            String value = fields.get(name);
            if (value != null) {
                text.append(name).append('\n').append(value).append('\n');
            }
        }
        return text.toString();
    }

    /** The JCA algorithm of a SignatureVersion: 1 (SNS's default) SHA1withRSA, 2 SHA256withRSA. */
    public static String algorithm(String signatureVersion) {
        return "2".equals(signatureVersion) ? "SHA256withRSA" : "SHA1withRSA";
    }

    private void sign(Map<String, String> fields, String signatureVersion, Map<String, String> signatures) {
        String version = "2".equals(signatureVersion) ? "2" : "1";
        String toSign = stringToSign(fields);
        String signature = signatures.computeIfAbsent(version + "\n" + toSign, ignored -> key.sign(toSign, algorithm(version)));
        fields.put("SignatureVersion", version);
        fields.put("Signature", signature);
        fields.put("SigningCertURL", urls.signingCertUrl());
    }

    private static String render(Map<String, String> fields, Map<String, MessageAttribute> attributes) {
        StringBuilder json = new StringBuilder("{\n");
        boolean first = true;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            json.append(first ? "" : ",\n").append("  ").append(quote(field.getKey())).append(" : ")
                    .append(quote(field.getValue()));
            first = false;
        }
        if (!attributes.isEmpty()) {
            json.append(",\n  \"MessageAttributes\" : {");
            boolean firstAttribute = true;
            for (Map.Entry<String, MessageAttribute> attribute : new TreeMap<>(attributes).entrySet()) {
                json.append(firstAttribute ? "\n" : ",\n").append("    ").append(quote(attribute.getKey()))
                        .append(" : {\"Type\":").append(quote(attribute.getValue().dataType()))
                        .append(",\"Value\":").append(quote(attribute.getValue().displayValue())).append('}');
                firstAttribute = false;
            }
            json.append("\n  }");
        }
        return json.append("\n}").toString();
    }

    static String quote(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }
}
