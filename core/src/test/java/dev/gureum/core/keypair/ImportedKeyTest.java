package dev.gureum.core.keypair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gureum.core.error.CloudException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ImportKeyPair's formats: every documented spelling of one key gives the same key and fingerprint. */
class ImportedKeyTest {
    private static final String IMPORTED_RSA_FINGERPRINT = "47:7b:5a:15:18:c3:77:a0:e6:df:d7:cd:ca:e0:6b:c0";

    @Test
    void readsOpenSshRfc4716AndDerSpellingsOfOneRsaKey() {
        byte[] expected = ImportedKey.parse(Fixtures.bytes("imported-rsa.pub")).publicKey().blob();
        String spki = Fixtures.text("imported-rsa-spki.pem");
        String bareDer = spki.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
        for (String spelling : List.of(Fixtures.text("imported-rsa.pub"), Fixtures.text("imported-rsa.rfc4716"), spki,
                bareDer, "  " + Fixtures.text("imported-rsa.pub").strip() + "\r\n")) {
            ImportedKey key = parse(spelling);
            assertArrayEquals(expected, key.publicKey().blob(), spelling);
            assertEquals(IMPORTED_RSA_FINGERPRINT, key.fingerprint(), spelling);
        }
    }

    @Test
    void readsAnRfc4716FileWithContinuedHeaders() {
        String base64 = Fixtures.text("imported-ed25519.pub").split(" ")[1];
        String file = "---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"a comment that \\\ncontinues: here\"\nx-note: n\n"
                + base64.substring(0, 40) + "\n" + base64.substring(40) + "\n---- END SSH2 PUBLIC KEY ----\n";
        assertEquals("sSIA1kXrmfGmrsV4s4clRtukcHnuHR59NzIGCCQQ9Aw=", parse(file).fingerprint());
    }

    @Test
    void acceptsAnOpenSshLineWithoutComment() {
        String line = Fixtures.text("imported-ed25519.pub");
        assertEquals(KeyType.ED25519, parse(line.substring(0, line.lastIndexOf(' '))).publicKey().type());
    }

    @Test
    void refusesWhatIsNotAnRsaOrEd25519PublicKey() {
        String rsaLine = Fixtures.text("imported-rsa.pub").strip();
        String ed25519Base64 = Fixtures.text("imported-ed25519.pub").split(" ")[1];
        for (String junk : List.of("", "hello", "ssh-rsa", "ssh-rsa !!!notbase64", Fixtures.text("ecdsa.pub"),
                Fixtures.text("created-rsa.pem"), "ssh-rsa " + ed25519Base64, rsaLine + "\n" + rsaLine,
                "ssh-dss AAAAB3NzaC1kc3MAAAA=", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAA",
                "---- BEGIN SSH2 PUBLIC KEY ----\nAAAA\n", "ssh-rsa " + ed25519Base64.substring(4))) {
            CloudException refused = assertThrows(CloudException.class, () -> parse(junk), junk);
            assertEquals("InvalidKey.Format", refused.code().code(), junk);
            assertEquals("Key is not in valid OpenSSH public key format", refused.getMessage(), junk);
        }
        CloudException notAscii = assertThrows(CloudException.class,
                () -> ImportedKey.parse("ssh-rsa AAAA é".getBytes(StandardCharsets.UTF_8)));
        assertEquals("InvalidKey.Format", notAscii.code().code());
    }

    @Test
    void acceptsRsaKeysOf1024To4096Bits() {
        for (int bits : List.of(1024, 2048, 3072, 4096)) {
            assertEquals(KeyType.RSA, parse(rsaLineOfBits(bits)).publicKey().type(), bits + " bits");
        }
        for (int bits : List.of(512, 1023, 4097, 8192)) {
            CloudException refused = assertThrows(CloudException.class, () -> parse(rsaLineOfBits(bits)));
            assertEquals("InvalidKey.Format", refused.code().code(), bits + " bits");
        }
    }

    /** A syntactically valid RSA public key whose modulus has exactly {@code bits} bits (not a real key). */
    private static String rsaLineOfBits(int bits) {
        BigInteger modulus = BigInteger.ONE.shiftLeft(bits - 1).setBit(0);
        RSAPublicKey key = SshPublicKey.rsaKey(BigInteger.valueOf(65537), modulus);
        return "ssh-rsa " + Base64.getEncoder().encodeToString(SshPublicKey.rsa(key).blob()) + " sized";
    }

    private static ImportedKey parse(String text) {
        return ImportedKey.parse(text.getBytes(StandardCharsets.US_ASCII));
    }
}
