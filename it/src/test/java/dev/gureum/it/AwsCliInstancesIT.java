package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.waiters.Ec2Waiter;

/**
 * The instance operations through the real AWS CLI (Debian's awscli v2), typed as a user types them, and
 * the AWS error codes the CLI prints for the bad cases. The CLI checks some parameters itself (exit code
 * 252, "Missing required parameter"); only answers from the server (exit code 254) are asserted. Each test
 * makes its own resources under a unique name; setup that is not under test and every cleanup go through
 * the SDK, which costs milliseconds where a CLI process costs most of a second.
 */
class AwsCliInstancesIT {

    private static GureumProcess server;
    private static AwsCli aws;
    private static Ec2Client ec2;
    private static Ec2Waiter waiter;
    private static String debian;
    private final List<Runnable> cleanups = new ArrayList<>();
    @TempDir
    Path temporary;

    @BeforeAll
    static void start() {
        assumeTrue(AwsCli.installed(), "the aws CLI is not installed at /usr/bin/aws (./gureum test installs it as root)");
        server = GureumProcess.start();
        aws = new AwsCli(server.endpoint());
        ec2 = Clients.ec2(server.endpoint());
        waiter = ec2.waiter();
        debian = Ec2PlatformIT.debianImage(ec2);
    }

    @AfterEach
    void cleanUp() {
        cleanups.reversed().forEach(Runnable::run);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            waiter.close();
            ec2.close();
            server.close();
        }
    }

    @Test
    void createKeyPairPrintsAKeyThatSshKeygenAccepts() throws Exception {
        Path sshKeygen = Path.of("/usr/bin/ssh-keygen");
        assumeTrue(Files.isExecutable(sshKeygen), "ssh-keygen is not installed at /usr/bin/ssh-keygen");
        String name = unique("dev");
        String material = aws.text("ec2", "create-key-pair", "--key-name", name, "--query", "KeyMaterial");
        cleanups.add(() -> ec2.deleteKeyPair(r -> r.keyName(name)));
        Path pem = Files.createFile(temporary.resolve(name + ".pem"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(pem, material + "\n");
        Process keygen = new ProcessBuilder(sshKeygen.toString(), "-y", "-f", pem.toString()).redirectErrorStream(true).start();
        String publicKey = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keygen.waitFor(), publicKey);
        assertTrue(publicKey.startsWith("ssh-rsa AAAA"), publicKey);
    }

    /**
     * A Windows instance launched with an RSA key pair gets an Administrator password that only the key's holder
     * reads: GetPasswordData answers it encrypted (empty while the instance boots), the CLI's own waiter for it
     * passes, and openssl decrypts it with the private key; a Linux instance has none.
     */
    @Test
    void aWindowsInstancesPasswordIsReadWithItsPrivateKey() throws Exception {
        String key = unique("windows");
        Path pem = KeyTools.privateKeyFile(temporary.resolve(key + ".pem"), ec2.createKeyPair(r -> r.keyName(key)
                .keyType("rsa")).keyMaterial());
        cleanups.add(() -> ec2.deleteKeyPair(r -> r.keyName(key)));
        String windowsImage = ec2.describeImages(r -> r.owners("amazon").filters(f -> f.name("platform")
                .values("windows"))).images().get(0).imageId();
        String windows = ec2.runInstances(r -> r.imageId(windowsImage).instanceType("t3.medium").keyName(key)
                .minCount(1).maxCount(1)).instances().get(0).instanceId();
        String linux = launch(1, unique("linux-password")).getFirst();
        cleanups.add(() -> ec2.terminateInstances(r -> r.instanceIds(windows)));
        aws.text("ec2", "wait", "password-data-available", "--instance-id", windows);
        String data = aws.text("ec2", "get-password-data", "--instance-id", windows, "--query", "PasswordData");
        Path encrypted = temporary.resolve("password.bin");
        Files.write(encrypted, Base64.getDecoder().decode(data.strip()));
        String password = KeyTools.run("openssl", "pkeyutl", "-decrypt", "-inkey", pem.toString(), "-in",
                encrypted.toString(), "-pkeyopt", "rsa_padding_mode:pkcs1");
        assertTrue(password.strip().length() == 32, "a 32-character password: " + password);
        assertEquals("", ec2.getPasswordData(r -> r.instanceId(linux)).passwordData(), "a Linux instance has none");
        aws.assertServerError("InvalidInstanceID.NotFound", "ec2", "get-password-data", "--instance-id",
                "i-0123456789abcdef0");
    }

    @Test
    void instanceTypesAndImagesByWildcardFilters() {
        assertEquals("""
                m7i.12xlarge\tm7i.16xlarge\tm7i.24xlarge\tm7i.2xlarge\tm7i.48xlarge\tm7i.4xlarge\tm7i.8xlarge\t\
                m7i.large\tm7i.metal-24xl\tm7i.metal-48xl\tm7i.xlarge
                2\t8192""", aws.text("ec2", "describe-instance-types", "--filters", "Name=instance-type,Values=m7i.*",
                "--query", "[sort(InstanceTypes[].InstanceType), "
                        + "InstanceTypes[?InstanceType=='m7i.large'] | [0].[VCpuInfo.DefaultVCpus, MemoryInfo.SizeInMiB]]"));
        List<String> images = lines(aws.text("ec2", "describe-images", "--owners", "amazon",
                "--filters", "Name=name,Values=debian-12-*", "--query", "Images[].[Name, Architecture, State]"));
        assertTrue(images.stream().allMatch(image -> image.startsWith("debian-12-") && image.endsWith("\tavailable")),
                images.toString());
        assertEquals(List.of("arm64", "x86_64"), images.stream().map(image -> image.split("\t")[1]).distinct().sorted()
                .toList());
    }

    @Test
    void launchWaitStopStartTerminate() {
        String name = unique("web");
        String key = unique("dev");
        ec2.createKeyPair(r -> r.keyName(key));
        cleanups.add(() -> ec2.deleteKeyPair(r -> r.keyName(key)));
        List<String> reservation = lines(aws.text("ec2", "run-instances", "--image-id", debian, "--instance-type", "t3.micro",
                "--key-name", key, "--count", "3",
                "--tag-specifications", "ResourceType=instance,Tags=[{Key=Name,Value=" + name + "}]",
                "--query", "[ReservationId, Instances[].[InstanceId, State.Name, AmiLaunchIndex, KeyName, "
                        + "Tags[?Key=='Name'] | [0].Value]]"));
        List<String> instances = reservation.subList(1, reservation.size());
        List<String> ids = instances.stream().map(line -> line.split("\t")[0]).toList();
        cleanups.add(() -> ec2.terminateInstances(r -> r.instanceIds(ids)));
        assertTrue(reservation.getFirst().matches("r-[0-9a-f]{17}"), reservation.toString());
        assertEquals(IntStream.range(0, 3).mapToObj(index -> "pending\t" + index + "\t" + key + "\t" + name).toList(),
                instances.stream().map(line -> line.substring(line.indexOf('\t') + 1)).toList());

        assertWaitsOneRound("instance-running", ids);
        String first = ids.getFirst();
        assertEquals("running\tstopping", aws.text("ec2", "stop-instances", "--instance-ids", first,
                "--query", "StoppingInstances[].[PreviousState.Name, CurrentState.Name]"));
        assertEquals(sorted(ids.subList(1, 3)), sorted(words(aws.text("ec2", "describe-instances", "--filters",
                "Name=tag:Name,Values=" + name, "Name=instance-state-name,Values=running",
                "--query", "Reservations[].Instances[].InstanceId"))));
        assertWaitsOneRound("instance-stopped", List.of(first));
        assertEquals("stopped\tpending", aws.text("ec2", "start-instances", "--instance-ids", first,
                "--query", "StartingInstances[].[PreviousState.Name, CurrentState.Name]"));

        assertEquals(List.of("shutting-down", "shutting-down", "shutting-down"), words(aws.text(Stream.concat(
                Stream.of("ec2", "terminate-instances", "--query", "TerminatingInstances[].CurrentState.Name",
                        "--instance-ids"), ids.stream()).toArray(String[]::new))));
        assertWaitsOneRound("instance-terminated", ids);
        aws.assertServerError("IncorrectInstanceState", "ec2", "start-instances", "--instance-ids", first);
    }

    @Test
    void describeInstancesPagesThroughTheCli() {
        String name = unique("page");
        List<String> ids = launch(12, name);
        String filter = "Name=tag:Name,Values=" + name;
        // JSON: the text output applies --query page by page and never shows the CLI's NextToken.
        JsonNode firstPage = aws.json("ec2", "describe-instances", "--filters", filter, "--page-size", "5", "--max-items", "1",
                "--query", "{ids: Reservations[].Instances[].InstanceId, next: NextToken}");
        List<String> firstIds = strings(firstPage.field("ids").orElseThrow());
        assertEquals(5, firstIds.size());
        List<String> rest = lines(aws.text("ec2", "describe-instances", "--filters", filter, "--page-size", "5",
                "--starting-token", string(firstPage, "next"),
                "--query", "Reservations[].Instances[].[InstanceId, InstanceType, Tags[?Key=='Name'] | [0].Value]"));
        assertEquals(7, rest.size());
        assertTrue(rest.stream().allMatch(line -> line.endsWith("\tt3.micro\t" + name)), rest.toString());
        List<String> seen = new ArrayList<>(firstIds);
        rest.forEach(line -> seen.add(line.split("\t")[0]));
        assertEquals(sorted(ids), sorted(seen));
    }

    @Test
    void instanceStatusWithAndWithoutStoppedInstances() {
        List<String> ids = launch(2, unique("status"));
        String running = ids.get(0);
        String stopped = ids.get(1);
        waiter.waitUntilInstanceRunning(r -> r.instanceIds(running));
        ec2.stopInstances(r -> r.instanceIds(stopped));
        waiter.waitUntilInstanceStopped(r -> r.instanceIds(stopped));
        String query = "InstanceStatuses[].[InstanceId, InstanceState.Name, InstanceStatus.Status, SystemStatus.Status]";
        assertEquals(running + "\trunning\tok\tok", aws.text("ec2", "describe-instance-status",
                "--instance-ids", running, stopped, "--query", query));
        assertEquals(sorted(List.of(running + "\trunning\tok\tok", stopped + "\tstopped\tnot-applicable\tnot-applicable")),
                sorted(lines(aws.text("ec2", "describe-instance-status", "--include-all-instances",
                        "--instance-ids", running, stopped, "--query", query))));
        assertEquals("", aws.text("ec2", "describe-instance-status", "--instance-ids", running, "--filters",
                "Name=event.not-before,Values=*", "--query", query), "no event is scheduled");
    }

    @Test
    void creditsMonitoringRebootAndConsoleOutput() {
        String id = launch(1, unique("credits")).getFirst();
        waiter.waitUntilInstanceRunning(r -> r.instanceIds(id));
        assertEquals(id, aws.text("ec2", "modify-instance-credit-specification",
                "--instance-credit-specification", "InstanceId=" + id + ",CpuCredits=standard",
                "--query", "SuccessfulInstanceCreditSpecifications[].InstanceId"));
        assertEquals(id + "\tstandard", aws.text("ec2", "describe-instance-credit-specifications", "--instance-ids", id,
                "--query", "InstanceCreditSpecifications[].[InstanceId, CpuCredits]"));
        assertEquals("pending", aws.text("ec2", "monitor-instances", "--instance-ids", id,
                "--query", "InstanceMonitorings[].Monitoring.State"));
        assertEquals("disabling", aws.text("ec2", "unmonitor-instances", "--instance-ids", id,
                "--query", "InstanceMonitorings[].Monitoring.State"));
        aws.text("ec2", "reboot-instances", "--instance-ids", id);
        String console = aws.text("ec2", "get-console-output", "--instance-id", id, "--query", "Output");
        assertTrue(console.contains("Gureum simulated runtime: launching t3.micro from " + debian), console);
        assertTrue(console.contains("reached running\n"), console);
        assertTrue(console.contains("reached running after reboot"), console);
        String written = aws.text("ec2", "get-console-output", "--instance-id", id, "--query", "Timestamp");
        assertEquals(written, aws.text("ec2", "get-console-output", "--instance-id", id, "--query", "Timestamp"),
                "the time the output last changed, not the time of the call");
    }

    @Test
    void attributesAndAnInstanceTypeChangedWhileStopped() throws IOException {
        byte[] userData = new byte[16 * 1024];
        Arrays.fill(userData, (byte) 'x');
        System.arraycopy("#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII), 0, userData, 0, 10);
        String id = aws.text("ec2", "run-instances", "--image-id", debian, "--instance-type", "t3.micro",
                "--user-data", "file://" + write("user-data.sh", userData), "--query", "Instances[].InstanceId");
        cleanups.add(() -> ec2.terminateInstances(r -> r.instanceIds(id)));
        waiter.waitUntilInstanceRunning(r -> r.instanceIds(id));
        assertEquals("False", attribute(id, "disableApiTermination", "DisableApiTermination.Value"));
        assertEquals("stop", attribute(id, "instanceInitiatedShutdownBehavior", "InstanceInitiatedShutdownBehavior.Value"));
        assertEquals(new String(userData, StandardCharsets.US_ASCII), new String(Base64.getDecoder().decode(
                attribute(id, "userData", "UserData.Value")), StandardCharsets.US_ASCII));

        aws.assertServerError("IncorrectInstanceState", "ec2", "modify-instance-attribute", "--instance-id", id,
                "--instance-type", "t3.small");
        ec2.stopInstances(r -> r.instanceIds(id));
        waiter.waitUntilInstanceStopped(r -> r.instanceIds(id));
        aws.text("ec2", "modify-instance-attribute", "--instance-id", id, "--instance-type", "t3.small");
        assertEquals("t3.small", attribute(id, "instanceType", "InstanceType.Value"));
        aws.assertServerError("InvalidParameterCombination", "ec2", "modify-instance-attribute", "--instance-id", id,
                "--no-source-dest-check", "--no-disable-api-termination");
        assertEquals("False", attribute(id, "enclaveOptions", "EnclaveOptions.Enabled"));
    }

    /**
     * Regression: ModifyInstanceAttribute took UserData's blob (already decoded from the wire's base64) for
     * base64 text and decoded it again: a script came back raw instead of base64, or the request answered
     * InternalError when the script happened not to decode; a --value that is not base64 answered InternalError.
     */
    @Test
    void userDataModifiedWhileStoppedReadsBackAsSent() {
        String id = launch(1, unique("user-data")).getFirst();
        waiter.waitUntilInstanceRunning(r -> r.instanceIds(id));
        ec2.stopInstances(r -> r.instanceIds(id));
        waiter.waitUntilInstanceStopped(r -> r.instanceIds(id));
        String script = Base64.getEncoder().encodeToString("#!/bin/sh\necho modified\n".getBytes(StandardCharsets.US_ASCII));
        aws.text("ec2", "modify-instance-attribute", "--instance-id", id, "--user-data", "Value=" + script);
        assertEquals(script, attribute(id, "userData", "UserData.Value"));
        aws.assertServerError("InvalidParameterValue", "ec2", "modify-instance-attribute", "--instance-id", id,
                "--attribute", "userData", "--value", "hello");
    }

    @Test
    void disableApiTerminationRefusesTerminate() {
        String id = launch(1, unique("protected")).getFirst();
        cleanups.add(() -> ec2.modifyInstanceAttribute(r -> r.instanceId(id).disableApiTermination(a -> a.value(false))));
        aws.text("ec2", "modify-instance-attribute", "--instance-id", id, "--disable-api-termination");
        aws.assertServerError("OperationNotPermitted", "ec2", "terminate-instances", "--instance-ids", id);
    }

    @Test
    void tagsOnAnInstanceAnImageAndAKeyPair() {
        String name = unique("tagged");
        String instance = launch(1, name).getFirst();
        String image = registerImage(name);
        String keyPair = createKeyPair(name);
        aws.text("ec2", "create-tags", "--resources", instance, image, keyPair, "--tags", "Key=team,Value=cli", "Key=stage,Value=dev");
        assertEquals(sorted(List.of(instance + "\tinstance\tName\t" + name,
                        image + "\timage\tstage\tdev", image + "\timage\tteam\tcli",
                        instance + "\tinstance\tstage\tdev", instance + "\tinstance\tteam\tcli",
                        keyPair + "\tkey-pair\tstage\tdev", keyPair + "\tkey-pair\tteam\tcli")),
                sorted(describeTags(instance, image, keyPair)));
        aws.text("ec2", "delete-tags", "--resources", instance, image, keyPair, "--tags", "Key=stage", "Key=team,Value=other");
        assertEquals(sorted(List.of(instance + "\tinstance\tName\t" + name, image + "\timage\tteam\tcli",
                        instance + "\tinstance\tteam\tcli", keyPair + "\tkey-pair\tteam\tcli")),
                sorted(describeTags(instance, image, keyPair)));

        List<String> fortyEightMore = IntStream.rangeClosed(1, 48).mapToObj(n -> "Key=key" + n + ",Value=" + n).toList();
        aws.text(Stream.concat(Stream.of("ec2", "create-tags", "--resources", instance, "--tags"), fortyEightMore.stream())
                .toArray(String[]::new));
        aws.assertServerError("TagLimitExceeded", "ec2", "create-tags", "--resources", instance, "--tags", "Key=fifty-first,Value=1");
        aws.assertServerError("InvalidParameterValue", "ec2", "create-tags", "--resources", keyPair, "--tags", "Key=aws:owner,Value=me");
    }

    @Test
    void runInstancesTagsTheVolumesAndInterfacesItCreates() {
        String instance = aws.text("ec2", "run-instances", "--image-id", debian, "--instance-type", "t3.micro",
                "--tag-specifications", "ResourceType=volume,Tags=[{Key=disk,Value=root}]",
                "ResourceType=network-interface,Tags=[{Key=nic,Value=primary}]", "--query", "Instances[0].InstanceId");
        cleanups.add(() -> ec2.terminateInstances(r -> r.instanceIds(instance)));
        assertEquals("disk\troot", aws.text("ec2", "describe-volumes", "--filters",
                "Name=attachment.instance-id,Values=" + instance, "--query", "Volumes[0].Tags[0].[Key,Value]"));
        assertEquals("nic\tprimary", aws.text("ec2", "describe-network-interfaces", "--filters",
                "Name=attachment.instance-id,Values=" + instance, "--query", "NetworkInterfaces[0].TagSet[0].[Key,Value]"));
        assertEquals("None", aws.text("ec2", "describe-instances", "--instance-ids", instance, "--query",
                "Reservations[0].Instances[0].Tags"), "an instance spec was not given, so the instance has no tags");
        aws.assertServerError("InvalidParameterValue", "ec2", "run-instances", "--image-id", debian,
                "--instance-type", "t3.micro", "--tag-specifications", "ResourceType=image,Tags=[{Key=a,Value=b}]");
        aws.assertServerError("InvalidParameterValue", "ec2", "run-instances", "--image-id", debian,
                "--instance-type", "t3.micro", "--tag-specifications", "ResourceType=instance,Tags=[{Key=a,Value=1}]",
                "ResourceType=instance,Tags=[{Key=b,Value=1}]");
        aws.assertServerError("InvalidParameterValue", "ec2", "run-instances", "--image-id", debian,
                "--instance-type", "t3.micro", "--tag-specifications",
                "ResourceType=instance,Tags=[{Key=a,Value=1},{Key=a,Value=2}]");
        aws.assertServerError("InvalidParameterValue", "ec2", "run-instances", "--image-id", debian,
                "--instance-type", "t3.micro", "--credit-specification", "CpuCredits=wat");
        aws.assertServerError("InstanceCreditSpecification.NotSupported", "ec2", "run-instances", "--image-id", debian,
                "--instance-type", "m5.large", "--credit-specification", "CpuCredits=unlimited");
    }

    @Test
    void optionsGureumDoesNotRunWithAreRefusedAndTheDefaultsAreShown() {
        for (List<String> option : List.of(List.of("--hibernation-options", "Configured=true"),
                List.of("--enclave-options", "Enabled=true"), List.of("--cpu-options", "CoreCount=1,ThreadsPerCore=1"),
                List.of("--maintenance-options", "AutoRecovery=disabled"),
                List.of("--private-dns-name-options", "HostnameType=resource-name"),
                List.of("--placement", "Tenancy=dedicated"), List.of("--ipv6-address-count", "1"),
                List.of("--iam-instance-profile", "Name=app"),
                List.of("--capacity-reservation-specification", "CapacityReservationPreference=none"),
                List.of("--launch-template", "LaunchTemplateName=web"),
                List.of("--license-specifications", "LicenseConfigurationArn=arn:aws:license-manager:us-east-1:"
                        + "000000000000:license-configuration:lic-0123456789abcdef0123456789abcdef"),
                List.of("--kernel-id", "aki-12345678"))) {
            aws.assertServerError("UnsupportedOperation", Stream.concat(Stream.of("ec2", "run-instances", "--image-id",
                    debian, "--instance-type", "m5.xlarge"), option.stream()).toArray(String[]::new));
        }
        String id = aws.text("ec2", "run-instances", "--image-id", debian, "--instance-type", "m5.xlarge",
                "--cpu-options", "CoreCount=2,ThreadsPerCore=2", "--query", "Instances[0].InstanceId");
        cleanups.add(() -> ec2.terminateInstances(r -> r.instanceIds(id)));
        assertEquals("2\t2\tdefault\tip-name\tFalse", aws.text("ec2", "describe-instances", "--instance-ids", id,
                "--query", "Reservations[0].Instances[0].[CpuOptions.CoreCount,CpuOptions.ThreadsPerCore,"
                        + "MaintenanceOptions.AutoRecovery,PrivateDnsNameOptions.HostnameType,HibernationOptions.Configured]"),
                "the type's own CPU options, asked for or not");
        aws.assertServerError("UnsupportedHibernationConfiguration", "ec2", "stop-instances", "--instance-ids", id,
                "--hibernate");
        aws.assertServerError("InvalidPlacementGroup.Unknown", "ec2", "run-instances", "--image-id", debian,
                "--instance-type", "t3.micro", "--placement", "GroupName=nope");
        assertEquals("True", aws.text("ec2", "modify-private-dns-name-options", "--instance-id", id,
                "--private-dns-hostname-type", "ip-name", "--query", "Return"), "the default: nothing changes");
        aws.assertServerError("UnsupportedOperation", "ec2", "modify-private-dns-name-options", "--instance-id", id,
                "--private-dns-hostname-type", "resource-name");
        assertEquals("default", aws.text("ec2", "modify-instance-maintenance-options", "--instance-id", id,
                "--auto-recovery", "default", "--query", "AutoRecovery"));
        assertEquals("True", aws.text("ec2", "modify-instance-capacity-reservation-attributes", "--instance-id", id,
                "--capacity-reservation-specification", "CapacityReservationPreference=open", "--query", "Return"));
        aws.assertServerError("InvalidInstanceID.NotFound", "ec2", "stop-instances", "--instance-ids",
                "i-0123456789abcdef0", "--hibernate");
    }

    /** Regression: DeleteTags naming a tag by value only threw a NullPointerException, answered InternalError. */
    @Test
    void deleteTagsWithoutAKeyIsRefusedNotAnInternalError() {
        String keyPair = createKeyPair(unique("keyless"));
        ec2.createTags(r -> r.resources(keyPair).tags(tag -> tag.key("team").value("cli")));
        aws.assertServerError("InvalidParameterValue", "ec2", "delete-tags", "--resources", keyPair, "--tags", "Value=cli");
    }

    @Test
    void clientTokenReusedWithOtherParametersIsAMismatch() {
        String token = unique("token");
        String id = ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro").minCount(1).maxCount(1)
                .clientToken(token)).instances().getFirst().instanceId();
        cleanups.add(() -> ec2.terminateInstances(r -> r.instanceIds(id)));
        aws.assertServerError("IdempotentParameterMismatch", "ec2", "run-instances", "--image-id", debian,
                "--instance-type", "t3.small", "--client-token", token);
    }

    @Test
    void badRequestsAnswerTheirAwsCodes() throws IOException {
        aws.assertServerError("InvalidInstanceID.Malformed", "ec2", "describe-instances", "--instance-ids", "i-123");
        aws.assertServerError("InvalidInstanceID.NotFound", "ec2", "stop-instances", "--instance-ids", "i-0123456789abcdef0");
        aws.assertServerError("InvalidAMIID.NotFound", "ec2", "run-instances", "--image-id", "ami-0123456789abcdef0",
                "--instance-type", "t3.micro");
        aws.assertServerError("InvalidKeyPair.NotFound", "ec2", "run-instances", "--image-id", debian,
                "--instance-type", "t3.micro", "--key-name", unique("nobody"));
        aws.assertServerError("InvalidParameterValue", "ec2", "run-instances", "--image-id", debian,
                "--instance-type", "t3.enormous");
        aws.assertServerError("InvalidParameterValue", "ec2", "describe-instances", "--filters", "Name=no-such-filter,Values=x");
        byte[] tooLong = new byte[17 * 1024];
        Arrays.fill(tooLong, (byte) 'x');
        aws.assertServerError("InvalidParameterValue", "ec2", "run-instances", "--image-id", debian,
                "--instance-type", "t3.micro", "--user-data", "file://" + write("too-long.sh", tooLong));
        aws.assertServerError("DryRunOperation", "ec2", "run-instances", "--image-id", debian, "--instance-type", "t3.micro",
                "--dry-run");
        aws.assertServerError("MissingParameter", "ec2", "run-instances", "--instance-type", "t3.micro");
    }

    @Test
    void instanceLimitExceededAtTheDefaultQuota() {
        try (GureumProcess fresh = GureumProcess.start()) {
            AwsCli.Result result = new AwsCli(fresh.endpoint()).run("ec2", "run-instances", "--image-id", debian,
                    "--instance-type", "t3.micro", "--count", "25");
            aws.assertServerError("InstanceLimitExceeded", result);
        }
    }

    /** Setup through the SDK: {@code count} t3.micro instances named {@code name}, terminated after the test. */
    private List<String> launch(int count, String name) {
        List<String> ids = ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro").minCount(count).maxCount(count)
                        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                                .tags(tag -> tag.key("Name").value(name)).build()))
                .instances().stream().map(Instance::instanceId).toList();
        cleanups.add(() -> ec2.terminateInstances(r -> r.instanceIds(ids)));
        return ids;
    }

    private String registerImage(String name) {
        String id = ec2.registerImage(r -> r.name(name).architecture("x86_64").virtualizationType("hvm")
                .rootDeviceName("/dev/xvda").blockDeviceMappings(BlockDeviceMapping.builder().deviceName("/dev/xvda")
                        .ebs(e -> e.snapshotId(Ec2PlatformIT.publicSnapshot(ec2)).volumeSize(8)).build())).imageId();
        cleanups.add(() -> ec2.deregisterImage(r -> r.imageId(id)));
        return id;
    }

    private String createKeyPair(String name) {
        String id = ec2.createKeyPair(r -> r.keyName(name)).keyPairId();
        cleanups.add(() -> ec2.deleteKeyPair(r -> r.keyPairId(id)));
        return id;
    }

    private static List<String> describeTags(String... resourceIds) {
        return lines(aws.text("ec2", "describe-tags", "--filters", "Name=resource-id,Values=" + String.join(",", resourceIds),
                "--query", "Tags[].[ResourceId, ResourceType, Key, Value]"));
    }

    private static String attribute(String id, String attribute, String query) {
        return aws.text("ec2", "describe-instance-attribute", "--instance-id", id, "--attribute", attribute, "--query", query);
    }

    /** The CLI's waiters poll at once, then every 15 s: a state the server has reached returns on the first poll. */
    private static void assertWaitsOneRound(String condition, List<String> ids) {
        long started = System.nanoTime();
        aws.text(Stream.concat(Stream.of("ec2", "wait", condition, "--instance-ids"), ids.stream()).toArray(String[]::new));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(waited.compareTo(Duration.ofSeconds(10)) < 0, "wait " + condition + " took " + waited);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(temporary.resolve(name), content);
    }

    private static String string(JsonNode node, String field) {
        return node.field(field).orElseThrow(() -> new AssertionError("no " + field + " in " + node)).asString();
    }

    private static List<String> strings(JsonNode array) {
        return array.asArray().stream().map(JsonNode::asString).toList();
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static List<String> words(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
