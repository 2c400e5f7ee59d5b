package dev.gureum.it;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * What an SNS subscriber does with a message, as AWS's documentation describes it: read the JSON, fetch the
 * certificate from SigningCertURL, rebuild the string to sign and verify the signature with SHA1withRSA
 * (SignatureVersion 1) or SHA256withRSA (2); follow SubscribeURL with a plain GET.
 */
final class SnsMessages {
    private static final String[] NOTIFICATION_FIELDS = {"Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"};
    private static final String[] CONFIRMATION_FIELDS = {"Message", "MessageId", "SubscribeURL", "Timestamp", "Token",
            "TopicArn", "Type"};

    private SnsMessages() {
    }

    static JsonNode parse(String body) {
        return JsonNode.parser().parse(body);
    }

    static String field(JsonNode message, String name) {
        JsonNode value = message.asObject().get(name);
        return value == null ? null : value.asString();
    }

    /** Verifies a message's signature against the certificate its SigningCertURL serves. */
    static boolean signatureVerifies(JsonNode message) throws Exception {
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(get(field(message, "SigningCertURL")).getBytes(StandardCharsets.US_ASCII)));
        certificate.checkValidity();
        StringBuilder toSign = new StringBuilder();
        for (String name : "Notification".equals(field(message, "Type")) ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS) {
            String value = field(message, name);
            if (value != null) {
                toSign.append(name).append('\n').append(value).append('\n');
            }
        }
        Signature signature = Signature.getInstance("2".equals(field(message, "SignatureVersion"))
                ? "SHA256withRSA" : "SHA1withRSA");
        signature.initVerify(certificate.getPublicKey());
        signature.update(toSign.toString().getBytes(StandardCharsets.UTF_8));
        return signature.verify(Base64.getDecoder().decode(field(message, "Signature")));
    }

    /** A plain, unsigned GET (what a browser or curl does with SubscribeURL); answers the body, requires 200. */
    static String get(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + url + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }
    }

    /** A plain, unsigned GET; answers "status body" whatever the status. */
    static String getStatus(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
    }
}
