package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * A few thousand malformed requests, hand-written and seeded-random, sent as raw bytes to real servers
 * (one accepting any key, so requests reach the codec; one strict, for signatures). Every answer must be
 * a 4xx EC2 error envelope (or, for odd but legal input, a 200), never a 5xx, a stack trace, a non-AWS
 * body or silence past the timeout; and the server must still answer a valid call afterwards.
 */
class BadInputIT {
    private static final long SEED = 20261129L;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int PARALLEL_CONNECTIONS = 8;
    private static final int LARGE_REQUEST_BYTES = 1024 * 1024;

    private static GureumProcess anyKeyServer;
    private static GureumProcess strictServer;

    @BeforeAll
    static void start() {
        anyKeyServer = GureumProcess.start("--auth", "any");
        strictServer = GureumProcess.start("--auth", "strict");
    }

    @AfterAll
    static void stop() {
        if (anyKeyServer != null) {
            anyKeyServer.close();
        }
        if (strictServer != null) {
            strictServer.close();
        }
    }

    @Test
    void malformedRequestsGetAwsErrorsNeverServerErrors() {
        RandomRequests random = new RandomRequests(SEED);
        List<BadRequest> cases = new ArrayList<>(MalformedRequests.all());
        cases.addAll(random.forms(800));
        cases.addAll(random.garbageBodies(500));
        cases.addAll(random.mutatedBodies(500));
        cases.addAll(random.garbageHeaders(400));
        cases.addAll(random.requestLines(300));
        assertNoFailures(anyKeyServer, cases);
        assertHealthy(anyKeyServer);
    }

    @Test
    void brokenSignaturesGetAwsErrorsNeverServerErrors() {
        AuthenticationRequests requests = new AuthenticationRequests(strictServer.endpoint());
        RawHttp.Exchange control = new RawHttp(strictServer.port(), TIMEOUT).send(requests.valid());
        assertEquals(200, control.status(), "a correctly signed request must pass: " + control.bodyText());
        assertNoFailures(strictServer, requests.all(SEED));
        assertHealthy(strictServer);
    }

    @Test
    void slowAbandonedAndIdleConnectionsDoNotStopTheServer() throws Exception {
        RawHttp http = new RawHttp(anyKeyServer.port(), TIMEOUT);
        RawHttp.Exchange slow = http.sendSlowly(MalformedRequests.post(MalformedRequests.VALID), Duration.ofMillis(2));
        assertEquals(200, slow.status(), "a request sent a byte at a time");
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket socket = new Socket("127.0.0.1", anyKeyServer.port());
                idle.add(socket);
                socket.getOutputStream().write(BadRequest.octets("POST / HTTP/1.1\r\nHost: local"));
            }
            for (int i = 0; i < 200; i++) {
                try (Socket abandoned = new Socket("127.0.0.1", anyKeyServer.port())) {
                    abandoned.setSoLinger(true, 0);
                    OutputStream out = abandoned.getOutputStream();
                    out.write(MalformedRequests.post(MalformedRequests.VALID));
                }
            }
            assertHealthy(anyKeyServer);
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
        assertHealthy(anyKeyServer);
    }

    /**
     * Sends every case and collects what went wrong. Requests of a megabyte or more go one at a time, so
     * that they measure the server rather than a queue of ten-megabyte bodies on two cores; the rest share
     * {@value #PARALLEL_CONNECTIONS} connections.
     */
    private static void assertNoFailures(GureumProcess server, List<BadRequest> cases) {
        RawHttp http = new RawHttp(server.port(), TIMEOUT);
        Map<String, List<String>> failuresByKind = new ConcurrentSkipListMap<>();
        Consumer<BadRequest> check = request -> {
            String failure;
            try {
                RawHttp.Exchange exchange = http.send(request.bytes(), request.halfClose());
                List<String> problems = problems(request, exchange);
                failure = problems.isEmpty() ? null : request.name() + ": " + problems + "\n    request: "
                        + request.printable() + "\n    answer: " + exchange.status() + " " + exchange.ending() + " "
                        + shorten(exchange.bodyText());
            } catch (RuntimeException e) {
                failure = request.name() + ": the answer could not be read (" + e + ")\n    request: " + request.printable();
            }
            if (failure != null) {
                failuresByKind.computeIfAbsent(request.kind(), kind -> new CopyOnWriteArrayList<>()).add(failure);
            }
        };
        cases.stream().filter(request -> request.bytes().length >= LARGE_REQUEST_BYTES).forEach(check);
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CONNECTIONS)) {
            cases.stream().filter(request -> request.bytes().length < LARGE_REQUEST_BYTES)
                    .forEach(request -> pool.execute(() -> check.accept(request)));
        }
        StringBuilder report = new StringBuilder();
        failuresByKind.forEach((kind, failures) -> report.append("\n").append(failures.size()).append(" × ")
                .append(kind).append(", for example\n  ").append(String.join("\n  ", failures.subList(0, Math.min(2, failures.size())))));
        assertTrue(failuresByKind.isEmpty(), "malformed requests mishandled, by kind:" + report);
        assertFalse(server.logText().contains("SEVERE"), "the server logged an internal error:\n" + server.logText());
    }

    /** What is wrong with the answer to {@code request}; empty when it is what a correct server says. */
    private static List<String> problems(BadRequest request, RawHttp.Exchange exchange) {
        List<String> problems = new ArrayList<>();
        switch (exchange.ending()) {
            case TIMED_OUT -> problems.add("no answer within " + TIMEOUT.toSeconds() + " s");
            case CLOSED_WITHOUT_REPLY, RESET -> {
                if (request.expectation() != BadRequest.Expectation.ERROR_OR_CLOSE) {
                    problems.add("the connection ended without an answer (" + exchange.ending() + ")");
                }
            }
            case REPLIED -> judgeReply(request, exchange, problems);
        }
        return problems;
    }

    private static void judgeReply(BadRequest request, RawHttp.Exchange exchange, List<String> problems) {
        int status = exchange.status();
        AwsErrorEnvelope.checkNoLeak(exchange.bodyText(), problems);
        if (status >= 500) {
            problems.add("server error " + status);
        } else if (status == 200) {
            if (request.expectation() != BadRequest.Expectation.ERROR_OR_SUCCESS) {
                problems.add("accepted");
            } else if (!AwsErrorEnvelope.wellFormed(exchange.body())) {
                problems.add("a 200 whose body is not XML");
            }
        } else if (status < 400) {
            problems.add("status " + status);
        } else if (!request.printable().startsWith("HEAD ")) {
            Optional<String> code = AwsErrorEnvelope.code(exchange.body(), problems);
            if (request.expectedCode() != null && code.isPresent() && !code.get().equals(request.expectedCode())) {
                problems.add("code " + code.get() + ", expected " + request.expectedCode());
            }
            if (!exchange.headers().getOrDefault("content-type", "").startsWith("text/xml")) {
                problems.add("content type '" + exchange.headers().get("content-type") + "'");
            }
        }
    }

    /**
     * A client may shut its sending side once the request is out (printf … | nc does); HTTP/1.1 still owes
     * it the answer. Today the server closes the connection on the FIN and the answer is lost.
     */
    @Test
    void aRequestFollowedByAHalfCloseIsStillAnswered() {
        RawHttp.Exchange exchange = new RawHttp(anyKeyServer.port(), TIMEOUT)
                .send(MalformedRequests.post(MalformedRequests.VALID), true);
        assertEquals(RawHttp.Ending.REPLIED, exchange.ending(), "the answer to a request followed by a FIN");
        assertEquals(200, exchange.status());
    }

    /**
     * A request without a signature is refused in the envelope of the service it is addressed to (by its
     * X-Amz-Target, its path or its query API version), not in EC2's XML.
     */
    @Test
    void anUnsignedRequestIsRefusedInItsServicesEnvelope() {
        RawHttp http = new RawHttp(strictServer.port(), TIMEOUT);
        RawHttp.Exchange costExplorer = http.send(("POST / HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-amz-json-1.1\r\nX-Amz-Target: AWSInsightsIndexService.GetTags\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
        assertTrue(new String(costExplorer.body(), StandardCharsets.UTF_8)
                        .contains("\"__type\":\"MissingAuthenticationTokenException\""),
                "a JSON error, in the code of awsJson services: " + new String(costExplorer.body(), StandardCharsets.UTF_8));
        assertEquals(400, costExplorer.status());
        RawHttp.Exchange savingsPlans = http.send(("POST /DescribeSavingsPlans HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(savingsPlans.headers().entrySet().stream().anyMatch(header ->
                header.getKey().equalsIgnoreCase("x-amzn-ErrorType")), "a REST-JSON error: " + savingsPlans.headers());
        String form = "Action=ListTopics&Version=2010-03-31";
        RawHttp.Exchange sns = http.send(("POST / HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                + "\r\nConnection: close\r\n\r\n" + form).getBytes(StandardCharsets.US_ASCII));
        assertTrue(new String(sns.body(), StandardCharsets.UTF_8).contains("<ErrorResponse"),
                "SNS's query error envelope: " + new String(sns.body(), StandardCharsets.UTF_8));
    }

    private static void assertHealthy(GureumProcess server) {
        try (Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            assertFalse(ec2.describeRegions().regions().isEmpty(), "DescribeRegions after the malformed requests");
        }
    }

    private static String shorten(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
