package dev.gureum.core.keypair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The SSH public key blob: encoding as ssh-keygen writes it, and refusal of anything not canonical. */
class SshPublicKeyTest {

    @Test
    void rsaBlobAndLineAreThoseOfSshKeygen() {
        String line = Fixtures.text("imported-rsa.pub").strip();
        SshPublicKey key = SshPublicKey.fromBlob(blobOf(line));
        assertEquals(KeyType.RSA, key.type());
        assertEquals(line, SshPublicKey.rsa(key.rsaKey()).openSshLine("imported"));
    }

    @Test
    void ed25519BlobAndLineAreThoseOfSshKeygen() {
        String line = Fixtures.text("imported-ed25519.pub").strip();
        SshPublicKey key = SshPublicKey.fromBlob(blobOf(line));
        assertEquals(KeyType.ED25519, key.type());
        assertEquals(line, key.openSshLine("ed"));
        assertEquals(line.substring(0, line.lastIndexOf(' ')), key.openSshLine(""));
    }

    @Test
    void refusesTruncatedTrailingNegativeAndForeignBlobs() {
        byte[] blob = blobOf(Fixtures.text("imported-ed25519.pub"));
        assertThrows(MalformedKeyException.class, () -> SshPublicKey.fromBlob(java.util.Arrays.copyOf(blob, blob.length - 1)));
        assertThrows(MalformedKeyException.class, () -> SshPublicKey.fromBlob(java.util.Arrays.copyOf(blob, blob.length + 1)));
        byte[] negative = new SshWriter().string("ssh-rsa").string(new byte[] {(byte) 0x81}).string(new byte[] {1}).toByteArray();
        assertThrows(MalformedKeyException.class, () -> SshPublicKey.fromBlob(negative));
        byte[] dsa = new SshWriter().string("ssh-dss").mpint(BigInteger.TEN).toByteArray();
        assertThrows(MalformedKeyException.class, () -> SshPublicKey.fromBlob(dsa));
        byte[] shortPoint = new SshWriter().string("ssh-ed25519").string(new byte[31]).toByteArray();
        assertThrows(MalformedKeyException.class, () -> SshPublicKey.fromBlob(shortPoint));
        byte[] padded = new SshWriter().string("ssh-rsa").string(new byte[] {0, 1, 0, 1})
                .mpint(BigInteger.ONE.shiftLeft(2047).setBit(0)).toByteArray();
        assertThrows(MalformedKeyException.class, () -> SshPublicKey.fromBlob(padded));
        assertThrows(MalformedKeyException.class, () -> SshPublicKey.fromBlob(new byte[] {0, 0, 0, 99}));
    }

    @Test
    void writesSshIntegersAsRfc4251Says() {
        // RFC 4251 section 5 examples: 0x80 needs a leading zero; zero is the empty string
        assertArrayEquals(new byte[] {0, 0, 0, 2, 0, (byte) 0x80}, new SshWriter().mpint(BigInteger.valueOf(0x80)).toByteArray());
        assertArrayEquals(new byte[] {0, 0, 0, 0}, new SshWriter().mpint(BigInteger.ZERO).toByteArray());
        assertArrayEquals(new byte[] {0, 0, 0, 8, 9, (byte) 0xa3, 0x78, (byte) 0xf9, (byte) 0xb2, (byte) 0xe3, 0x32, (byte) 0xa7},
                new SshWriter().mpint(new BigInteger("9a378f9b2e332a7", 16)).toByteArray());
    }

    private static byte[] blobOf(String line) {
        return Base64.getDecoder().decode(line.strip().split(" ")[1]);
    }
}
