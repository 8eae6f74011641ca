package live.harvest.livestream.stream;

import java.util.UUID;

/**
 * Something viewers of a stream must see, fired as a CDI event inside the transaction that caused it and delivered to
 * the feed only after that transaction commits (feed's {@code FeedHub.onCommitted}). It lives with the stream, below
 * every feature that fires it (stream, offer), so none of them depends on the feed; the constants are the feed's event
 * names.
 */
public record FeedNotice(UUID streamId, String type, Object data) {

    public static final String SNAPSHOT = "snapshot";
    public static final String OFFER_PINNED = "offer-pinned";
    public static final String OFFER_UPDATED = "offer-updated";
    public static final String STOCK = "stock";
    public static final String SOLD_OUT = "sold-out";
    public static final String OFFER_CLOSED = "offer-closed";
    public static final String STREAM_ENDED = "stream-ended";
    public static final String VIEWERS = "viewers";
    public static final String LIKES = "likes";
}
