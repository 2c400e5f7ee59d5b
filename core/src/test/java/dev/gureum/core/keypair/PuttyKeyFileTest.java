package dev.gureum.core.keypair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PPK version 2 against files puttygen wrote: the same keys must give the same file, MAC included. */
class PuttyKeyFileTest {

    @Test
    void macOfPuttygenFilesIsReproduced() {
        for (String name : List.of("puttygen-rsa.ppk", "puttygen-ed25519.ppk")) {
            Parsed file = Parsed.of(Fixtures.text(name));
            assertEquals(file.mac(), PuttyKeyFile.mac(file.algorithm(), "none", file.comment(), file.publicBlob(),
                    file.privateBlob()), name);
        }
    }

    @Test
    void rsaFileIsWhatPuttygenWrites() throws GeneralSecurityException {
        String puttygen = Fixtures.text("puttygen-rsa.ppk");
        Parsed file = Parsed.of(puttygen);
        SshPublicKey publicKey = SshPublicKey.fromBlob(file.publicBlob());
        SshReader secret = new SshReader(file.privateBlob());
        BigInteger d = secret.positiveMpint();
        BigInteger p = secret.positiveMpint();
        BigInteger q = secret.positiveMpint();
        BigInteger qInverse = secret.positiveMpint();
        BigInteger n = publicKey.rsaKey().getModulus();
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
                n, publicKey.rsaKey().getPublicExponent(), d, p, q, d.mod(p.subtract(BigInteger.ONE)),
                d.mod(q.subtract(BigInteger.ONE)), qInverse));
        assertEquals(puttygen, PuttyKeyFile.rsa(publicKey, key, "putty-rsa"));
    }

    @Test
    void ed25519FileIsWhatPuttygenWrites() {
        String puttygen = Fixtures.text("puttygen-ed25519.ppk");
        Parsed file = Parsed.of(puttygen);
        byte[] seed = new SshReader(file.privateBlob()).bytes();
        byte[] point = pointOf(file.publicBlob());
        assertEquals(puttygen, PuttyKeyFile.ed25519(new Ed25519Keys(seed, point), "putty-ed"));
    }

    @Test
    void generatedFilesCarryTheirPublicKeyAndAValidMac() {
        for (KeyType type : KeyType.values()) {
            GeneratedKey key = GeneratedKey.generate(type, KeyFormat.PPK, "dev");
            Parsed file = Parsed.of(key.privateKeyMaterial());
            assertEquals(type.sshName(), file.algorithm());
            assertEquals("dev", file.comment());
            assertArrayEquals(key.publicKey().blob(), file.publicBlob());
            assertEquals(file.mac(), PuttyKeyFile.mac(file.algorithm(), "none", "dev", file.publicBlob(), file.privateBlob()));
        }
    }

    private static byte[] pointOf(byte[] publicBlob) {
        SshReader reader = new SshReader(publicBlob);
        reader.string();
        return reader.bytes();
    }

    /** An unencrypted version 2 PPK file, its header lines checked in order as they are read. */
    record Parsed(String algorithm, String comment, byte[] publicBlob, byte[] privateBlob, String mac) {
        static Parsed of(String text) {
            List<String> lines = text.lines().toList();
            int line = 0;
            String algorithm = value(lines.get(line++), "PuTTY-User-Key-File-2");
            assertEquals("none", value(lines.get(line++), "Encryption"));
            String comment = value(lines.get(line++), "Comment");
            int publicLines = Integer.parseInt(value(lines.get(line++), "Public-Lines"));
            byte[] publicBlob = Pem.decodeBase64(String.join("", lines.subList(line, line + publicLines)));
            line += publicLines;
            int privateLines = Integer.parseInt(value(lines.get(line++), "Private-Lines"));
            byte[] privateBlob = Pem.decodeBase64(String.join("", lines.subList(line, line + privateLines)));
            line += privateLines;
            String mac = value(lines.get(line++), "Private-MAC");
            assertEquals(lines.size(), line, "nothing follows the MAC");
            return new Parsed(algorithm, comment, publicBlob, privateBlob, mac);
        }

        private static String value(String line, String header) {
            assertEquals(header + ": ", line.substring(0, Math.min(line.length(), header.length() + 2)), line);
            return line.substring(header.length() + 2);
        }
    }
}
