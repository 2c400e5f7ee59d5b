package dev.gureum.core.spot;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A Spot interruption notice: which instance, the action ({@code terminate}, {@code stop}, {@code hibernate}) and
 * when it takes effect. It reads as EC2's "EC2 Spot Instance Interruption Warning" event (source
 * {@code aws.ec2}, detail {@code instance-id} and {@code instance-action}) and as the instance metadata
 * document {@code spot/instance-action}: {@code {"action": "terminate", "time": "2017-09-18T08:22:00Z"}}.
 */
public record InterruptionWarning(String account, String region, String instanceId, String action, Instant noticeTime,
                                  Instant actionTime) {

    /** The instance metadata service's {@code spot/instance-action} document. */
    public String instanceActionDocument() {
        return "{\"action\": \"" + action + "\", \"time\": \"" + seconds(actionTime) + "\"}";
    }

    /** {@code spot/termination-time}: the action's time when the instance is to be terminated, else null. */
    public String terminationTime() {
        return "terminate".equals(action) ? seconds(actionTime) : null;
    }

    /** The EventBridge event EC2 emits two minutes before the interruption (hibernation: at once). */
    public String eventJson() {
        return "{\"version\": \"0\", \"id\": \"" + UUID.nameUUIDFromBytes((instanceId + noticeTime).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)) + "\", \"detail-type\": \"EC2 Spot Instance Interruption Warning\","
                + " \"source\": \"aws.ec2\", \"account\": \"" + account + "\", \"time\": \"" + seconds(noticeTime)
                + "\", \"region\": \"" + region + "\", \"resources\": [\"arn:aws:ec2:" + region + ":" + account
                + ":instance/" + instanceId + "\"], \"detail\": {\"instance-id\": \"" + instanceId
                + "\", \"instance-action\": \"" + action + "\"}}";
    }

    private static String seconds(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
    }
}
