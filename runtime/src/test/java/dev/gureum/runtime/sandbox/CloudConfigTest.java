package dev.gureum.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudConfigTest {
    @TempDir
    Path seed;

    @Test
    void writeFilesReadsCloudInitsEncodingsModesOwnersAndFlags() {
        CloudConfig config = CloudConfig.parse("""
                #cloud-config
                write_files:
                  - path: /etc/plain
                    content: hello
                  - path: /etc/octal
                    content: aGk=
                    encoding: b64
                    permissions: 0600
                    owner: ec2-user:ec2-user
                  - path: /etc/string-mode
                    encoding: base64
                    content: aGk=
                    permissions: '0755'
                    append: true
                    defer: true
                """);
        List<CloudConfig.WriteFile> files = config.writeFiles();
        assertEquals(3, files.size());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), files.get(0).content());
        assertNull(files.get(0).permissions());
        assertEquals("root:root", files.get(0).owner());
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), files.get(1).content());
        assertEquals(0600, files.get(1).permissions(), "YAML 1.1 reads 0600 as octal, as cloud-init's PyYAML does");
        assertEquals("ec2-user:ec2-user", files.get(1).owner());
        assertEquals(0755, files.get(2).permissions());
        assertTrue(files.get(2).append());
        assertTrue(files.get(2).defer());
        assertEquals(List.of(), config.notes());
    }

    @Test
    void gzippedContentIsUnpacked() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write(new byte[] {0, 1, 2, (byte) 0xff});
        }
        String b64 = Base64.getEncoder().encodeToString(packed.toByteArray());
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff}, CloudConfig.content(b64, "gz+b64"));
    }

    @Test
    void badEntriesAreSkippedWithANoteAndTheRestKept() {
        CloudConfig config = CloudConfig.parse("""
                #cloud-config
                packages: [nginx]
                package_update: true
                frobnicate: 1
                write_files:
                  - content: no path
                  - path: /bad-mode
                    permissions: '0999'
                  - path: /bad-encoding
                    encoding: rot13
                    content: uryyb
                  - path: /good
                runcmd:
                  - {not: a command}
                  - echo ok
                """);
        assertEquals(List.of("/good"), config.writeFiles().stream().map(CloudConfig.WriteFile::path).toList());
        assertEquals(List.of(new CloudConfig.Command("echo ok", null)), config.runcmd());
        assertEquals(List.of("packages is not supported: the sandbox uses no package manager",
                "package_update is not supported: the sandbox uses no package manager",
                "unknown key frobnicate ignored",
                "write_files entry without a path skipped",
                "write_files entry /bad-mode skipped: permissions 0999 is not an octal mode",
                "write_files entry /bad-encoding skipped: unknown encoding rot13",
                "runcmd entry {not=a command} is neither a string nor a list; skipped"), config.notes());
    }

    @Test
    void malformedYamlAndNonMappingsAreRefused() {
        var invalid = assertThrows(CloudConfig.InvalidCloudConfig.class,
                () -> CloudConfig.parse("#cloud-config\nruncmd: [unclosed\n"));
        assertTrue(invalid.getMessage().startsWith("not valid YAML: "), invalid.getMessage());
        assertThrows(CloudConfig.InvalidCloudConfig.class, () -> CloudConfig.parse("#cloud-config\n- a\n- b\n"));
        assertEquals(List.of(), CloudConfig.parse("#cloud-config\n").notes());
    }

    @Test
    void commandsKeepShellLinesAndQuoteArgvWordByWord() {
        CloudConfig config = CloudConfig.parse("""
                #cloud-config
                runcmd:
                  - echo "$HOME" > /tmp/home
                  - [touch, "/tmp/it's $(here)"]
                """);
        assertEquals("#!/bin/sh\necho \"$HOME\" > /tmp/home\n'touch' '/tmp/it'\\''s $(here)'\n",
                CloudConfigScript.commandScript(config.runcmd()));
    }

    @Test
    void theInstanceScriptWritesFilesFromSeedCopiesQuotedInCloudInitsOrder() {
        CloudConfig config = CloudConfig.parse("""
                #cloud-config
                write_files:
                  - path: /late
                    defer: true
                  - path: "/tmp/a b'; reboot #"
                    permissions: 0640
                    owner: "x'y"
                    append: true
                runcmd: [date]
                final_message: done
                """);
        String script = CloudConfigScript.instanceScript(config);
        assertTrue(script.startsWith("#!/.gureum/busybox sh\n"), script);
        assertTrue(script.contains("say 'unknown key final_message ignored'\n"), script);
        assertTrue(script.contains("f='/tmp/a b'\\''; reboot #'\n"), script);
        assertTrue(script.contains("$B cat /.gureum/cloud-config/file-1 >> \"$f\" && $B chown 'x'\\''y' \"$f\""
                + " && $B chmod 640 \"$f\""), script);
        assertTrue(script.contains("$B cat /.gureum/cloud-config/file-0 > \"$f\" && $B chown 'root:root' \"$f\""
                + " && $B chmod 644 \"$f\""), script);
        assertTrue(script.indexOf("file-1") < script.indexOf("file-0"), "deferred files are written last");
        assertTrue(script.indexOf("file-0") < script.indexOf("runcmd"), "runcmd runs after every file is written");
    }

    @Test
    void theSeedHoldsTheScriptsAndTheFileContentsAsTheyAre() throws IOException {
        String userData = """
                #cloud-config
                bootcmd: [echo boot]
                ssh_authorized_keys: ["ssh-ed25519 AAAA extra"]
                write_files:
                  - path: /x
                    content: !!binary AAEC
                runcmd: [echo run]
                """;
        assertNull(InstanceSeed.userData(seed, userData.getBytes(StandardCharsets.UTF_8)));
        assertEquals("#!/bin/sh\necho boot\n", Files.readString(seed.resolve("cloud-config/bootcmd")));
        assertEquals("#!/bin/sh\necho run\n", Files.readString(seed.resolve("cloud-config/runcmd")));
        assertEquals("ssh-ed25519 AAAA extra\n", Files.readString(seed.resolve("cloud-config/authorized_keys")));
        assertArrayEquals(new byte[] {0, 1, 2}, Files.readAllBytes(seed.resolve("cloud-config/file-0")));
        assertTrue(Files.readString(seed.resolve("user-data")).startsWith("#!/.gureum/busybox sh\n"));
    }

    @Test
    void otherUserDataIsNotRunAndSaysWhy() throws IOException {
        String note = InstanceSeed.userData(seed, "Content-Type: multipart/mixed\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(note.startsWith("user data is neither a #! script nor #cloud-config"), note);
        String invalid = InstanceSeed.userData(seed, "#cloud-config\nruncmd: [\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(invalid.startsWith("cloud-config user data is not valid YAML: "), invalid);
        assertTrue(invalid.endsWith("; not run"), invalid);
        assertEquals(List.of(), Files.list(seed).toList(), "nothing of either is put in the seed");
    }

    @Test
    void gzippedUserDataIsUnpackedFirst() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
        }
        assertNull(InstanceSeed.userData(seed, packed.toByteArray()));
        assertEquals("#!/bin/sh\necho hi\n", Files.readString(seed.resolve("user-data")));
    }
}
