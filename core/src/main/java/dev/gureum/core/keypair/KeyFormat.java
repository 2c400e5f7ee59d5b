package dev.gureum.core.keypair;

import dev.gureum.core.error.Ec2Error;

/** How CreateKeyPair returns the private key: PEM for OpenSSH (the default) or PPK for PuTTY. */
public enum KeyFormat {
    PEM("pem"),
    PPK("ppk");

    private final String wireName;

    KeyFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The format named by a request; EC2's default (pem) when none is given. */
    public static KeyFormat fromWireName(String name) {
        if (name == null) {
            return PEM;
        }
        for (KeyFormat format : values()) {
            if (format.wireName.equals(name)) {
                return format;
            }
        }
        throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + name
                + ") for parameter keyFormat is invalid. Valid values are: pem, ppk.");
    }
}
