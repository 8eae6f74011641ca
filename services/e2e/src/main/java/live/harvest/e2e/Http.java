package live.harvest.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON-over-HTTP client for driving the services through their public APIs only. */
public final class Http {

    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    public record Reply(int status, JsonNode body, String raw) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public Reply expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException("Expected HTTP " + java.util.Arrays.toString(statuses) + " but got " + status
                    + ": " + raw);
        }
    }

    private final HttpClient client;

    public Http(int maxConcurrency) {
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(java.util.concurrent.Executors.newFixedThreadPool(Math.max(2, maxConcurrency / 8)))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public Reply get(String url, String token) {
        return send(builder(url, token, Map.of()).GET().build());
    }

    public Reply post(String url, String token, Object body) {
        return post(url, token, body, Map.of());
    }

    public Reply post(String url, String token, Object body, Map<String, String> headers) {
        return send(builder(url, token, headers).POST(publisher(body)).build());
    }

    public Reply put(String url, String token, Object body) {
        return send(builder(url, token, Map.of()).PUT(publisher(body)).build());
    }

    /** A body-less request of any method, e.g. DELETE. */
    public Reply send(String method, String url, String token) {
        return send(builder(url, token, Map.of()).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Posts a raw body (already serialised) with extra headers, e.g. a signed payment callback. */
    public Reply postRaw(String url, String body, Map<String, String> headers) {
        HttpRequest.Builder b = builder(url, null, headers).POST(HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    private HttpRequest.Builder builder(String url, String token, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        return b;
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw == null || raw.isBlank() ? JSON.nullNode() : parse(raw);
            return new Reply(response.statusCode(), body, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(raw);
        }
    }
}
