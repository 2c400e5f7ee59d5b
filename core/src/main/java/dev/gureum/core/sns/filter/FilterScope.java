package dev.gureum.core.sns.filter;

/** What a subscription's filter policy is applied to ({@code FilterPolicyScope}); message attributes by default. */
public enum FilterScope {
    MESSAGE_ATTRIBUTES("MessageAttributes"),
    MESSAGE_BODY("MessageBody");

    private final String wireName;

    FilterScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The scope SNS names so, or null for any other text. */
    public static FilterScope ofWireName(String name) {
        for (FilterScope scope : values()) {
            if (scope.wireName.equals(name)) {
                return scope;
            }
        }
        return null;
    }
}
