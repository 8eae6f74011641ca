package live.harvest.testkit.platform;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request line no HTTP client would send, written byte for byte on a socket (issue 12, ADR 0013). Netty refuses
 * an unencoded character in the request target while decoding, and Vert.x answers such a request with its own empty
 * 400 before any handler of ours can run (the known limit in ADR 0013). What we hold is: never a 5xx, never HTML,
 * no body to leak anything; and the same characters percent-encoded reach the platform and get problem+json.
 */
@QuarkusTest
class RawRequestLineTest {

    private static final List<String> UNENCODED = List.of("/probe/a b", "/probe/a{b", "/probe/a\"b", "/probe/a%zz",
            "/probe/a%", "/probe/a\u0000b", "/probe/a\rb", "/probe/a\nb", "/probe/a|b", "/probe?x=%zz", "/probe?x={");

    @TestHTTPResource
    URI uri;

    @Test
    void givenAnUnencodedSpaceBraceQuoteBarePercentNulOrCrLfInTheRequestLineWhenSentThenAnEmpty400NeverA5xxOrHtml()
            throws IOException {
        for (String target : UNENCODED) {
            String answer = send(target);
            String shown = target.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
            assertTrue(answer.matches("(?s)HTTP/1\\.[01] 400 .*"), shown + " was answered: " + answer);
            assertTrue(answer.endsWith("\r\n\r\n"), shown + " was answered with a body: " + answer);
        }
    }

    @Test
    void givenTheSameCharactersPercentEncodedWhenSentThenTheAnswerIsAProblem() throws IOException {
        for (String target : List.of("/probe/a%20b", "/probe/a%7Bb", "/probe/a%22b", "/probe/a%25zz", "/probe/a%00b",
                "/probe/a%0D%0Ab")) {
            String answer = send(target);
            assertTrue(answer.matches("(?s)HTTP/1\\.1 4\\d\\d .*"), target + " was answered: " + answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"),
                    target + " was not answered with a problem: " + answer);
        }
    }

    private String send(String target) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
