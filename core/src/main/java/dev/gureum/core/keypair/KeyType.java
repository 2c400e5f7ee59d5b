package dev.gureum.core.keypair;

import dev.gureum.core.error.Ec2Error;

/** The key algorithms EC2 accepts, with their EC2 name and their SSH algorithm name. */
public enum KeyType {
    RSA("rsa", "ssh-rsa"),
    ED25519("ed25519", "ssh-ed25519");

    private final String wireName;
    private final String sshName;

    KeyType(String wireName, String sshName) {
        this.wireName = wireName;
        this.sshName = sshName;
    }

    public String wireName() {
        return wireName;
    }

    public String sshName() {
        return sshName;
    }

    /** The type named by a request; EC2's default (rsa) when none is given. */
    public static KeyType fromWireName(String name) {
        if (name == null) {
            return RSA;
        }
        for (KeyType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + name
                + ") for parameter keyType is invalid. Valid values are: rsa, ed25519.");
    }

    /** The type whose SSH algorithm name is {@code sshName}, or null. */
    static KeyType fromSshName(String sshName) {
        for (KeyType type : values()) {
            if (type.sshName.equals(sshName)) {
                return type;
            }
        }
        return null;
    }
}
