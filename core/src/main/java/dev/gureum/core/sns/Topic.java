package dev.gureum.core.sns;

import dev.gureum.core.tag.Tag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An SNS topic: its name, its settable attributes (DisplayName, Policy, DeliveryPolicy, …, as SNS names
 * them) and its tags. Its ARN is {@code arn:aws:sns:<region>:<account>:<name>}.
 */
public record Topic(String name, String ownerId, String region, Map<String, String> attributes, List<Tag> tags) {

    public Topic {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public String arn() {
        return arn(region, ownerId, name);
    }

    public static String arn(String region, String account, String name) {
        return "arn:aws:sns:" + region + ":" + account + ":" + name;
    }

    public boolean fifo() {
        return name.endsWith(".fifo");
    }

    public Topic withAttribute(String attribute, String value) {
        Map<String, String> changed = new TreeMap<>(attributes);
        changed.put(attribute, value);
        return new Topic(name, ownerId, region, changed, tags);
    }

    public Topic withTags(List<Tag> newTags) {
        return new Topic(name, ownerId, region, attributes, newTags);
    }
}
