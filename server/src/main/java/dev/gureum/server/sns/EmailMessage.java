package dev.gureum.server.sns;

import dev.gureum.core.sns.delivery.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * A delivery to an email endpoint as RFC 5322 text: From (the topic's display name at SNS's no-reply address),
 * To, Subject (RFC 2047-encoded when not ASCII), Date, Message-ID and a UTF-8 plain-text body, lines ending
 * in CRLF. email-json deliveries carry the JSON envelope as their body, as SNS's do.
 */
final class EmailMessage {
    static final String SENDER = "no-reply@sns.amazonaws.com";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private EmailMessage() {
    }

    static String render(Delivery delivery, Instant now) {
        StringBuilder text = new StringBuilder();
        header(text, "From", delivery.headers().getOrDefault("From", "AWS Notifications <" + SENDER + ">"));
        header(text, "To", delivery.endpoint());
        header(text, "Subject", encodedWord(delivery.subject()));
        header(text, "Date", DATE.format(now));
        header(text, "Message-ID", "<" + delivery.id() + "@sns.amazonaws.com>");
        header(text, "X-Amz-Sns-Message-Type", delivery.type());
        header(text, "X-Amz-Sns-Message-Id", delivery.messageId());
        header(text, "X-Amz-Sns-Topic-Arn", delivery.topicArn());
        header(text, "MIME-Version", "1.0");
        header(text, "Content-Type", "text/plain; charset=UTF-8");
        header(text, "Content-Transfer-Encoding", "8bit");
        text.append("\r\n");
        text.append(delivery.body().replace("\r\n", "\n").replace("\n", "\r\n"));
        if (!delivery.body().endsWith("\n")) {
            text.append("\r\n");
        }
        return text.toString();
    }

    private static void header(StringBuilder text, String name, String value) {
        text.append(name).append(": ").append(value.replaceAll("[\r\n]+", " ")).append("\r\n");
    }

    private static String encodedWord(String subject) {
        if (subject.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return subject;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
