package dev.gureum.core.keypair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What CreateKeyPair hands out for each key type and format (the IT checks ssh-keygen accepts it). */
class GeneratedKeyTest {

    @Test
    void rsaPemIsPkcs1WithAnSha1Fingerprint() {
        GeneratedKey key = GeneratedKey.generate(KeyType.RSA, KeyFormat.PEM, "dev");
        assertTrue(key.privateKeyMaterial().startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
        assertTrue(key.privateKeyMaterial().endsWith("-----END RSA PRIVATE KEY-----\n"));
        assertTrue(key.fingerprint().matches("([0-9a-f]{2}:){19}[0-9a-f]{2}"), key.fingerprint());
        assertTrue(key.publicKey().openSshLine("dev").matches("ssh-rsa AAAAB3NzaC1yc2E[A-Za-z0-9+/=]+ dev"));
    }

    @Test
    void ed25519PemIsAnOpenSshKeyWithAnSha256Fingerprint() {
        GeneratedKey key = GeneratedKey.generate(KeyType.ED25519, KeyFormat.PEM, "dev");
        assertTrue(key.privateKeyMaterial().startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n"));
        assertTrue(key.fingerprint().matches("[A-Za-z0-9+/]{43}="), key.fingerprint());
        assertTrue(key.publicKey().openSshLine("dev").matches("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43} dev"));
    }

    @Test
    void ppkKeepsTheFingerprintRuleOfItsType() {
        assertTrue(GeneratedKey.generate(KeyType.RSA, KeyFormat.PPK, "dev").fingerprint().contains(":"));
        GeneratedKey ed25519 = GeneratedKey.generate(KeyType.ED25519, KeyFormat.PPK, "dev");
        assertEquals(Fingerprints.ed25519(ed25519.publicKey()), ed25519.fingerprint());
        assertTrue(ed25519.privateKeyMaterial().startsWith("PuTTY-User-Key-File-2: ssh-ed25519\n"));
    }
}
