package dev.gureum.protocol.service;

import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.protocol.model.Operation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.core.http.HttpResponseHandler;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.protocols.core.OperationInfo;
import software.amazon.awssdk.protocols.core.ProtocolMarshaller;
import software.amazon.awssdk.protocols.json.AwsJsonProtocol;
import software.amazon.awssdk.protocols.json.AwsJsonProtocolFactory;
import software.amazon.awssdk.protocols.json.JsonOperationMetadata;
import software.amazon.awssdk.protocols.query.AwsQueryProtocolFactory;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The SDK's own aws-query and awsJson marshallers and unmarshallers, applied to a model whose generated
 * client speaks another protocol: the Java SDK 2.57.8 talks to CloudWatch only in CBOR, yet its model
 * classes are the same ones the CLI's aws-query and awsJson carry. Query parameters are form-encoded
 * into the body the way the SDK's query clients send them.
 */
final class SdkProtocolFactoryWire implements WireClient {
    enum Kind { QUERY, JSON }

    private static final SdkClientConfiguration CONFIGURATION = SdkClientConfiguration.builder()
            .option(SdkClientOption.ENDPOINT, URI.create("http://localhost:4747")).build();

    private final Kind kind;
    private final String apiVersion;
    private final String targetPrefix;
    private final AwsQueryProtocolFactory query = AwsQueryProtocolFactory.builder().clientConfiguration(CONFIGURATION).build();
    private final AwsJsonProtocolFactory json;

    SdkProtocolFactoryWire(Kind kind, String apiVersion, String targetPrefix) {
        this.kind = kind;
        this.apiVersion = apiVersion;
        this.targetPrefix = targetPrefix;
        this.json = AwsJsonProtocolFactory.builder().clientConfiguration(CONFIGURATION).protocol(AwsJsonProtocol.AWS_JSON)
                .protocolVersion("1.0").hasAwsQueryCompatible(true).build();
    }

    @Override
    public WireRequest send(Operation operation, SdkPojo input) {
        OperationInfo info = OperationInfo.builder().operationIdentifier(operation.name()).apiVersion(apiVersion)
                .requestUri("/").httpMethod(SdkHttpMethod.POST).hasImplicitPayloadMembers(true).build();
        ProtocolMarshaller<SdkHttpFullRequest> marshaller = kind == Kind.QUERY
                ? query.createProtocolMarshaller(info) : json.createProtocolMarshaller(info);
        SdkHttpFullRequest request = marshaller.marshall(input);
        if (kind == Kind.QUERY) {
            byte[] form = formBody(request.rawQueryParameters()).getBytes(StandardCharsets.UTF_8);
            return new WireRequest("POST", "/", "", Map.of("content-type",
                    List.of("application/x-www-form-urlencoded; charset=utf-8")), form);
        }
        byte[] body = readAll(request);
        return new WireRequest("POST", "/", "", Map.of("content-type", List.of("application/x-amz-json-1.0"),
                "x-amz-target", List.of(targetPrefix + "." + operation.name())), body);
    }

    @Override
    public SdkPojo read(Operation operation, WireResponse response) {
        SdkHttpFullResponse.Builder http = SdkHttpFullResponse.builder().statusCode(response.status())
                .putHeader("Content-Type", response.contentType())
                .content(AbortableInputStream.create(new ByteArrayInputStream(response.body())));
        response.headers().forEach(http::putHeader);
        HttpResponseHandler<? extends SdkPojo> handler = kind == Kind.QUERY
                ? query.<software.amazon.awssdk.awscore.AwsResponse>createResponseHandler(() -> builderOf(operation))
                : json.<SdkPojo>createResponseHandler(JsonOperationMetadata.builder().hasStreamingSuccessResponse(false)
                        .isPayloadJson(true).build(), () -> builderOf(operation));
        try {
            return handler.handle(http.build(), new ExecutionAttributes());
        } catch (Exception e) {
            throw new IllegalStateException(operation.name() + ": the SDK could not read the response", e);
        }
    }

    private static SdkPojo builderOf(Operation operation) {
        try {
            String responseClass = operation.responseType().getName();
            return (SdkPojo) Class.forName(responseClass).getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String formBody(Map<String, List<String>> parameters) {
        StringJoiner form = new StringJoiner("&");
        parameters.forEach((name, values) -> values.forEach(value -> form.add(
                SdkHttpUtils.urlEncode(name) + "=" + (value == null ? "" : SdkHttpUtils.urlEncode(value)))));
        return form.toString();
    }

    private static byte[] readAll(SdkHttpFullRequest request) {
        if (request.contentStreamProvider().isEmpty()) {
            return new byte[0];
        }
        try {
            return request.contentStreamProvider().get().newStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
