package live.harvest.livestream.feed;

/** One event of a stream's feed: its per-stream sequence number, SSE event name and JSON data. */
public record FeedEvent(long id, String type, String data) {
}
