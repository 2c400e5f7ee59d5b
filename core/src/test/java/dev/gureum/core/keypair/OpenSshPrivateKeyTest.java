package dev.gureum.core.keypair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The openssh-key-v1 format EC2 returns Ed25519 keys in, against a file ssh-keygen wrote. */
class OpenSshPrivateKeyTest {

    @Test
    void writesTheFileSshKeygenWrites() {
        String sshKeygen = Fixtures.text("imported-ed25519");
        Parsed parsed = Parsed.of(sshKeygen);
        assertEquals("ed", parsed.comment());
        assertEquals(sshKeygen, OpenSshPrivateKey.ed25519(new Ed25519Keys(parsed.seed(), parsed.point()), "ed", parsed.check()));
    }

    @Test
    void aGeneratedKeyHoldsAMatchingSeedAndPoint() throws GeneralSecurityException {
        Ed25519Keys keys = Ed25519Keys.generate();
        Parsed parsed = Parsed.of(OpenSshPrivateKey.ed25519(keys, "dev"));
        assertArrayEquals(keys.seed(), parsed.seed());
        assertArrayEquals(keys.point(), parsed.point());
        assertEquals("dev", parsed.comment());
        byte[] message = "gureum".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey(parsed.seed()));
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey(parsed.point()));
        verifier.update(message);
        assertTrue(verifier.verify(signature));
    }

    /** The fields of an unencrypted openssh-key-v1 file holding one Ed25519 key, checked as they are read
     * (the padding is left to the byte-for-byte comparison with ssh-keygen's file). */
    record Parsed(int check, byte[] seed, byte[] point, String comment) {
        static Parsed of(String pem) {
            byte[] file = Pem.decode(pem, "OPENSSH PRIVATE KEY");
            byte[] magic = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
            assertArrayEquals(magic, Arrays.copyOf(file, magic.length));
            SshReader reader = new SshReader(Arrays.copyOfRange(file, magic.length, file.length));
            assertEquals("none", reader.string(), "cipher");
            assertEquals("none", reader.string(), "kdf");
            assertEquals(0, reader.bytes().length, "kdf options");
            assertEquals(1, reader.uint32(), "number of keys");
            byte[] publicBlob = reader.bytes();
            SshReader section = new SshReader(reader.bytes());
            assertTrue(reader.atEnd());
            int check = section.uint32();
            assertEquals(check, section.uint32(), "check integers");
            assertEquals("ssh-ed25519", section.string());
            byte[] point = section.bytes();
            byte[] secret = section.bytes();
            String comment = section.string();
            assertArrayEquals(SshPublicKey.ed25519(point).blob(), publicBlob);
            assertArrayEquals(point, Arrays.copyOfRange(secret, 32, 64), "the secret ends with the public point");
            return new Parsed(check, Arrays.copyOf(secret, 32), point, comment);
        }
    }

    private static PrivateKey privateKey(byte[] seed) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    }

    /** RFC 8032 section 5.1.3: little-endian y, with the top bit of the last byte holding x's parity. */
    private static PublicKey publicKey(byte[] point) throws GeneralSecurityException {
        byte[] bigEndian = new byte[point.length];
        for (int i = 0; i < point.length; i++) {
            bigEndian[i] = point[point.length - 1 - i];
        }
        boolean xOdd = (bigEndian[0] & 0x80) != 0;
        bigEndian[0] &= 0x7f;
        return KeyFactory.getInstance("Ed25519").generatePublic(
                new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, bigEndian))));
    }
}
