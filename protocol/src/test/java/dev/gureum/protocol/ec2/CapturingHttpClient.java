package dev.gureum.protocol.ec2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * A hand-written HTTP client for codec tests: it records what the real SDK marshalled and answers with
 * bytes the test chose, so both directions of the wire pass through the SDK's own (un)marshallers.
 */
public final class CapturingHttpClient implements SdkHttpClient {
    private byte[] responseBody = new byte[0];
    private int responseStatus = 200;
    private Map<String, String> responseHeaders = Map.of("Content-Type", "text/xml;charset=UTF-8");
    private SdkHttpRequest lastRequest;
    private byte[] lastBody;

    public void respondWith(int status, byte[] body) {
        respondWith(status, body, Map.of("Content-Type", "text/xml;charset=UTF-8"));
    }

    /** Answers with these headers too (an RPC v2 CBOR client, for one, requires {@code smithy-protocol}). */
    public void respondWith(int status, byte[] body, Map<String, String> headers) {
        this.responseStatus = status;
        this.responseBody = body;
        this.responseHeaders = Map.copyOf(headers);
    }

    public SdkHttpRequest lastRequest() {
        return lastRequest;
    }

    public byte[] lastBody() {
        return lastBody;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                lastRequest = request.httpRequest();
                try {
                    lastBody = request.contentStreamProvider().isPresent()
                            ? request.contentStreamProvider().get().newStream().readAllBytes() : new byte[0];
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return HttpExecuteResponse.builder()
                        .response(responseWithHeaders())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(responseBody)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    private SdkHttpResponse responseWithHeaders() {
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(responseStatus);
        responseHeaders.forEach(response::putHeader);
        return response.build();
    }

    @Override
    public void close() {
    }
}
