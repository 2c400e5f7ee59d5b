package dev.gureum.core.share;

import dev.gureum.core.error.Ec2Error;

/** Account ids as owners and permissions name them: 12 digits, else InvalidUserID.Malformed. */
public final class UserIds {
    private UserIds() {
    }

    public static String requireAccountId(String value) {
        if (value == null || value.length() != 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw Ec2Error.INVALID_USER_ID_MALFORMED.exception("User ID '" + value + "' is invalid");
        }
        return value;
    }
}
