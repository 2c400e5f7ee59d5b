package dev.gureum.it;

import static dev.gureum.it.BadRequest.error;
import static dev.gureum.it.BadRequest.lenient;
import static dev.gureum.it.BadRequest.octets;
import static dev.gureum.it.MalformedRequests.VALID;
import static dev.gureum.it.MalformedRequests.concat;
import static dev.gureum.it.MalformedRequests.post;
import static dev.gureum.it.MalformedRequests.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random malformed requests for {@link BadInputIT}: form bodies stitched from troublesome
 * fragments, byte garbage, mutations of a valid body, garbage headers and request lines. The same seed
 * gives the same requests, and each request's name carries its seed and number so a failure reproduces.
 */
final class RandomRequests {
    private static final String[] FRAGMENTS = {"Action=DescribeRegions", "Action=DescribeAvailabilityZones",
        "Action=DescribeAccountAttributes", "Action=RunInstances", "Version=2016-11-15", "Version=2012-01-01", "&", "&&",
        "=", "==", "%", "%2", "%zz", "%00", "%FF", "%C3%28", "%E2%82%AC", "+", ".", "..", "Filter.1.Name=region-name",
        "Filter.1.Value.1=us-east-1", "Filter.0.Name=x", "Filter..Value=x", "RegionName.1=us-east-1",
        "RegionName.99999999999=x", "ZoneName.-1=x", "AllRegions=true", "AllRegions=maybe", "DryRun=true",
        "DryRun=false", "DryRun=", "AttributeName.1=supported-platforms", "MaxResults=abc", "Unknown=1", "a", "A.B.C",
        "\u00FF", "\u0000", "\r\n", " ", "é", "🙂"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "get", "P OST",
        "", "\u0000", "POST\t", "GET\u00FF"};

    private final Random random;
    private final long seed;
    private int count;

    RandomRequests(long seed) {
        this.random = new Random(seed);
        this.seed = seed;
    }

    List<BadRequest> forms(int n) {
        List<BadRequest> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder body = new StringBuilder();
            for (int pieces = 1 + random.nextInt(8); pieces > 0; pieces--) {
                body.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                if (random.nextBoolean()) {
                    body.append('&');
                }
            }
            cases.add(lenient(name("form soup"), post(body.toString())));
        }
        return cases;
    }

    /** Random bytes as a form body; nothing random spells {@code Action=}, so each must be refused. */
    List<BadRequest> garbageBodies(int n) {
        List<BadRequest> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] body = new byte[random.nextInt(2000)];
            random.nextBytes(body);
            cases.add(error(name("garbage body"), post(body)));
        }
        return cases;
    }

    /** A valid body with bytes flipped, inserted or removed; the Content-Length stays right. */
    List<BadRequest> mutatedBodies(int n) {
        List<BadRequest> cases = new ArrayList<>();
        byte[] valid = (VALID + "&RegionName.1=us-east-1&Filter.1.Name=endpoint&Filter.1.Value.1=x").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < n; i++) {
            List<Byte> bytes = new ArrayList<>();
            for (byte b : valid) {
                bytes.add(b);
            }
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(bytes.size());
                switch (random.nextInt(3)) {
                    case 0 -> bytes.set(at, (byte) random.nextInt(256));
                    case 1 -> bytes.add(at, (byte) random.nextInt(256));
                    default -> bytes.remove(at);
                }
            }
            byte[] body = new byte[bytes.size()];
            for (int j = 0; j < body.length; j++) {
                body[j] = bytes.get(j);
            }
            cases.add(lenient(name("mutated body"), post(body)));
        }
        return cases;
    }

    /** A valid request with one random header line: random token characters, controls and high bytes. */
    List<BadRequest> garbageHeaders(int n) {
        List<BadRequest> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String header = headerText(1 + random.nextInt(20)) + (random.nextInt(10) > 0 ? ": " : "") + headerText(random.nextInt(60));
            byte[] head = octets("POST / HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\nContent-Length: " + VALID.length()
                    + "\r\nConnection: close\r\n\r\n");
            cases.add(lenient(name("garbage header"), concat(head, VALID.getBytes(StandardCharsets.UTF_8))));
        }
        return cases;
    }

    /** Random methods, targets and versions around a valid body. */
    List<BadRequest> requestLines(int n) {
        List<BadRequest> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String method = METHODS[random.nextInt(METHODS.length)];
            String target = "/" + headerText(random.nextInt(30)).replace(" ", "");
            cases.add(lenient(name("request line"), request(method, target.isEmpty() ? "/" : target,
                    VALID.getBytes(StandardCharsets.UTF_8))));
        }
        return cases;
    }

    /** Printable ASCII, mostly, with some tabs, controls (not CR or LF) and high bytes. */
    private String headerText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(20);
            char c;
            if (kind == 0) {
                c = (char) random.nextInt(0x20);
            } else if (kind == 1) {
                c = (char) (0x80 + random.nextInt(0x80));
            } else {
                c = (char) (0x20 + random.nextInt(0x5F));
            }
            text.append(c == '\r' || c == '\n' ? ' ' : c);
        }
        return text.toString();
    }

    private String name(String kind) {
        return kind + " (seed " + seed + ", #" + count++ + ")";
    }
}
