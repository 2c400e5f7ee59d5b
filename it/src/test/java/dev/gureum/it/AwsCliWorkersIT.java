package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A call through a long-lived CLI worker answers exactly what the same call as its own {@code aws} process
 * answers: exit code, stdout and stderr, for successes in two output formats, a service error, a refused
 * signature and the CLI's own parameter error; for the CLI 2.x at
 * /usr/bin/aws and, where it is installed, the CLI 1.x the alarm tests use. Calls in a row share a worker,
 * so a call that leaves state behind in the interpreter would show here as a difference.
 */
class AwsCliWorkersIT {
    private static GureumProcess server;

    @BeforeAll
    static void start() {
        assumeTrue(AwsCli.installed(), "the aws CLI is not installed at /usr/bin/aws (./gureum test installs it as root)");
        server = GureumProcess.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A success as JSON and as text, a service error, the CLI's own parameter error, the first call again. */
    private static final List<List<String>> CALLS = List.of(
            List.of("ec2", "describe-regions", "--output", "json"),
            List.of("ec2", "describe-availability-zones", "--output", "text"),
            List.of("ec2", "describe-instances", "--instance-ids", "i-nope"),
            List.of("ec2", "describe-instances", "--bogus-option"),
            List.of("ec2", "describe-regions", "--output", "json"));

    @Test
    void theCli2AnswersTheSameInAWorkerAsInItsOwnProcess() {
        assertSameAnswers(new AwsCli(server.endpoint()), CALLS);
        assertSameAnswers(new AwsCli(server.endpoint(), "test", "wrong-secret"), CALLS.subList(0, 1));
    }

    @Test
    void theCli1AnswersTheSameInAWorkerAsInItsOwnProcess() {
        assumeTrue(Files.isExecutable(AwsCli.NEWER_BOTOCORE_BINARY), "no CLI 1.x at " + AwsCli.NEWER_BOTOCORE_BINARY);
        assertSameAnswers(new AwsCli(AwsCli.NEWER_BOTOCORE_BINARY, server.endpoint(), "test", "test"), CALLS.subList(0, 4));
    }

    private static void assertSameAnswers(AwsCli cli, List<List<String>> calls) {
        List<String> differences = new ArrayList<>();
        for (List<String> call : calls) {
            String[] arguments = call.toArray(String[]::new);
            AwsCli.Result own = cli.runInItsOwnProcess(arguments);
            AwsCli.Result worker = cli.run(arguments);
            if (!own.equals(worker)) {
                differences.add(String.join(" ", call) + "\n  own process: " + own + "\n  worker:      " + worker);
            }
        }
        assertEquals(List.of(), differences);
    }
}
