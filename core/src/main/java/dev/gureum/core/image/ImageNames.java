package dev.gureum.core.image;

import dev.gureum.core.error.Ec2Error;

/**
 * EC2's AMI name rule: 3–128 characters of letters, digits, spaces and {@code ( ) [ ] . / - ' @ _}.
 * The refusal carries the message EC2 has answered with for years (it lists fewer characters than it
 * accepts).
 */
final class ImageNames {
    private static final String ALLOWED_PUNCTUATION = "()[] ./-'@_";

    private ImageNames() {
    }

    static void requireValid(String name) {
        if (name == null || name.length() < 3 || name.length() > 128 || !name.chars().allMatch(ImageNames::allowed)) {
            throw Ec2Error.INVALID_AMI_NAME_MALFORMED.exception("AMI names must be between 3 and 128 characters "
                    + "long, and may contain letters, numbers, '(', ')', '.', '-', '/' and '_'");
        }
    }

    private static boolean allowed(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || ALLOWED_PUNCTUATION.indexOf(c) >= 0;
    }
}
