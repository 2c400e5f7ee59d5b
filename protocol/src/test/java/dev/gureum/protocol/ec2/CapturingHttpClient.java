package dev.gureum.protocol.ec2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
final class CapturingHttpClient implements SdkHttpClient {
    private byte[] responseBody = new byte[0];
    private int responseStatus = 200;
    private SdkHttpRequest lastRequest;
    private byte[] lastBody;

    void respondWith(int status, byte[] body) {
        this.responseStatus = status;
        this.responseBody = body;
    }

    SdkHttpRequest lastRequest() {
        return lastRequest;
    }

    byte[] lastBody() {
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
                        .response(SdkHttpResponse.builder().statusCode(responseStatus)
                                .putHeader("Content-Type", "text/xml;charset=UTF-8").build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(responseBody)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public void close() {
    }
}
