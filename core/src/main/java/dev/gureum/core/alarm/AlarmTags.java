package dev.gureum.core.alarm;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudWatchError;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TagResource, UntagResource and ListTagsForResource for alarm ARNs (at most 50 tags an alarm). */
public final class AlarmTags {
    private final Store store;

    public AlarmTags(Store store) {
        this.store = store;
    }

    public List<Tag> list(RequestContext context, String arn) {
        return require(context, arn).value().tags();
    }

    public void tag(RequestContext context, String arn, List<Tag> tags) {
        validate(tags);
        change(context, arn, current -> {
            Map<String, String> merged = new LinkedHashMap<>();
            current.forEach(tag -> merged.put(tag.key(), tag.value()));
            tags.forEach(tag -> merged.put(tag.key(), tag.value()));
            if (merged.size() > AlarmService.MAX_TAGS) {
                throw CloudWatchError.INVALID_PARAMETER_VALUE.exception("A resource can have at most "
                        + AlarmService.MAX_TAGS + " tags; this request would make " + merged.size() + ".");
            }
            List<Tag> result = new ArrayList<>();
            merged.forEach((key, value) -> result.add(new Tag(key, value)));
            return result;
        });
    }

    public void untag(RequestContext context, String arn, List<String> keys) {
        change(context, arn, current -> current.stream().filter(tag -> !keys.contains(tag.key())).toList());
    }

    private void change(RequestContext context, String arn, java.util.function.UnaryOperator<List<Tag>> edit) {
        for (int attempt = 1; ; attempt++) {
            Versioned<Alarm> alarm = require(context, arn);
            try {
                Writes.commit(store, context, new WriteBatch().put(AlarmRecords.ALARMS, alarm.key(), alarm.version(),
                        alarm.value().withTags(edit.apply(alarm.value().tags()))));
                return;
            } catch (VersionConflictException changedMeanwhile) {
                if (attempt == 5) {
                    throw CloudWatchError.CONCURRENT_MODIFICATION.exception("The resource is changing; retry.");
                }
            }
        }
    }

    private Versioned<Alarm> require(RequestContext context, String arn) {
        if (arn == null || !arn.startsWith("arn:aws:cloudwatch:") || arn.split(":", -1).length < 7) {
            throw CloudWatchError.INVALID_PARAMETER_VALUE.exception("Invalid value for ResourceARN: " + arn);
        }
        String prefix = Alarm.arn(context.region(), context.account(), "");
        if (!arn.startsWith(prefix)) {
            throw CloudWatchError.RESOURCE_NOT_FOUND_EXCEPTION.exception("The specified resource does not exist.");
        }
        return store.get(AlarmRecords.ALARMS, new RecordKey(context.account(), context.region(),
                        arn.substring(prefix.length())))
                .orElseThrow(() -> CloudWatchError.RESOURCE_NOT_FOUND_EXCEPTION.exception(
                        "The specified resource does not exist."));
    }

    static void validate(List<Tag> tags) {
        if (tags.size() > AlarmService.MAX_TAGS) {
            throw AlarmValidation.constraint(tags, "tags", "Member must have length less than or equal to 50");
        }
        for (Tag tag : tags) {
            if (tag.key() == null || tag.value() == null) {
                throw CloudWatchError.MISSING_PARAMETER.exception("The parameter Tags.member.Key and Tags.member.Value"
                        + " are required.");
            }
            AlarmValidation.length(tag.key(), "tags.member.key", 1, 128);
            AlarmValidation.length(tag.value(), "tags.member.value", 0, 256);
        }
    }
}
