package dev.gureum.protocol.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gureum.protocol.ApiError;
import dev.gureum.protocol.WireFormat;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.protocol.model.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * Our error envelopes read by the real Java SDK clients: the exception class they pick, the error code,
 * message, status and request id. CloudWatch's CBOR errors pick the class by {@code __type} and the code
 * from {@code x-amzn-query-error}, so a client sees the same code whichever wire carried the call.
 */
class WireErrorEnvelopeTest {
    private static final String MESSAGE = "Quoted & <marked> \"up\" é한🙂";
    private static final SdkClientWire SNS = new SdkClientWire(SnsClient.builder(), SnsClient.class);
    private static final SdkClientWire CLOUDWATCH = new SdkClientWire(CloudWatchClient.builder(), CloudWatchClient.class);

    @AfterAll
    static void close() {
        SNS.close();
        CLOUDWATCH.close();
    }

    @Test
    void snsReadsNotFoundAsItsModeledException() {
        AwsServiceException read = snsError(ApiError.sender("NotFound", 404, MESSAGE));
        assertInstanceOf(NotFoundException.class, read);
        assertRead(read, "NotFound", 404);
    }

    @Test
    void snsReadsAnUnknownActionAsInvalidAction() {
        AwsServiceException read = snsError(ApiError.sender("InvalidAction", 400, MESSAGE));
        assertEquals(SnsException.class, read.getClass());
        assertRead(read, "InvalidAction", 400);
    }

    @Test
    void snsReadsAReceiverFaultWithItsStatus() {
        assertRead(snsError(new ApiError("InternalError", 500, MESSAGE, false)), "InternalError", 500);
    }

    @Test
    void cloudWatchCborErrorsPickTheModeledExceptionAndTheQueryCode() {
        AwsServiceException invalid = cloudWatchError(ApiError.sender("InvalidParameterValue", 400, MESSAGE));
        assertInstanceOf(InvalidParameterValueException.class, invalid);
        assertRead(invalid, "InvalidParameterValue", 400);
        AwsServiceException missing = cloudWatchError(ApiError.sender("MissingParameter", 400, MESSAGE));
        assertInstanceOf(MissingRequiredParameterException.class, missing);
        assertRead(missing, "MissingParameter", 400);
        AwsServiceException limit = cloudWatchError(ApiError.sender("LimitExceeded", 400, MESSAGE));
        assertInstanceOf(LimitExceededException.class, limit);
        assertRead(limit, "LimitExceeded", 400);
    }

    @Test
    void cloudWatchCborErrorsWithoutAShapeKeepTheirCode() {
        AwsServiceException read = cloudWatchError(ApiError.sender("InvalidAction", 400, MESSAGE));
        assertEquals(CloudWatchException.class, read.getClass());
        assertRead(read, "InvalidAction", 400);
        assertRead(cloudWatchError(new ApiError("InternalError", 500, MESSAGE, false)), "InternalError", 500);
    }

    private static AwsServiceException snsError(ApiError error) {
        return read(SNS, ServiceWires.SNS.encodeError(error, "req-1"), ServiceWires.SNS_CATALOG.find("ListTopics").orElseThrow());
    }

    private static AwsServiceException cloudWatchError(ApiError error) {
        WireResponse response = ServiceWires.cloudWatch(WireFormat.CBOR).encodeError(error, "req-1");
        assertEquals("rpc-v2-cbor", response.headers().get("smithy-protocol"));
        return read(CLOUDWATCH, response, ServiceWires.CLOUDWATCH_CATALOG.find("ListMetrics").orElseThrow());
    }

    private static AwsServiceException read(SdkClientWire client, WireResponse response, Operation operation) {
        return assertThrows(AwsServiceException.class, () -> client.read(operation, response));
    }

    private static void assertRead(AwsServiceException read, String code, int status) {
        assertEquals(code, read.awsErrorDetails().errorCode());
        assertEquals(MESSAGE, read.awsErrorDetails().errorMessage());
        assertEquals(status, read.statusCode());
        assertEquals("req-1", read.requestId());
    }
}
