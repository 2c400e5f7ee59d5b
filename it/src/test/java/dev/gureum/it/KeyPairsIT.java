package dev.gureum.it;

import static dev.gureum.it.KeyTools.opensslDigest;
import static dev.gureum.it.KeyTools.privateKeyFile;
import static dev.gureum.it.KeyTools.puttyMac;
import static dev.gureum.it.KeyTools.run;
import static dev.gureum.it.KeyTools.shell;
import static dev.gureum.it.KeyTools.sshKeygenSha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.KeyFormat;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.KeyType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * Key pairs through the real SDK and the real aws CLI, checked with the real tools: every private key
 * EC2-style creation hands out must load in ssh-keygen (or, for ppk, carry a valid PuTTY MAC), and every
 * fingerprint must equal what the EC2 User Guide's own openssl and ssh-keygen commands print.
 */
class KeyPairsIT {
    private static final String OTHER_ACCOUNT = "111111111111";

    private static GureumProcess server;
    private static Ec2Client ec2;
    private static Ec2Client otherAccount;
    private static AwsCli aws;

    @TempDir
    static Path files;

    private final List<Runnable> cleanups = new ArrayList<>();

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")) && Files.isExecutable(Path.of("/usr/bin/openssl")),
                "ssh-keygen and openssl are the reference for key formats and fingerprints");
        server = GureumProcess.start("--auth", "any");
        ec2 = Clients.ec2(server.endpoint());
        otherAccount = Clients.ec2(server.endpoint(), Region.US_EAST_1, OTHER_ACCOUNT, "secret");
        aws = new AwsCli(server.endpoint());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            ec2.close();
            otherAccount.close();
            server.close();
        }
    }

    @AfterEach
    void cleanUp() {
        cleanups.forEach(Runnable::run);
    }

    @Test
    void sdkCreatedPrivateKeysLoadInSshKeygenAndMatchTheirFingerprints() {
        for (KeyType type : List.of(KeyType.RSA, KeyType.ED25519)) {
            String name = "sdk-" + type;
            CreateKeyPairResponse created = create(ec2, name, request -> request.keyType(type));
            assertTrue(created.keyPairId().matches("key-[0-9a-f]{17}"), created.keyPairId());
            Path pem = privateKeyFile(files.resolve(name + ".pem"), created.keyMaterial());
            assertEquals(withoutComment(describePublicKey(ec2, name)), withoutComment(run("ssh-keygen", "-y", "-f", pem.toString())));
            String expected = type == KeyType.RSA
                    // EC2 User Guide: the fingerprint of an RSA key pair created by EC2
                    ? opensslDigest(shell("openssl pkcs8 -in '" + pem + "' -inform PEM -outform DER -topk8 -nocrypt | openssl sha1 -c"))
                    : sshKeygenSha256(pem) + "=";
            assertEquals(expected, created.keyFingerprint(), name);
        }
        assertNull(describe(ec2, "sdk-rsa").publicKey(), "PublicKey only when asked for");
    }

    @Test
    void cliCreatedPrivateKeysLoadInSshKeygen() {
        assumeTrue(AwsCli.installed(), "the aws CLI is not installed at /usr/bin/aws");
        List<String> privateKeys = new ArrayList<>();
        for (String type : List.of("ed25519", "rsa")) {
            String name = "cli-" + type;
            AwsCli.Result created = aws.run("ec2", "create-key-pair", "--key-name", name, "--key-type", type,
                    "--query", "KeyMaterial", "--output", "text");
            assertTrue(created.ok(), created.stderr());
            cleanups.add(() -> ec2.deleteKeyPair(request -> request.keyName(name)));
            privateKeys.add(run("ssh-keygen", "-y", "-f", privateKeyFile(files.resolve(name + ".pem"), created.stdout()).toString()));
        }
        AwsCli.Result described = aws.run("ec2", "describe-key-pairs", "--filters", "Name=key-name,Values=cli-*",
                "--include-public-key", "--query", "KeyPairs[].[KeyName,PublicKey]", "--output", "text");
        assertTrue(described.ok(), described.stderr());
        List<String> rows = described.stdout().strip().lines().toList();
        assertEquals(2, rows.size(), described.stdout());
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i).split("\t");
            assertEquals(List.of("cli-ed25519", "cli-rsa").get(i), row[0]);
            assertTrue(row[1].endsWith(" " + row[0]), "the key name is the comment: " + row[1]);
            assertEquals(withoutComment(row[1]), withoutComment(privateKeys.get(i)));
        }
    }

    @Test
    void ppkKeysCarryTheirPublicKeyAndAValidMac() {
        for (KeyType type : List.of(KeyType.RSA, KeyType.ED25519)) {
            String name = "ppk-" + type;
            CreateKeyPairResponse created = create(ec2, name, request -> request.keyType(type).keyFormat(KeyFormat.PPK));
            List<String> lines = created.keyMaterial().lines().toList();
            String algorithm = type == KeyType.RSA ? "ssh-rsa" : "ssh-ed25519";
            assertEquals("PuTTY-User-Key-File-2: " + algorithm, lines.get(0));
            assertEquals("Encryption: none", lines.get(1));
            String comment = header(lines.get(2), "Comment");
            int publicLines = Integer.parseInt(header(lines.get(3), "Public-Lines"));
            byte[] publicBlob = Base64.getDecoder().decode(String.join("", lines.subList(4, 4 + publicLines)));
            int privateLines = Integer.parseInt(header(lines.get(4 + publicLines), "Private-Lines"));
            int privateStart = 5 + publicLines;
            byte[] privateBlob = Base64.getDecoder().decode(String.join("", lines.subList(privateStart, privateStart + privateLines)));
            assertEquals(lines.size(), privateStart + privateLines + 1);
            assertEquals(puttyMac(algorithm, comment, publicBlob, privateBlob),
                    header(lines.get(privateStart + privateLines), "Private-MAC"));
            assertEquals(withoutComment(describePublicKey(ec2, name)),
                    algorithm + " " + Base64.getEncoder().encodeToString(publicBlob));
            if (Files.isExecutable(Path.of("/usr/bin/puttygen"))) {
                Path ppk = privateKeyFile(files.resolve(name + ".ppk"), created.keyMaterial());
                assertEquals(withoutComment(describePublicKey(ec2, name)),
                        withoutComment(run("puttygen", ppk.toString(), "-O", "public-openssh")));
            }
        }
    }

    @Test
    void importsSshKeygenKeysWithTheFingerprintsEc2Documents() {
        for (List<String> kind : List.of(List.of("rsa", "2048"), List.of("rsa", "4096"), List.of("ed25519", "256"))) {
            String name = "imported-" + kind.get(0) + "-" + kind.get(1);
            Path key = files.resolve(name);
            run("ssh-keygen", "-q", "-t", kind.get(0), "-b", kind.get(1), "-N", "", "-C", "me@laptop", "-f", key.toString());
            Path publicKeyFile = files.resolve(name + ".pub");
            ImportKeyPairResponse imported = ec2.importKeyPair(request -> request.keyName(name)
                    .publicKeyMaterial(SdkBytes.fromByteArray(read(publicKeyFile))));
            cleanups.add(() -> ec2.deleteKeyPair(request -> request.keyName(name)));
            String expected = kind.get(0).equals("rsa")
                    // EC2 User Guide: the fingerprint of an imported RSA public key made by OpenSSH 7.8 or later
                    ? opensslDigest(shell("ssh-keygen -ef '" + key + "' -m PEM | openssl rsa -RSAPublicKey_in -outform DER | openssl md5 -c"))
                    : sshKeygenSha256(key) + "=";
            assertEquals(expected, imported.keyFingerprint(), name);
            assertEquals(withoutComment(new String(read(publicKeyFile), StandardCharsets.US_ASCII).strip()),
                    withoutComment(describePublicKey(ec2, name)));
        }
    }

    @Test
    void cliImportsAPublicKeyFile() {
        assumeTrue(AwsCli.installed(), "the aws CLI is not installed at /usr/bin/aws");
        Path key = files.resolve("cli-import");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        AwsCli.Result imported = aws.run("ec2", "import-key-pair", "--key-name", "cli-import",
                "--public-key-material", "fileb://" + key + ".pub", "--query", "KeyFingerprint", "--output", "text");
        assertTrue(imported.ok(), imported.stderr());
        cleanups.add(() -> ec2.deleteKeyPair(request -> request.keyName("cli-import")));
        assertEquals(sshKeygenSha256(key) + "=", imported.stdout().strip());
    }

    @Test
    void refusesJunkDuplicatesAndForeignTagTypes() {
        assertError("InvalidKey.Format", "Key is not in valid OpenSSH public key format",
                () -> ec2.importKeyPair(request -> request.keyName("junk").publicKeyMaterial(SdkBytes.fromUtf8String("junk"))));
        Path ecdsa = files.resolve("ecdsa");
        run("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", ecdsa.toString());
        assertError("InvalidKey.Format", "Key is not in valid OpenSSH public key format", () -> ec2.importKeyPair(
                request -> request.keyName("ecdsa").publicKeyMaterial(SdkBytes.fromByteArray(read(files.resolve("ecdsa.pub"))))));
        create(ec2, "twice", request -> { });
        assertError("InvalidKeyPair.Duplicate", "The keypair 'twice' already exists.",
                () -> ec2.createKeyPair(request -> request.keyName("twice").keyType(KeyType.ED25519)));
        assertError("InvalidParameterValue", null, () -> ec2.createKeyPair(request -> request.keyName("tagged")
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(Tag.builder().key("k").value("v").build()).build())));
        assertError("DryRunOperation", null, () -> ec2.createKeyPair(request -> request.keyName("dry").dryRun(true)));
        assertError("InvalidKeyPair.NotFound", "The key pair 'dry' does not exist",
                () -> ec2.describeKeyPairs(request -> request.keyNames("dry")));
    }

    @Test
    void accountsAndRegionsSeeOnlyTheirOwnKeyPairs() {
        CreateKeyPairResponse mine = create(ec2, "shared-name", request -> { });
        assertTrue(otherAccount.describeKeyPairs().keyPairs().stream().noneMatch(info -> info.keyName().equals("shared-name")));
        assertError("InvalidKeyPair.NotFound", "The key pair 'shared-name' does not exist",
                () -> otherAccount.describeKeyPairs(request -> request.keyNames("shared-name")));
        assertError("InvalidKeyPair.NotFound", null,
                () -> otherAccount.deleteKeyPair(request -> request.keyPairId(mine.keyPairId())));
        CreateKeyPairResponse theirs = create(otherAccount, "shared-name", request -> request.keyType(KeyType.ED25519));
        otherAccount.deleteKeyPair(request -> request.keyName("shared-name"));
        assertEquals(mine.keyPairId(), describe(ec2, "shared-name").keyPairId());
        assertNotEquals(mine.keyPairId(), theirs.keyPairId());
        try (Ec2Client ireland = Clients.ec2(server.endpoint(), Region.EU_WEST_1, "test", "test")) {
            assertTrue(ireland.describeKeyPairs().keyPairs().stream().noneMatch(info -> info.keyName().equals("shared-name")));
        }
    }

    @Test
    void deletesByNameOrIdAndForgivesUnknownNames() {
        CreateKeyPairResponse byName = create(ec2, "delete-by-name", request -> { });
        CreateKeyPairResponse byId = create(ec2, "delete-by-id", request -> request.keyType(KeyType.ED25519));
        assertEquals(byName.keyPairId(), ec2.deleteKeyPair(request -> request.keyName("delete-by-name")).keyPairId());
        assertTrue(ec2.deleteKeyPair(request -> request.keyName("delete-by-name")).returnValue());
        assertNull(ec2.deleteKeyPair(request -> request.keyName("never-existed")).keyPairId());
        assertEquals(byId.keyPairId(), ec2.deleteKeyPair(request -> request.keyPairId(byId.keyPairId())).keyPairId());
        assertError("InvalidKeyPair.NotFound", "The key pair ID '" + byId.keyPairId() + "' does not exist",
                () -> ec2.deleteKeyPair(request -> request.keyPairId(byId.keyPairId())));
        assertTrue(ec2.describeKeyPairs().keyPairs().stream().noneMatch(info -> info.keyName().startsWith("delete-by-")));
    }

    @Test
    void filtersTagsAndCreateTime() {
        Instant before = Instant.now().minus(Duration.ofSeconds(5));
        CreateKeyPairResponse production = create(ec2, "filter-prod", request -> request.tagSpecifications(
                TagSpecification.builder().resourceType(ResourceType.KEY_PAIR)
                        .tags(Tag.builder().key("env").value("prod").build()).build()));
        CreateKeyPairResponse development = create(ec2, "filter-dev", request -> request.keyType(KeyType.ED25519)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.KEY_PAIR)
                        .tags(Tag.builder().key("env").value("dev").build(), Tag.builder().key("team").build()).build()));
        assertEquals(List.of(Tag.builder().key("env").value("prod").build()), production.tags());
        assertEquals(List.of("filter-prod"), names(Filter.builder().name("tag:env").values("pr*").build()));
        assertEquals(List.of("filter-dev"), names(Filter.builder().name("tag-key").values("team").build()));
        assertEquals(List.of("filter-dev"), names(Filter.builder().name("key-type").values("ed25519").build()));
        assertEquals(List.of("filter-prod"), names(Filter.builder().name("fingerprint").values(production.keyFingerprint()).build()));
        assertEquals(List.of("filter-dev", "filter-prod"), names(Filter.builder().name("key-name").values("filter-*").build()));
        assertEquals(List.of("filter-dev"), names(Filter.builder().name("key-pair-id").values(development.keyPairId()).build()));
        assertError("InvalidParameterValue", null,
                () -> ec2.describeKeyPairs(request -> request.filters(Filter.builder().name("bogus").values("x").build())));
        ec2.createTags(request -> request.resources(development.keyPairId()).tags(Tag.builder().key("owner").value("me").build()));
        assertEquals(List.of("filter-dev"), names(Filter.builder().name("tag:owner").values("me").build()));
        KeyPairInfo described = describe(ec2, "filter-prod");
        assertEquals("rsa", described.keyTypeAsString());
        assertEquals(List.of(Tag.builder().key("env").value("prod").build()), described.tags());
        assertNotNull(described.createTime());
        assertTrue(described.createTime().isAfter(before) && described.createTime().isBefore(Instant.now().plusSeconds(5)));
    }

    private CreateKeyPairResponse create(Ec2Client client, String name,
                                         java.util.function.Consumer<software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest.Builder> options) {
        CreateKeyPairResponse created = client.createKeyPair(request -> options.accept(request.keyName(name)));
        cleanups.add(() -> client.deleteKeyPair(request -> request.keyName(name)));
        return created;
    }

    private static List<String> names(Filter filter) {
        return ec2.describeKeyPairs(request -> request.filters(filter)).keyPairs().stream().map(KeyPairInfo::keyName).toList();
    }

    private static KeyPairInfo describe(Ec2Client client, String name) {
        List<KeyPairInfo> found = client.describeKeyPairs(request -> request.keyNames(name)).keyPairs();
        assertEquals(1, found.size());
        return found.get(0);
    }

    private static String describePublicKey(Ec2Client client, String name) {
        return client.describeKeyPairs(request -> request.keyNames(name).includePublicKey(true)).keyPairs().get(0).publicKey();
    }

    private static void assertError(String code, String message, Runnable call) {
        Ec2Exception error = assertThrows(Ec2Exception.class, call::run);
        assertEquals(code, error.awsErrorDetails().errorCode(), error.getMessage());
        if (message != null) {
            assertEquals(message, error.awsErrorDetails().errorMessage());
        }
    }

    /** {@code ssh-rsa AAAA…} without the comment that may follow. */
    private static String withoutComment(String line) {
        String[] fields = line.strip().split(" ");
        return fields[0] + " " + fields[1];
    }

    private static String header(String line, String name) {
        assertTrue(line.startsWith(name + ": "), line);
        return line.substring(name.length() + 2);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
