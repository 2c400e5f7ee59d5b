package dev.gureum.server;

import dev.gureum.core.instance.Quotas;
import dev.gureum.core.network.Ipv4Cidr;
import dev.gureum.core.network.PublicAddressPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The settings of {@code gureum serve}: each flag, its environment variable where it has one, and its
 * default. Flags win over the environment.
 */
public record ServeOptions(int port, String bindAddress, Path dataDirectory, AuthMode auth, RuntimeKind runtime,
                           ClockMode clock, int maxInstances, long zoneCapacityVcpus, Duration simulatedDelay,
                           Ipv4Cidr publicIpPool, String publicUrl, String smtp, List<Integer> forwardPorts, boolean metering,
                           String spotInterruptionTopic) {

    public enum AuthMode { STRICT, ANY }

    public enum RuntimeKind { SIMULATED, SANDBOX }

    public enum ClockMode { REAL, MANUAL }

    private enum Switch { ON, OFF }

    public static final String USAGE = """
            usage: gureum serve [options]
              --port N                 listen port (GUREUM_PORT, default 4747)
              --bind ADDRESS           listen address (default 127.0.0.1)
              --data-dir PATH          where state is kept (GUREUM_DATA_DIR, default ./data)
              --auth strict|any        verify SigV4 signatures (strict, default) or accept any key
              --runtime simulated|sandbox
                                       what runs instances (default simulated; sandbox: real Linux instances,
                                       root only, checked at start as ./gureum doctor checks)
              --clock real|manual      real time (default) or a clock advanced via the admin API, which keeps
                           its time in the data directory across restarts
              --max-instances N        instances per account and region (default 20, EC2's max-instances)
              --zone-capacity-vcpus N  vCPUs each availability zone can hold (default 4096)
              --simulated-delay-ms N   how long the simulated runtime takes per transition (GUREUM_SIMULATED_DELAY_MS,
                                       default 0: settled before the next request, so waiters finish at once)
              --public-ip-pool CIDR    the block public and Elastic IPs come from (default 198.18.0.0/15,
                                       reserved for benchmarking and never routed on the internet)
              --public-url URL         where clients reach this server, for the links SNS sends (SubscribeURL,
                                       UnsubscribeURL, SigningCertURL; default http://<bind>:<port>)
              --forward-ports PORTS    sandbox: while an instance runs, forward 127.0.0.1:<a free port> to each of
                                       these ports of it (e.g. 22,80); the console output says which port
              --smtp HOST:PORT         send SNS email through this SMTP server (plain, no TLS or AUTH); default:
                                       write each email to <data-dir>/sns/mailbox/<address>/<id>.eml
              --metering on|off        meter usage for bills and Cost Explorer (default on; off: no usage is
                                       recorded, for hosts that need no bills and to measure what metering costs)
              --spot-interruption-topic ARN
                                       publish every "EC2 Spot Instance Interruption Warning" event (EventBridge's
                                       JSON) to this SNS topic (default: none)
            """;

    public static ServeOptions parse(String[] args, Map<String, String> environment) {
        int port = Integer.parseInt(environment.getOrDefault("GUREUM_PORT", "4747"));
        String bind = "127.0.0.1";
        Path data = Path.of(environment.getOrDefault("GUREUM_DATA_DIR", "data"));
        AuthMode auth = AuthMode.STRICT;
        RuntimeKind runtime = RuntimeKind.SIMULATED;
        ClockMode clock = ClockMode.REAL;
        int maxInstances = Quotas.DEFAULTS.maxInstances();
        long zoneCapacity = Quotas.DEFAULTS.zoneCapacityVcpus();
        long delayMillis = Long.parseLong(environment.getOrDefault("GUREUM_SIMULATED_DELAY_MS", "0"));
        Ipv4Cidr publicIpPool = Ipv4Cidr.parseOrNull(PublicAddressPool.DEFAULT_POOL);
        String publicUrl = null;
        String smtp = null;
        List<Integer> forwardPorts = List.of();
        boolean metering = true;
        String spotTopic = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> port = Integer.parseInt(value);
                case "--bind" -> bind = value;
                case "--data-dir" -> data = Path.of(value);
                case "--auth" -> auth = choice(AuthMode.class, flag, value);
                case "--runtime" -> runtime = choice(RuntimeKind.class, flag, value);
                case "--clock" -> clock = choice(ClockMode.class, flag, value);
                case "--max-instances" -> maxInstances = Integer.parseInt(value);
                case "--zone-capacity-vcpus" -> zoneCapacity = Long.parseLong(value);
                case "--simulated-delay-ms" -> delayMillis = Long.parseLong(value);
                case "--public-ip-pool" -> {
                    publicIpPool = Ipv4Cidr.parseOrNull(value);
                    if (publicIpPool == null || publicIpPool.prefixLength() > 30) {
                        throw new IllegalArgumentException("--public-ip-pool must be an IPv4 block of /30 or wider,"
                                + " such as 203.0.113.0/24");
                    }
                }
                case "--public-url" -> {
                    if (!value.matches("https?://[^/?#]+")) {
                        throw new IllegalArgumentException("--public-url must be http(s)://HOST[:PORT], without a path");
                    }
                    publicUrl = value;
                }
                case "--smtp" -> {
                    if (!value.matches("[^\\s:]+:[0-9]{1,5}")) {
                        throw new IllegalArgumentException("--smtp must be HOST:PORT, such as 127.0.0.1:25");
                    }
                    smtp = value;
                }
                case "--forward-ports" -> forwardPorts = ports(value);
                case "--metering" -> metering = choice(Switch.class, flag, value) == Switch.ON;
                case "--spot-interruption-topic" -> {
                    if (!value.matches("arn:aws:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_.-]+")) {
                        throw new IllegalArgumentException("--spot-interruption-topic must be an SNS topic ARN");
                    }
                    spotTopic = value;
                }
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0-65535");
        }
        if (maxInstances < 0 || zoneCapacity < 0 || delayMillis < 0) {
            throw new IllegalArgumentException("--max-instances, --zone-capacity-vcpus and --simulated-delay-ms"
                    + " cannot be negative");
        }
        return new ServeOptions(port, bind, data, auth, runtime, clock, maxInstances, zoneCapacity,
                Duration.ofMillis(delayMillis), publicIpPool, publicUrl, smtp, forwardPorts, metering,
                spotTopic);
    }

    private static List<Integer> ports(String value) {
        if (!value.matches("[0-9]{1,5}(,[0-9]{1,5})*")) {
            throw new IllegalArgumentException("--forward-ports must be a comma-separated list of ports, such as 22,80");
        }
        List<Integer> ports = java.util.Arrays.stream(value.split(",")).map(Integer::valueOf).distinct().toList();
        if (ports.stream().anyMatch(port -> port < 1 || port > 65535)) {
            throw new IllegalArgumentException("--forward-ports must name ports 1-65535");
        }
        return ports;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String flag, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(flag + " must be one of "
                + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }
}
