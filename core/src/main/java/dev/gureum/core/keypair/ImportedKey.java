package dev.gureum.core.keypair;

import dev.gureum.core.error.Ec2Error;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;

/**
 * A public key given to ImportKeyPair and its EC2 fingerprint. The formats EC2 documents are read: an
 * OpenSSH line ({@code ssh-rsa AAAA… comment}, {@code ssh-ed25519 AAAA…}), an RFC 4716 SSH2 public key
 * file, and for RSA a DER SubjectPublicKeyInfo in base64, bare or PEM-armored. RSA keys must have 1024 to
 * 4096 bits. Anything else is {@code InvalidKey.Format}, worded as EC2 words it.
 */
record ImportedKey(SshPublicKey publicKey, String fingerprint) {
    static final int MINIMUM_RSA_BITS = 1024;
    static final int MAXIMUM_RSA_BITS = 4096;
    static final String FORMAT_MESSAGE = "Key is not in valid OpenSSH public key format";

    private static final String RFC4716_BEGIN = "---- BEGIN SSH2 PUBLIC KEY ----";
    private static final String RFC4716_END = "---- END SSH2 PUBLIC KEY ----";
    private static final String PEM_LABEL = "PUBLIC KEY";

    static ImportedKey parse(byte[] material) {
        SshPublicKey key;
        try {
            key = read(ascii(material).strip());
        } catch (MalformedKeyException e) {
            throw Ec2Error.INVALID_KEY_FORMAT.exception(FORMAT_MESSAGE);
        }
        return switch (key.type()) {
            case RSA -> new ImportedKey(key, Fingerprints.importedRsa(checkedLength(key.rsaKey())));
            case ED25519 -> new ImportedKey(key, Fingerprints.ed25519(key));
        };
    }

    private static SshPublicKey read(String text) {
        if (text.startsWith(RFC4716_BEGIN)) {
            return SshPublicKey.fromBlob(Pem.decodeBase64(rfc4716Body(text)));
        }
        if (text.startsWith("-----BEGIN " + PEM_LABEL + "-----")) {
            return SshPublicKey.rsa(subjectPublicKeyInfo(Pem.decode(text, PEM_LABEL)));
        }
        String[] fields = text.split("\\s+", 3);
        KeyType named = KeyType.fromSshName(fields[0]);
        if (named == null) {
            return SshPublicKey.rsa(subjectPublicKeyInfo(Pem.decodeBase64(text)));
        }
        if (fields.length < 2 || text.lines().count() != 1) {
            throw new MalformedKeyException("an OpenSSH public key is one line: type, base64 key, comment");
        }
        SshPublicKey key = SshPublicKey.fromBlob(Pem.decodeBase64(fields[1]));
        if (key.type() != named) {
            throw new MalformedKeyException("the line names " + named.sshName() + " but holds " + key.type().sshName());
        }
        return key;
    }

    /** RFC 4716 section 3: header lines hold a colon and continue while they end in a backslash. */
    private static String rfc4716Body(String text) {
        int end = text.indexOf(RFC4716_END);
        if (end < 0) {
            throw new MalformedKeyException("the SSH2 public key has no end line");
        }
        StringBuilder body = new StringBuilder();
        boolean continuedHeader = false;
        for (String line : text.substring(RFC4716_BEGIN.length(), end).strip().split("\\R")) {
            boolean header = continuedHeader || line.contains(":");
            continuedHeader = header && line.endsWith("\\");
            if (!header) {
                body.append(line.strip());
            }
        }
        return body.toString();
    }

    private static RSAPublicKey subjectPublicKeyInfo(byte[] der) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new MalformedKeyException("not an RSA SubjectPublicKeyInfo: " + e.getMessage());
        }
    }

    private static RSAPublicKey checkedLength(RSAPublicKey key) {
        int bits = key.getModulus().bitLength();
        if (bits < MINIMUM_RSA_BITS || bits > MAXIMUM_RSA_BITS) {
            throw Ec2Error.INVALID_KEY_FORMAT.exception(FORMAT_MESSAGE + ": RSA keys must have "
                    + MINIMUM_RSA_BITS + " to " + MAXIMUM_RSA_BITS + " bits, not " + bits + ".");
        }
        return key;
    }

    private static String ascii(byte[] material) {
        for (byte b : material) {
            if (b < 0) {
                throw Ec2Error.INVALID_KEY_FORMAT.exception(FORMAT_MESSAGE);
            }
        }
        return new String(material, StandardCharsets.US_ASCII);
    }
}
