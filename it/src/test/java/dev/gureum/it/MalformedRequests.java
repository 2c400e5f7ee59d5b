package dev.gureum.it;

import static dev.gureum.it.BadRequest.error;
import static dev.gureum.it.BadRequest.lenient;
import static dev.gureum.it.BadRequest.octets;
import static dev.gureum.it.BadRequest.unfinished;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-written malformed requests of {@link BadInputIT}, area by area: form syntax, list indices,
 * encodings, sizes, Action and Version, HTTP methods, parameter types, HTTP framing and headers.
 */
final class MalformedRequests {
    static final String VALID = "Action=DescribeRegions&Version=2016-11-15";
    /** The server's body limit (Gateway.MAX_BODY_BYTES). */
    static final int BODY_LIMIT = 10 * 1024 * 1024;

    private MalformedRequests() {
    }

    static List<BadRequest> all() {
        List<BadRequest> cases = new ArrayList<>();
        formSyntax(cases);
        indices(cases);
        encodings(cases);
        sizes(cases);
        actionsAndVersions(cases);
        methods(cases);
        parameterTypes(cases);
        framing(cases);
        headers(cases);
        return cases;
    }

    private static void formSyntax(List<BadRequest> cases) {
        cases.add(error("bare percent", post(VALID + "&%"), "MalformedQueryString"));
        cases.add(error("percent, one digit", post(VALID + "&RegionName.1=%4"), "MalformedQueryString"));
        cases.add(error("percent, not hex", post(VALID + "&RegionName.1=%G1"), "MalformedQueryString"));
        cases.add(error("percent in a name", post(VALID + "&Region%zzName.1=x"), "MalformedQueryString"));
        cases.add(error("equals only", post("=")));
        cases.add(error("equals with value, no name", post(VALID + "&=x")));
        cases.add(error("ampersands only", post("&&&"), "MissingAction"));
        cases.add(lenient("ampersands around a valid body", post("&&&" + VALID + "&&&")));
        cases.add(error("empty body", post(""), "MissingAction"));
        cases.add(error("name without value", post(VALID + "&DryRun"), "InvalidParameterValue"));
        cases.add(error("empty name segment", post(VALID + "&Filter..Name=x"), "UnknownParameter"));
        cases.add(error("leading dot", post(VALID + "&.Filter.1.Name=x"), "UnknownParameter"));
        cases.add(error("trailing dot", post(VALID + "&Filter.1.Name.=x"), "UnknownParameter"));
        cases.add(error("dots only", post(VALID + "&...=x"), "UnknownParameter"));
        cases.add(error("nesting past any shape", post(VALID + "&Filter" + ".1".repeat(40) + "=x"), "UnknownParameter"));
        cases.add(error("structure given a value", post(VALID + "&Filter.1=x"), "UnknownParameter"));
        cases.add(error("list given a value", post(VALID + "&Filter=x"), "UnknownParameter"));
        cases.add(error("scalar given children", post(VALID + "&DryRun.1=true"), "UnknownParameter"));
        cases.add(lenient("plus as space", post(VALID + "&RegionName.1=us+east+1")));
        cases.add(lenient("repeated name, first wins", post(VALID + "&RegionName.1=us-east-1&RegionName.1=%zz")));
    }

    private static void indices(List<BadRequest> cases) {
        cases.add(error("index 0", post(VALID + "&RegionName.0=us-east-1"), "UnknownParameter"));
        cases.add(error("negative index", post(VALID + "&RegionName.-1=us-east-1"), "UnknownParameter"));
        cases.add(error("huge index", post(VALID + "&RegionName.99999999999=us-east-1"), "UnknownParameter"));
        cases.add(error("index past int", post(VALID + "&RegionName.2147483648=us-east-1"), "UnknownParameter"));
        cases.add(error("index with sign", post(VALID + "&RegionName.+1=us-east-1"), "UnknownParameter"));
        cases.add(error("index in hex", post(VALID + "&RegionName.0x1=us-east-1"), "UnknownParameter"));
        cases.add(error("index with spaces", post(VALID + "&RegionName.%201=us-east-1"), "UnknownParameter"));
        cases.add(error("index as a word", post(VALID + "&RegionName.one=us-east-1"), "UnknownParameter"));
        cases.add(error("index in full-width digits", post(VALID + "&RegionName.%EF%BC%91=us-east-1"), "UnknownParameter"));
        cases.add(lenient("sparse nine-digit index", post(VALID + "&RegionName.999999999=us-east-1")));
        cases.add(lenient("leading zeros", post(VALID + "&RegionName.0001=us-east-1")));
        cases.add(error("filter value index 0", post(VALID + "&Filter.1.Name=region-name&Filter.1.Value.0=x"), "UnknownParameter"));
    }

    private static void encodings(List<BadRequest> cases) {
        for (String bad : List.of("%FF", "%C3%28", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%E2%82", "%80")) {
            cases.add(error("invalid UTF-8 " + bad, post(VALID + "&RegionName.1=" + bad), "MalformedQueryString"));
        }
        cases.add(error("raw invalid UTF-8 byte", post(octets(VALID + "&RegionName.1=\u00FF")), "MalformedQueryString"));
        cases.add(error("invalid UTF-8 in a name", post(VALID + "&%FF=x"), "MalformedQueryString"));
        for (String control : List.of("%00", "%01", "%08", "%0B", "%1B", "%1F", "%EF%BF%BE", "%EF%BF%BF")) {
            cases.add(error("control character " + control, post(VALID + "&RegionName.1=a" + control + "b"), "InvalidParameterValue"));
        }
        cases.add(error("control character in the Action", post("Action=Describe%00Regions&Version=2016-11-15")));
        cases.add(error("raw NUL byte in the body", post(octets(VALID + "&RegionName.1=a\u0000b"))));
        cases.add(lenient("tab, CR and LF are allowed", post(VALID + "&RegionName.1=a%09%0D%0Ab")));
        cases.add(lenient("DEL is not a control character in XML", post(VALID + "&RegionName.1=a%7Fb")));
        cases.add(lenient("emoji", post(VALID + "&RegionName.1=%F0%9F%99%82")));
    }

    private static void sizes(List<BadRequest> cases) {
        StringBuilder many = new StringBuilder(VALID);
        for (int i = 0; i < 100_000; i++) {
            many.append("&p").append(i).append("=v");
        }
        cases.add(error("100k parameters", post(many.toString()), "InvalidQueryParameter"));
        String fiveMegabytes = "a".repeat(5 * 1024 * 1024);
        cases.add(error("5 MB unknown parameter value", post(VALID + "&Junk=" + fiveMegabytes), "UnknownParameter"));
        cases.add(lenient("5 MB region name", post(VALID + "&RegionName.1=" + fiveMegabytes)));
        cases.add(error("5 MB Version", post("Action=DescribeRegions&Version=" + fiveMegabytes), "NoSuchVersion"));
        cases.add(error("5 MB parameter name", post(VALID + "&" + fiveMegabytes + "=x"), "UnknownParameter"));
        byte[] atLimit = padded(VALID + "&Junk=", BODY_LIMIT);
        cases.add(error("body exactly at the 10 MB limit", post(atLimit), "UnknownParameter"));
        byte[] overLimit = padded(VALID + "&Junk=", BODY_LIMIT + 1);
        cases.add(error("body one byte over the 10 MB limit", post(overLimit), "RequestEntityTooLarge"));
        cases.add(error("chunked body over the 10 MB limit", chunked(overLimit, 1 << 20), "RequestEntityTooLarge"));
        cases.add(error("Content-Length over the limit with Expect: 100-continue",
                octets("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + (BODY_LIMIT + 1)
                        + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"), "RequestEntityTooLarge"));
    }

    private static void actionsAndVersions(List<BadRequest> cases) {
        cases.add(error("missing Action", post("Version=2016-11-15"), "MissingAction"));
        cases.add(error("empty Action", post("Action=&Version=2016-11-15"), "MissingAction"));
        cases.add(error("unknown Action", post("Action=Frobnicate&Version=2016-11-15"), "InvalidAction"));
        cases.add(error("Action in lower case", post("Action=describeregions&Version=2016-11-15"), "InvalidAction"));
        cases.add(error("Action with markup", post("Action=%3Cx%3E%26&Version=2016-11-15"), "InvalidAction"));
        cases.add(error("Action that is a class name", post("Action=Ec2Client&Version=2016-11-15"), "InvalidAction"));
        cases.add(error("missing Version", post("Action=DescribeRegions"), "MissingParameter"));
        cases.add(error("empty Version", post("Action=DescribeRegions&Version="), "MissingParameter"));
        cases.add(error("wrong Version", post("Action=DescribeRegions&Version=2010-01-01"), "NoSuchVersion"));
        cases.add(error("Version with markup", post("Action=DescribeRegions&Version=%3C%2FMessage%3E"), "NoSuchVersion"));
        cases.add(error("operation Gureum does not serve yet", post("Action=AcceptAddressTransfer&Version=2016-11-15&Address=1.2.3.4")));
    }

    private static void methods(List<BadRequest> cases) {
        for (String method : List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "post")) {
            cases.add(error(method + " with a valid body", request(method, "/", VALID.getBytes(StandardCharsets.UTF_8)), "MethodNotAllowed"));
        }
        cases.add(error("HEAD", octets("HEAD / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")));
        cases.add(error("CONNECT", octets("CONNECT localhost:443 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")));
        cases.add(lenient("GET with the parameters in the query", get("/?" + VALID)));
        cases.add(error("GET with a body", request("GET", "/", VALID.getBytes(StandardCharsets.UTF_8)), "MalformedQueryString"));
        cases.add(error("GET with a bad escape", get("/?" + VALID + "&%zz"), "MalformedQueryString"));
        cases.add(error("GET with invalid UTF-8", get("/?" + VALID + "&RegionName.1=%FF"), "MalformedQueryString"));
        cases.add(error("GET with a raw high byte", octets("GET /?" + VALID + "&a=\u00FF HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")));
        cases.add(error("GET with no parameters", get("/"), "MissingAction"));
        cases.add(lenient("query and body both", request("POST", "/?Action=DescribeRegions", "Version=2016-11-15".getBytes(StandardCharsets.UTF_8))));
        cases.add(lenient("absolute-form target", request("POST", "http://elsewhere.example/", VALID.getBytes(StandardCharsets.UTF_8))));
        cases.add(lenient("bad escape in the path", request("POST", "/%ZZ", VALID.getBytes(StandardCharsets.UTF_8))));
        cases.add(lenient("dot segments in the path", request("POST", "/../../etc/passwd", VALID.getBytes(StandardCharsets.UTF_8))));
        cases.add(lenient("asterisk target", request("POST", "*", VALID.getBytes(StandardCharsets.UTF_8))));
    }

    private static void parameterTypes(List<BadRequest> cases) {
        cases.add(error("unknown parameter", post(VALID + "&Foo=bar"), "UnknownParameter"));
        cases.add(lenient("parameter name in another case (EC2 matches names case-insensitively)",
                post(VALID + "&regionname.1=us-east-1")));
        cases.add(error("XML name instead of query name", post(VALID + "&regionNameSet.1=us-east-1"), "UnknownParameter"));
        cases.add(error("DryRun=maybe", post(VALID + "&DryRun=maybe"), "InvalidParameterValue"));
        cases.add(error("DryRun=1", post(VALID + "&DryRun=1"), "InvalidParameterValue"));
        cases.add(error("DryRun empty", post(VALID + "&DryRun="), "InvalidParameterValue"));
        cases.add(error("DryRun=true", post(VALID + "&DryRun=true"), "DryRunOperation"));
        String instances = "Action=DescribeInstances&Version=2016-11-15";
        for (String value : List.of("abc", "", "1.5", "99999999999", "0x10", "1e3", "%E2%91%A0", "%EF%BC%95", "%D9%A5")) {
            cases.add(error("MaxResults=" + value, post(instances + "&MaxResults=" + value), "InvalidParameterValue"));
        }
        cases.add(error("MaxResults=-1", post(instances + "&MaxResults=-1")));
        String prices = "Action=DescribeSpotPriceHistory&Version=2016-11-15";
        for (String value : List.of("yesterday", "2026-13-45T99:99:99Z", "", "1e400", "-", ".",
                "99999999999999999999", "-99999999999999999999", "31556889864403200")) {
            cases.add(error("StartTime=" + value, post(prices + "&StartTime=" + value), "InvalidParameterValue"));
        }
        cases.add(error("blob that is not base64", post("Action=ImportKeyPair&Version=2016-11-15&KeyName=k&PublicKeyMaterial=%25%25%25")));
        cases.add(error("RunInstances without counts", post("Action=RunInstances&Version=2016-11-15&ImageId=ami-1"), "MissingParameter"));
        cases.add(error("RunInstances MaxCount=1x", post("Action=RunInstances&Version=2016-11-15&MinCount=1&MaxCount=1x"), "InvalidParameterValue"));
    }

    private static void framing(List<BadRequest> cases) {
        cases.add(unfinished("headers cut mid-line", octets("POST / HTTP/1.1\r\nHost: local")));
        cases.add(unfinished("headers without the blank line", octets("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n")));
        cases.add(unfinished("body shorter than Content-Length",
                octets("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n" + VALID)));
        cases.add(unfinished("chunked body without its last chunk",
                octets("POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nAction\r\n")));
        cases.add(unfinished("request line only", octets("POST / HTTP/1.1")));
        cases.add(lenient("valid chunked body", chunked(VALID.getBytes(StandardCharsets.UTF_8), 7)));
        cases.add(lenient("chunk extensions and trailers", octets("POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n" + Integer.toHexString(VALID.length()) + ";name=value\r\n" + VALID
                + "\r\n0\r\nX-Trailer: t\r\n\r\n")));
        cases.add(error("chunk size not hex", octets("POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n")));
        cases.add(error("chunk size past 2^64", octets("POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n1FFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n")));
        cases.add(error("Content-Length and chunked both", octets("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n")));
        cases.add(error("two Content-Lengths", octets("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
                + "Content-Length: 6\r\nConnection: close\r\n\r\nabcdef")));
        cases.add(error("Content-Length not a number", octets("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\nConnection: close\r\n\r\n")));
        cases.add(error("negative Content-Length", octets("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\nConnection: close\r\n\r\n")));
        cases.add(error("Transfer-Encoding gzip", octets("POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\n")));
        cases.add(error("not HTTP at all", octets("GARBAGE\r\n\r\n")));
        cases.add(error("TLS handshake bytes", octets("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00FC\u0003\u0003" + "\u0000".repeat(50))));
        cases.add(error("HTTP/2 preface", octets("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")));
        cases.add(error("request line over 8 KB", octets("POST /" + "a".repeat(9000) + " HTTP/1.1\r\nConnection: close\r\n\r\n")));
        cases.add(error("bare LF line endings", octets("POST / HTTP/1.1\nHost: localhost\nContent-Length: 0\n\n")));
        cases.add(lenient("HTTP/1.0", octets("POST / HTTP/1.0\r\nContent-Length: " + VALID.length() + "\r\n\r\n" + VALID)));
        cases.add(lenient("unknown HTTP version", octets("POST / HTTP/1.7\r\nContent-Length: " + VALID.length() + "\r\nConnection: close\r\n\r\n" + VALID)));
    }

    private static void headers(List<BadRequest> cases) {
        String body = "\r\nContent-Length: " + VALID.length() + "\r\nConnection: close\r\n\r\n" + VALID;
        cases.add(lenient("no Host header", octets("POST / HTTP/1.1" + body)));
        cases.add(lenient("two Host headers", octets("POST / HTTP/1.1\r\nHost: a\r\nHost: b" + body)));
        cases.add(error("space in a header name", octets("POST / HTTP/1.1\r\nHo st: x" + body)));
        cases.add(error("header line without a colon", octets("POST / HTTP/1.1\r\nJustText" + body)));
        cases.add(error("NUL in a header value", octets("POST / HTTP/1.1\r\nHost: x\u0000y" + body)));
        cases.add(lenient("high bytes in a header value", octets("POST / HTTP/1.1\r\nX-Odd: \u00FF\u00FE" + body)));
        cases.add(error("header of 70 KB", octets("POST / HTTP/1.1\r\nX-Big: " + "a".repeat(70_000) + body)));
        cases.add(lenient("obsolete line folding", octets("POST / HTTP/1.1\r\nX-Folded: a\r\n b" + body)));
        cases.add(lenient("1000 headers", octets("POST / HTTP/1.1" + "\r\nX-H: v".repeat(1000) + body)));
        cases.add(lenient("JSON content type", octets("POST / HTTP/1.1\r\nContent-Type: application/json" + body)));
        cases.add(error("awsJson body", octets("POST / HTTP/1.1\r\nX-Amz-Target: AmazonEC2.DescribeRegions\r\n"
                + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"), "MissingAction"));
        cases.add(error("Expect: something unknown", octets("POST / HTTP/1.1\r\nExpect: teapot" + body)));
        cases.add(lenient("Authorization that is not SigV4", octets("POST / HTTP/1.1\r\nAuthorization: Basic Zm9vOmJhcg==" + body)));
        cases.add(lenient("SigV4 Authorization with a broken credential",
                octets("POST / HTTP/1.1\r\nAuthorization: AWS4-HMAC-SHA256 Credential=a/b/c" + body)));
        cases.add(error("SigV4 scope for an unknown region", octets("POST / HTTP/1.1\r\nAuthorization: AWS4-HMAC-SHA256 "
                + "Credential=a/20260101/zz-nowhere-1/ec2/aws4_request, SignedHeaders=host, Signature=00" + body), "SignatureDoesNotMatch"));
        cases.add(error("SigV4 scope for another service", octets("POST / HTTP/1.1\r\nAuthorization: AWS4-HMAC-SHA256 "
                + "Credential=a/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=00" + body), "UnsupportedOperation"));
    }

    static byte[] post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] post(byte[] body) {
        return request("POST", "/", body);
    }

    static byte[] get(String target) {
        return octets("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    static byte[] request(String method, String target, byte[] body) {
        byte[] head = octets(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n");
        return concat(head, body);
    }

    private static byte[] chunked(byte[] body, int chunkSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1024);
        out.writeBytes(octets("POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"));
        for (int start = 0; start < body.length; start += chunkSize) {
            int length = Math.min(chunkSize, body.length - start);
            out.writeBytes(octets(Integer.toHexString(length) + "\r\n"));
            out.write(body, start, length);
            out.writeBytes(octets("\r\n"));
        }
        out.writeBytes(octets("0\r\n\r\n"));
        return out.toByteArray();
    }

    private static byte[] padded(String prefix, int length) {
        byte[] body = new byte[length];
        java.util.Arrays.fill(body, (byte) 'a');
        byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        return body;
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
