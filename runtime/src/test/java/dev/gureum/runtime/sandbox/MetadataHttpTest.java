package dev.gureum.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.runtime.MetadataAnswer;
import dev.gureum.core.runtime.MetadataRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listener's HTTP over a loopback socket: keep-alive, HEAD, paths, refused requests, token answers. */
class MetadataHttpTest {
    private final List<MetadataRequest> seen = new CopyOnWriteArrayList<>();
    private ServerSocketChannel listener;
    private Thread server;

    @BeforeEach
    void listen() throws IOException {
        listener = ServerSocketChannel.open(StandardProtocolFamily.INET);
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        server = Thread.ofVirtual().start(() -> {
            while (listener.isOpen()) {
                try {
                    SocketChannel connection = listener.accept();
                    Thread.ofVirtual().start(() -> {
                        try (connection) {
                            MetadataHttp.serve(connection, request -> {
                                seen.add(request);
                                return request.path().equals("/latest/api/token")
                                        ? new MetadataAnswer(200, "text/plain", Map.of("X-aws-ec2-metadata-token-ttl-seconds",
                                        "60"), "TOKEN".getBytes(StandardCharsets.US_ASCII), 1)
                                        : MetadataAnswer.text("at " + request.path());
                            });
                        } catch (IOException ended) {
                            // the client went away
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        listener.close();
        server.join();
    }

    private String exchange(String requests) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", ((InetSocketAddress) listener.getLocalAddress()).getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void keepAliveRequestsAreAnsweredInOrderAndHeadHasNoBody() throws IOException {
        String answers = exchange("GET /latest/meta-data/instance-id HTTP/1.1\r\nHost: x\r\n\r\n"
                + "HEAD /latest/meta-data/tags/instance/My%20Tag?x=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                + "GET /latest/ HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertEquals(3, answers.split("HTTP/1.1 200 OK\r\n", -1).length - 1, answers);
        assertTrue(answers.contains("Content-Length: 32\r\n"), answers);
        assertTrue(answers.contains("\r\n\r\nat /latest/meta-data/instance-id"), answers);
        assertTrue(answers.endsWith("Connection: close\r\n\r\nat /latest/"), answers);
        assertEquals("/latest/meta-data/tags/instance/My Tag", seen.get(1).path());
        assertEquals("HEAD", seen.get(1).method());
        assertEquals("x", seen.get(0).header("HOST"));
        assertTrue(!answers.contains("at /latest/meta-data/tags"), "HEAD answers carry no body: " + answers);
    }

    @Test
    void aTokenAnswerEndsTheConnection() throws IOException {
        String answers = exchange("PUT /latest/api/token HTTP/1.1\r\nX-aws-ec2-metadata-token-ttl-seconds: 60\r\n\r\n"
                + "GET /latest/meta-data/ HTTP/1.1\r\n\r\n");
        assertTrue(answers.startsWith("HTTP/1.1 200 OK\r\n"), answers);
        assertTrue(answers.contains("X-aws-ec2-metadata-token-ttl-seconds: 60\r\n"), answers);
        assertTrue(answers.endsWith("Connection: close\r\nX-aws-ec2-metadata-token-ttl-seconds: 60\r\n\r\nTOKEN")
                || answers.endsWith("\r\n\r\nTOKEN"), answers);
        assertEquals(1, seen.size(), "nothing after the token answer is read");
    }

    @Test
    void requestsItCannotReadAreRefusedWith400() throws IOException {
        assertTrue(exchange("GET nowhere HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 400 Bad Request\r\n"));
        assertTrue(exchange("PUT /latest/api/token HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                .startsWith("HTTP/1.1 400 Bad Request\r\n"));
        assertEquals(0, seen.size());
    }
}
