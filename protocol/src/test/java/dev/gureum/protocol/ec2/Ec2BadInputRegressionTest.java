package dev.gureum.protocol.ec2;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gureum.protocol.ApiError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.http.WireRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regressions found by BadInputIT, pinned at the codec: each malformed value must become the AWS error
 * a client can read, not an internal error and not a body its XML parser rejects.
 */
class Ec2BadInputRegressionTest {
    private static final Ec2Protocol PROTOCOL = new Ec2Protocol();

    /** Instant.ofEpochSecond threw DateTimeException, which nothing caught: the caller saw InternalError. */
    @ParameterizedTest
    @ValueSource(strings = {"31556889864403200", "99999999999999999999", "-99999999999999999999"})
    void epochSecondsBeyondTheInstantRangeAreInvalidParameterValue(String startTime) {
        ProtocolException refusal = assertThrows(ProtocolException.class,
                () -> decode("Action=DescribeSpotPriceHistory&Version=2016-11-15&StartTime=" + startTime));
        assertEquals("InvalidParameterValue", refusal.error().code());
    }

    /** Integer.valueOf reads any Unicode decimal digit, so a full-width or Arabic-Indic five was 5. */
    @ParameterizedTest
    @ValueSource(strings = {"%EF%BC%95", "%D9%A5", "%E0%A5%AB"})
    void integersWithNonAsciiDigitsAreInvalidParameterValue(String maxResults) {
        ProtocolException refusal = assertThrows(ProtocolException.class,
                () -> decode("Action=DescribeInstances&Version=2016-11-15&MaxResults=" + maxResults));
        assertEquals("InvalidParameterValue", refusal.error().code());
    }

    /**
     * An error message can quote what the client sent (Netty quotes a bad header name); XML 1.0 cannot
     * carry C0 controls even as character references, so they must not reach the body raw.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\u0001", "\u0008", "\u000B", "\u001B", "\u001F", "\uFFFE", "\uD800"})
    void errorMessagesQuotingControlCharactersAreWellFormedXml(String control) {
        ApiError error = ApiError.sender("MalformedHttpRequest", 400, "invalid character in header 'a" + control + "b'");
        byte[] body = PROTOCOL.encodeError(error, "req-1").body();
        assertDoesNotThrow(() -> DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(body)), new String(body, StandardCharsets.UTF_8));
    }

    private static void decode(String body) {
        PROTOCOL.decode(new WireRequest("POST", "/", "", Map.of(), body.getBytes(StandardCharsets.UTF_8)));
    }
}
