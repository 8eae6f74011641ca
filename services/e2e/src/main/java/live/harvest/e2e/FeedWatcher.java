package live.harvest.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A viewer of a stream's live feed: reads the server-sent events on its own thread and keeps them. */
public final class FeedWatcher implements AutoCloseable {

    /** One event, with the wall-clock time this viewer received it (epoch milliseconds). */
    public record FeedEvent(String id, String type, JsonNode data, long receivedAtMillis) {
    }

    private final List<FeedEvent> events = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile InputStream stream;

    public FeedWatcher(String feedUrl) {
        reader = new Thread(() -> read(feedUrl), "feed-watcher");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(String feedUrl) {
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(feedUrl)).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            stream = response.body();
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            String id = null;
            String type = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new FeedEvent(id, type, Http.JSON.readTree(data.toString()),
                                System.currentTimeMillis()));
                    }
                    id = null;
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (Exception e) {
            // the feed ends when the stream ends or the watcher is closed
        }
    }

    public List<FeedEvent> events() {
        return List.copyOf(events);
    }

    public long count(String type) {
        return events.stream().filter(e -> e.type().equals(type)).count();
    }

    @Override
    public void close() {
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (Exception ignored) {
            // closing a half-read HTTP stream may complain; we are done with it either way
        }
        reader.interrupt();
    }
}
