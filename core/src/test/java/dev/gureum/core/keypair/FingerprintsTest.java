package dev.gureum.core.keypair;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each of EC2's three fingerprint rules against the answer of the command the EC2 User Guide gives for it. */
class FingerprintsTest {

    @Test
    void createdRsaIsSha1OfThePkcs8PrivateKey() {
        // openssl pkcs8 -in created-rsa.pem -inform PEM -outform DER -topk8 -nocrypt | openssl sha1 -c
        assertEquals("d4:3b:d9:58:7e:1b:39:9a:60:a9:e4:56:d2:db:52:74:6d:d5:20:8a",
                Fingerprints.createdRsa(Fixtures.createdRsaKey()));
    }

    @Test
    void importedRsaIsMd5OfTheSubjectPublicKeyInfo() {
        // ssh-keygen -ef imported-rsa.pub -m PEM | openssl rsa -RSAPublicKey_in -outform DER | openssl md5 -c
        assertEquals("47:7b:5a:15:18:c3:77:a0:e6:df:d7:cd:ca:e0:6b:c0",
                ImportedKey.parse(Fixtures.bytes("imported-rsa.pub")).fingerprint());
    }

    @Test
    void ed25519IsPaddedBase64OfTheSha256OfTheSshBlob() {
        // ssh-keygen -l -f imported-ed25519 prints SHA256:sSIA1kXrmfGmrsV4s4clRtukcHnuHR59NzIGCCQQ9Aw
        assertEquals("sSIA1kXrmfGmrsV4s4clRtukcHnuHR59NzIGCCQQ9Aw=",
                ImportedKey.parse(Fixtures.bytes("imported-ed25519.pub")).fingerprint());
    }

    @Test
    void aCreatedEd25519KeyHasTheSameFingerprintAsItsImport() {
        GeneratedKey created = GeneratedKey.generate(KeyType.ED25519, KeyFormat.PEM, "k");
        byte[] line = created.publicKey().openSshLine("k").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(created.fingerprint(), ImportedKey.parse(line).fingerprint());
    }
}
