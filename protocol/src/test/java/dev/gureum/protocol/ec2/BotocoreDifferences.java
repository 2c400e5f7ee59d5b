package dev.gureum.protocol.ec2;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Compares what the Java SDK read ({@link PlainValues}) with what botocore read from the same bytes.
 * The botocore model's skeleton says which members it knows: members newer than that botocore are
 * left out and counted, not reported. Numbers compare at the Java member's own precision (botocore
 * reads every float as a double). Differences are collected with their member path.
 */
public final class BotocoreDifferences {
    private final List<String> differences = new ArrayList<>();
    private int membersUnknownToBotocore;

    public List<String> differences() {
        return differences;
    }

    public int membersUnknownToBotocore() {
        return membersUnknownToBotocore;
    }

    /** Records a difference found outside the member tree (a parse failure, a wrong request id). */
    public void add(String difference) {
        differences.add(difference);
    }

    void compare(String path, Object java, JsonNode botocore, JsonNode skeleton) {
        if (java instanceof Map<?, ?> members) {
            if (!botocore.isObject()) {
                differ(path, java, botocore);
            } else if (skeleton.isObject() && skeleton.field("value").isPresent()) {
                compareEntries(path, members, botocore.asObject(), skeleton.field("value").get());
            } else {
                compareStructure(path, members, botocore.asObject(), skeleton);
            }
        } else if (java instanceof List<?> items) {
            compareItems(path, items, botocore, skeleton.isObject() ? skeleton.field("member").orElse(skeleton) : skeleton);
        } else if (!scalarEquals(java, botocore)) {
            differ(path, java, botocore);
        }
    }

    /** Java members are keyed by XML element; the skeleton maps each botocore member to its element. */
    public void compareStructure(String path, Map<?, ?> java, Map<String, JsonNode> botocore, JsonNode skeleton) {
        if (!skeleton.isObject() || skeleton.field("members").isEmpty()) {
            differences.add(path + ": deeper than the botocore skeleton reaches");
            return;
        }
        Map<String, String> memberByElement = new HashMap<>();
        skeleton.field("members").get().asObject().forEach(
                (member, known) -> memberByElement.put(known.field("wire").get().asString(), member));
        for (Map.Entry<?, ?> element : java.entrySet()) {
            String member = memberByElement.get((String) element.getKey());
            if (member == null) {
                membersUnknownToBotocore++;
            } else if (!botocore.containsKey(member)) {
                differences.add(path + "." + member + ": the Java SDK read " + element.getValue() + ", botocore nothing");
            } else {
                JsonNode memberShape = skeleton.field("members").get().asObject().get(member).field("shape").get();
                compare(path + "." + member, element.getValue(), botocore.get(member), memberShape);
            }
        }
        memberByElement.forEach((element, member) -> {
            if (!java.containsKey(element) && botocore.containsKey(member)) {
                differences.add(path + "." + member + ": botocore read " + botocore.get(member) + ", the Java SDK nothing");
            }
        });
    }

    private void compareEntries(String path, Map<?, ?> java, Map<String, JsonNode> botocore, JsonNode valueSkeleton) {
        if (!java.keySet().equals(botocore.keySet())) {
            differ(path, java, botocore);
            return;
        }
        java.forEach((key, value) -> compare(path + "[" + key + "]", value, botocore.get(key), valueSkeleton));
    }

    private void compareItems(String path, List<?> java, JsonNode botocore, JsonNode memberSkeleton) {
        if (!botocore.isArray() || botocore.asArray().size() != java.size()) {
            differ(path, java, botocore);
            return;
        }
        for (int i = 0; i < java.size(); i++) {
            compare(path + "[" + i + "]", java.get(i), botocore.asArray().get(i), memberSkeleton);
        }
    }

    private static boolean scalarEquals(Object java, JsonNode botocore) {
        if (java instanceof String text) {
            return botocore.isString() && botocore.asString().equals(text);
        }
        if (java instanceof Boolean flag) {
            return botocore.isBoolean() && botocore.asBoolean() == flag;
        }
        if (!botocore.isNumber()) {
            return false;
        }
        String number = botocore.asNumber();
        return switch (java) {
            case Float single -> Float.parseFloat(number) == single;
            case Double wide -> Double.parseDouble(number) == wide;
            case Number whole -> new BigDecimal(number).compareTo(new BigDecimal(whole.toString())) == 0;
            default -> false;
        };
    }

    private void differ(String path, Object java, Object botocore) {
        differences.add(path + ": the Java SDK read " + java + ", botocore " + botocore);
    }
}
