package dev.gureum.server;

import dev.gureum.protocol.sigv4.Credential;
import dev.gureum.runtime.sandbox.SandboxProbe;
import dev.gureum.server.auth.CredentialsFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code gureum} command line (the bash launcher handles building, {@code test} and {@code bench}):
 * {@code serve}, {@code doctor}, {@code keys list|add|remove}, {@code bill}, {@code image import|build} and {@code version}.
 */
public final class Main {
    private static final String USAGE = """
            usage: gureum <command>
              serve [options]          serve the cloud (gureum serve --help for options)
              doctor                   check what the sandbox runtime needs from this host
              keys list                list access keys (data dir from GUREUM_DATA_DIR or --data-dir)
              keys add --account ID [--access-key-id KEY --secret SECRET]
              keys remove ACCESS_KEY_ID
              bill [--month YYYY-MM] [--account ID] [--endpoint URL]
                                       a month of metered usage at list prices, from a running server
              image import <tarball|dir> [--name N] [--account ID] [--region R] [--default-user U]
                                       register a root filesystem as an AMI of a running sandbox server
              image build debian-12 [--cache DIR]
                                       build a catalog image into the image cache (GUREUM_IMAGE_CACHE) ahead of use
              version
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.print(USAGE);
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "serve" -> serve(rest);
                case "keys" -> keys(rest);
                case "doctor" -> System.exit(doctor());
                case "version" -> System.out.println("gureum " + Version.current());
                case "bill" -> System.exit(BillCommand.run(rest, System.out));
                case "image" -> System.exit(ImageCommand.run(rest, System.out));
                default -> {
                    System.err.print(USAGE);
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("gureum: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void serve(String[] args) throws InterruptedException {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(ServeOptions.USAGE);
            return;
        }
        ServeOptions options = ServeOptions.parse(args, System.getenv());
        GureumServer server;
        try {
            server = GureumServer.start(options);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("gureum: cannot start: " + cause.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "gureum-shutdown"));
        System.out.printf("gureum %s serving on http://%s:%d (data %s, auth %s, runtime %s, clock %s)%n",
                Version.current(), options.bindAddress(), server.port(), options.dataDirectory().toAbsolutePath(),
                lower(options.auth()), lower(options.runtime()), lower(options.clock()));
        Thread.currentThread().join();
    }

    /** Prints every sandbox check; exits 0 when the host can run real instances, 1 otherwise. */
    private static int doctor() {
        List<SandboxProbe.Check> checks = SandboxProbe.run();
        System.out.println("gureum doctor: what --runtime sandbox needs from this host");
        for (SandboxProbe.Check check : checks) {
            System.out.printf("  %-4s %-20s %s%n", check.passed() ? "ok" : "MISS", check.name(), check.detail());
        }
        boolean ready = SandboxProbe.problems(checks).isEmpty();
        System.out.println(ready ? "ready: ./gureum serve --runtime sandbox"
                : "not ready: the sandbox runtime refuses to start until every check passes (the simulated runtime runs anywhere)");
        return ready ? 0 : 1;
    }

    private static void keys(String[] args) {
        Map<String, String> flags = new java.util.HashMap<>();
        String command = args.length > 0 ? args[0] : "list";
        String positional = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                flags.put(args[i], args[++i]);
            } else {
                positional = args[i];
            }
        }
        Path data = Path.of(flags.getOrDefault("--data-dir", System.getenv().getOrDefault("GUREUM_DATA_DIR", "data")));
        CredentialsFile credentials = CredentialsFile.open(data);
        switch (command) {
            case "list" -> credentials.list().forEach(key ->
                    System.out.println(key.accessKeyId() + "\t" + key.account()));
            case "add" -> {
                String account = flags.get("--account");
                if (account == null) {
                    throw new IllegalArgumentException("keys add needs --account ID (12 digits)");
                }
                Credential added = credentials.add(account, flags.get("--access-key-id"), flags.get("--secret"));
                System.out.println("access key id:     " + added.accessKeyId());
                System.out.println("secret access key: " + added.secretAccessKey());
                System.out.println("account:           " + added.account());
            }
            case "remove" -> {
                if (positional == null) {
                    throw new IllegalArgumentException("keys remove needs an access key id");
                }
                if (!credentials.remove(positional)) {
                    throw new IllegalArgumentException("no access key " + positional);
                }
                System.out.println("removed " + positional);
            }
            default -> throw new IllegalArgumentException("keys commands: list, add, remove");
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }
}
