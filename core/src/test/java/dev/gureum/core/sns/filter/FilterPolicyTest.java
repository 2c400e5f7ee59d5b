package dev.gureum.core.sns.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.sns.MessageAttribute;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SNS's filter policy language on message attributes and on message bodies, and its validation limits. */
class FilterPolicyTest {

    private static boolean attributes(String policy, Map<String, MessageAttribute> attributes) {
        return FilterPolicy.parse(policy, FilterScope.MESSAGE_ATTRIBUTES, "Invalid parameter: ").matches(attributes, "x");
    }

    private static boolean body(String policy, String body) {
        return FilterPolicy.parse(policy, FilterScope.MESSAGE_BODY, "Invalid parameter: ").matches(Map.of(), body);
    }

    private static Map<String, MessageAttribute> store(String name, String value) {
        return Map.of(name, MessageAttribute.string(value));
    }

    @Test
    void exactStringsAreCaseSensitiveAndValuesOfAKeyAreOred() {
        String policy = "{\"store\":[\"example_corp\",\"other\"]}";
        assertTrue(attributes(policy, store("store", "example_corp")));
        assertTrue(attributes(policy, store("store", "other")));
        assertFalse(attributes(policy, store("store", "Example_Corp")));
        assertFalse(attributes(policy, Map.of()), "an absent attribute never matches a value");
    }

    @Test
    void keysAreAnded() {
        String policy = "{\"store\":[\"a\"],\"event\":[\"order_placed\"]}";
        assertTrue(attributes(policy, Map.of("store", MessageAttribute.string("a"),
                "event", MessageAttribute.string("order_placed"))));
        assertFalse(attributes(policy, store("store", "a")));
    }

    @Test
    void numbersMatchNumberAttributesExactlyAndByRange() {
        assertTrue(attributes("{\"price\":[100]}", Map.of("price", MessageAttribute.number("100.000"))));
        assertFalse(attributes("{\"price\":[100]}", Map.of("price", MessageAttribute.string("100"))),
                "a number in the policy does not match a String attribute");
        String range = "{\"price\":[{\"numeric\":[\">\",0,\"<=\",150]}]}";
        assertTrue(attributes(range, Map.of("price", MessageAttribute.number("150"))));
        assertTrue(attributes(range, Map.of("price", MessageAttribute.number("0.00001"))));
        assertFalse(attributes(range, Map.of("price", MessageAttribute.number("0"))));
        assertFalse(attributes(range, Map.of("price", MessageAttribute.number("150.5"))));
        assertTrue(attributes("{\"p\":[{\"numeric\":[\"=\",3.5]}]}", Map.of("p", MessageAttribute.number("3.50"))));
    }

    @Test
    void prefixSuffixEqualsIgnoreCaseAndAnythingBut() {
        assertTrue(attributes("{\"s\":[{\"prefix\":\"bas\"}]}", store("s", "basketball")));
        assertFalse(attributes("{\"s\":[{\"prefix\":\"bas\"}]}", store("s", "rebase")));
        assertTrue(attributes("{\"s\":[{\"suffix\":\".png\"}]}", store("s", "image.png")));
        assertTrue(attributes("{\"s\":[{\"equals-ignore-case\":\"RED\"}]}", store("s", "rEd")));
        String anythingBut = "{\"s\":[{\"anything-but\":[\"rugby\",\"tennis\"]}]}";
        assertTrue(attributes(anythingBut, store("s", "football")));
        assertFalse(attributes(anythingBut, store("s", "rugby")));
        assertFalse(attributes(anythingBut, Map.of()), "anything-but needs the attribute to be there");
        assertFalse(attributes("{\"s\":[{\"anything-but\":{\"prefix\":\"order-\"}}]}", store("s", "order-1")));
        assertTrue(attributes("{\"s\":[{\"anything-but\":{\"prefix\":\"order-\"}}]}", store("s", "refund-1")));
        assertTrue(attributes("{\"n\":[{\"anything-but\":[100]}]}", Map.of("n", MessageAttribute.number("99"))));
        assertFalse(attributes("{\"n\":[{\"anything-but\":[100]}]}", Map.of("n", MessageAttribute.number("100"))));
    }

    @Test
    void existsAndCidr() {
        assertTrue(attributes("{\"s\":[{\"exists\":true}]}", store("s", "anything")));
        assertFalse(attributes("{\"s\":[{\"exists\":true}]}", Map.of()));
        assertTrue(attributes("{\"s\":[{\"exists\":false}]}", Map.of()));
        assertFalse(attributes("{\"s\":[{\"exists\":false}]}", store("s", "x")));
        String cidr = "{\"ip\":[{\"cidr\":\"10.0.0.0/24\"}]}";
        assertTrue(attributes(cidr, store("ip", "10.0.0.255")));
        assertFalse(attributes(cidr, store("ip", "10.0.1.0")));
        assertFalse(attributes(cidr, store("ip", "not-an-address")));
        assertTrue(attributes("{\"ip\":[{\"cidr\":\"2001:db8::/32\"}]}", store("ip", "2001:db8::1")));
    }

    @Test
    void stringArraysMatchWhenAnyElementDoesAndBinaryNeverTakesPart() {
        Map<String, MessageAttribute> sports = Map.of("sports",
                new MessageAttribute("String.Array", "[\"soccer\", 4, true]", null));
        assertTrue(attributes("{\"sports\":[\"soccer\"]}", sports));
        assertTrue(attributes("{\"sports\":[4]}", sports));
        assertFalse(attributes("{\"sports\":[\"rugby\"]}", sports));
        assertFalse(attributes("{\"b\":[\"AQID\"]}", Map.of("b", new MessageAttribute("Binary", null, "AQID"))));
    }

    @Test
    void orTakesAnyAlternative() {
        String policy = "{\"source\":[\"aws.cloudwatch\"],\"$or\":[{\"metricName\":[\"CPUUtilization\"]},"
                + "{\"namespace\":[\"AWS/EC2\"]}]}";
        assertTrue(attributes(policy, Map.of("source", MessageAttribute.string("aws.cloudwatch"),
                "namespace", MessageAttribute.string("AWS/EC2"))));
        assertFalse(attributes(policy, Map.of("source", MessageAttribute.string("aws.cloudwatch"),
                "namespace", MessageAttribute.string("AWS/EBS"))));
    }

    @Test
    void bodyPoliciesFollowNestedObjectsAndArrays() {
        String policy = "{\"detail\":{\"state\":[\"ALARM\"],\"instance\":{\"type\":[{\"prefix\":\"t3.\"}]}}}";
        assertTrue(body(policy, "{\"detail\":{\"state\":\"ALARM\",\"instance\":{\"type\":\"t3.micro\"}}}"));
        assertFalse(body(policy, "{\"detail\":{\"state\":\"OK\",\"instance\":{\"type\":\"t3.micro\"}}}"));
        assertTrue(body("{\"items\":{\"sku\":[\"b\"]}}", "{\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}"));
        assertTrue(body("{\"tags\":[\"red\"]}", "{\"tags\":[\"blue\",\"red\"]}"));
        assertTrue(body("{\"gone\":[null]}", "{\"gone\":null}"));
        assertTrue(body("{\"ok\":[true]}", "{\"ok\":true}"));
        assertFalse(body("{\"a\":[\"b\"]}", "not json"), "a body that is not JSON never passes a body policy");
    }

    @Test
    void limitsAndMalformedPoliciesAreInvalidParameterInSnsWording() {
        assertInvalid("Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys",
                "{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}", FilterScope.MESSAGE_ATTRIBUTES);
        // 3 values in a 3-deep key and 3 more in a 2-deep key and 3 at the top: 3·3 · 3·2 · 3·1 = 162 > 150
        assertInvalid("Invalid parameter: FilterPolicy: Filter policy is too complex",
                "{\"a\":{\"b\":{\"c\":[1,2,3]}},\"d\":{\"e\":[1,2,3]},\"f\":[1,2,3]}", FilterScope.MESSAGE_BODY);
        assertInvalid("Invalid parameter: FilterPolicy: Filter policy scope MessageAttributes does not support nested"
                + " filter policy", "{\"a\":{\"b\":[\"c\"]}}", FilterScope.MESSAGE_ATTRIBUTES);
        assertInvalid("Invalid parameter: FilterPolicy: \"a\" must be an object or an array", "{\"a\":\"b\"}",
                FilterScope.MESSAGE_ATTRIBUTES);
        assertInvalid("Invalid parameter: FilterPolicy: Unrecognized match type wildcard",
                "{\"a\":[{\"wildcard\":\"x*\"}]}", FilterScope.MESSAGE_ATTRIBUTES);
        assertInvalid("Invalid parameter: FilterPolicy: Bottom must be less than top",
                "{\"a\":[{\"numeric\":[\">\",10,\"<\",5]}]}", FilterScope.MESSAGE_ATTRIBUTES);
        assertInvalid("Invalid parameter: FilterPolicy: Match value must be between -1000000000 and 1000000000",
                "{\"a\":[1000000001]}", FilterScope.MESSAGE_ATTRIBUTES);
        assertInvalid("Invalid parameter: FilterPolicy: Malformed CIDR, one '/' required",
                "{\"a\":[{\"cidr\":\"10.0.0.0\"}]}", FilterScope.MESSAGE_ATTRIBUTES);
        assertInvalid("Invalid parameter: FilterPolicy: failed to parse JSON.", "{\"a\":", FilterScope.MESSAGE_ATTRIBUTES);
        assertEquals(5, FilterPolicyParser.MAX_KEYS);
    }

    private static void assertInvalid(String message, String policy, FilterScope scope) {
        CloudException error = assertThrows(CloudException.class,
                () -> FilterPolicy.parse(policy, scope, "Invalid parameter: "));
        assertEquals("InvalidParameter", error.code().code());
        assertEquals(message, error.getMessage());
    }
}
