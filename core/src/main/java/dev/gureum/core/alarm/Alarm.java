package dev.gureum.core.alarm;

import dev.gureum.core.tag.Tag;
import java.time.Instant;
import java.util.List;

/**
 * A CloudWatch alarm of one account and region: its configuration (a metric alarm's {@code metric}, or a
 * composite alarm's {@code rule}), its actions per state, its current status and its tags. Names are unique
 * across both types; the ARN is {@code arn:aws:cloudwatch:<region>:<account>:alarm:<name>}.
 */
public record Alarm(String name, String account, String region, AlarmType type, String description,
                    boolean actionsEnabled, List<String> okActions, List<String> alarmActions,
                    List<String> insufficientDataActions, MetricAlarmSpec metric, String rule, AlarmStatus status,
                    Instant configurationUpdated, List<Tag> tags) {

    public Alarm {
        okActions = okActions == null ? List.of() : List.copyOf(okActions);
        alarmActions = alarmActions == null ? List.of() : List.copyOf(alarmActions);
        insufficientDataActions = insufficientDataActions == null ? List.of() : List.copyOf(insufficientDataActions);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public String arn() {
        return arn(region, account, name);
    }

    public static String arn(String region, String account, String name) {
        return "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + name;
    }

    /** The actions a move into {@code state} runs. */
    public List<String> actionsFor(AlarmState state) {
        return switch (state) {
            case OK -> okActions;
            case ALARM -> alarmActions;
            case INSUFFICIENT_DATA -> insufficientDataActions;
        };
    }

    public Alarm withStatus(AlarmStatus newStatus) {
        return new Alarm(name, account, region, type, description, actionsEnabled, okActions, alarmActions,
                insufficientDataActions, metric, rule, newStatus, configurationUpdated, tags);
    }

    public Alarm withActionsEnabled(boolean enabled) {
        return new Alarm(name, account, region, type, description, enabled, okActions, alarmActions,
                insufficientDataActions, metric, rule, status, configurationUpdated, tags);
    }

    public Alarm withTags(List<Tag> newTags) {
        return new Alarm(name, account, region, type, description, actionsEnabled, okActions, alarmActions,
                insufficientDataActions, metric, rule, status, configurationUpdated, newTags);
    }
}
