package live.harvest.livestream.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Reads a server-sent-events stream over real HTTP (java.net.http) and keeps every event it parsed. */
public final class SseClient implements AutoCloseable {

    /** One event, with the {@link System#nanoTime()} at which it was read (for lag measurements). */
    public record Event(long id, String type, JsonNode data, long receivedNanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private final Thread reader;
    private final int status;
    private volatile boolean ended;

    private SseClient(String path, String lastEventId, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            body = response.body();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open " + path, e);
        }
        reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseClient open(String path) {
        return new SseClient(path, null, null);
    }

    /** Opens the feed as a signed-in viewer. */
    public static SseClient signedIn(String path, String token) {
        return new SseClient(path, null, token);
    }

    public static SseClient resume(String path, long lastEventId) {
        return new SseClient(path, Long.toString(lastEventId), null);
    }

    public int status() {
        return status;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<Event> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    public Event awaitEvent(String type, Predicate<JsonNode> match) {
        await().atMost(Duration.ofSeconds(20)).until(() -> ofType(type).stream().anyMatch(e -> match.test(e.data())));
        return ofType(type).stream().filter(e -> match.test(e.data())).findFirst().orElseThrow();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            long id = -1;
            String type = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, type, JSON.readTree(data.toString()), System.nanoTime()));
                    }
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).trim());
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (Exception closed) {
            // The test closed the stream, or the server ended it.
        } finally {
            ended = true;
        }
    }

    /** Whether the stream has ended (the server closed the response, or the test closed it). */
    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (Exception ignored) {
            // already closed
        }
        reader.interrupt();
    }
}
