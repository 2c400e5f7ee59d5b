package dev.gureum.core.image;

import dev.gureum.core.error.Ec2Error;

/** Account ids as image owners and launch permissions name them: 12 digits, else InvalidUserID.Malformed. */
final class UserIds {
    private UserIds() {
    }

    static String requireAccountId(String value) {
        if (value == null || value.length() != 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw Ec2Error.INVALID_USER_ID_MALFORMED.exception("User ID '" + value + "' is invalid");
        }
        return value;
    }
}
