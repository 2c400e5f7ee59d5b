package dev.gureum.core.network;

import dev.gureum.core.error.Ec2Error;
import java.util.Locale;

/**
 * EC2's rules for the words of a security group (CreateSecurityGroup and the rule descriptions of the
 * IpPermission types): names, group descriptions and rule descriptions are up to 255 ASCII characters
 * from {@code a-zA-Z0-9}, space and {@code ._-:/()#,@[]+=&;{}!$*}; a name may not look like a group id
 * ({@code sg-…}) and {@code default} is reserved for the group every VPC is made with. Names are unique
 * within a VPC regardless of case, so the claim that reserves one is keyed by its lower-case form.
 */
final class SecurityGroupNames {
    static final int MAXIMUM_LENGTH = 255;
    private static final String ALLOWED = "a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*";
    private static final String PUNCTUATION = " ._-:/()#,@[]+=&;{}!$*";

    private SecurityGroupNames() {
    }

    static void checkGroupName(String name) {
        checkGroupText(name, "GroupName", "Invalid security group name. Valid names are strings less than 256 "
                + "characters from the following set: " + ALLOWED);
        if (name.startsWith("sg-")) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + name
                    + ") for parameter GroupName is invalid. Group names may not be in the format sg-*.");
        }
        if (name.equalsIgnoreCase(SecurityGroup.DEFAULT_NAME)) {
            throw Ec2Error.INVALID_GROUP_RESERVED.exception("The security group '" + name + "' is reserved");
        }
    }

    static void checkGroupDescription(String description) {
        checkGroupText(description, "GroupDescription", "Invalid security group description. Valid descriptions "
                + "are strings less than 256 characters from the following set: " + ALLOWED);
    }

    /** A rule's description as stored: null when none was given (an empty one removes it). */
    static String ruleDescription(String description) {
        if (description == null || description.isEmpty()) {
            return null;
        }
        if (!isAllowed(description)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid rule description. Valid descriptions are "
                    + "strings less than 256 characters from the following set: " + ALLOWED);
        }
        return description;
    }

    /** The id of the claim that reserves a name in a VPC: {@code <vpc-id>/<name in lower case>}. */
    static String claimId(String vpcId, String name) {
        return vpcId + "/" + name.toLowerCase(Locale.ROOT);
    }

    private static void checkGroupText(String text, String parameter, String invalid) {
        if (text == null || text.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter " + parameter);
        }
        if (!text.chars().allMatch(c -> c < 0x80)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + text + ") for parameter " + parameter
                    + " is invalid. Character sets beyond ASCII are not supported.");
        }
        if (!isAllowed(text)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception(invalid);
        }
    }

    private static boolean isAllowed(String text) {
        return text.length() <= MAXIMUM_LENGTH && text.chars().allMatch(c -> c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || PUNCTUATION.indexOf(c) >= 0);
    }
}
