package dev.gureum.protocol.sigv4;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;

/**
 * The errors SigV4 verification answers with, worded as AWS words them where the wording is known
 * (EC2's {@code AuthFailure}, {@code SignatureDoesNotMatch} and {@code RequestExpired} texts; the
 * {@code IncompleteSignature} texts of the query-protocol services).
 */
final class AuthenticationFailures {
    private AuthenticationFailures() {
    }

    static ProtocolException missingAuthentication() {
        return new ProtocolException(CommonError.AUTH_FAILURE, "The request must contain the parameter AWSAccessKeyId");
    }

    static ProtocolException unknownAccessKey() {
        return new ProtocolException(CommonError.AUTH_FAILURE,
                "AWS was not able to validate the provided access credentials");
    }

    static ProtocolException signatureDoesNotMatch() {
        return new ProtocolException(CommonError.SIGNATURE_DOES_NOT_MATCH,
                "The request signature we calculated does not match the signature you provided. Check your AWS "
                        + "Secret Access Key and signing method. Consult the service documentation for details.");
    }

    static ProtocolException scopeDateMismatch(String scopeDate, AmzDate date) {
        return new ProtocolException(CommonError.SIGNATURE_DOES_NOT_MATCH,
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                        + scopeDate + "' != '" + date.day() + "', from '" + date.basic() + "'.");
    }

    static ProtocolException requestExpired() {
        return new ProtocolException(CommonError.REQUEST_EXPIRED, "Request has expired.");
    }

    static ProtocolException malformedCredential(String credential) {
        return incomplete("Credential must have exactly 5 slash-delimited elements, e.g. "
                + "keyid/date/region/service/term, got '" + credential + "'");
    }

    static ProtocolException hostNotSigned() {
        return incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    static ProtocolException incomplete(String message) {
        return new ProtocolException(CommonError.INCOMPLETE_SIGNATURE, message);
    }
}
