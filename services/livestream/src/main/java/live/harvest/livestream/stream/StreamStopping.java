package live.harvest.livestream.stream;

/**
 * A stream is about to end or be cancelled ({@code target}): fired inside that transaction, once the move was found
 * allowed and before the status changes, so that what hangs off a running stream finishes in the same transaction
 * (an ending stream closes its open offers, whose OfferClosed thus precede StreamEnded; the counters hand over their
 * final figures and stop). The observers sit in the features above stream; they are synchronous, so a failure there
 * rolls the whole move back, as when stream called them itself.
 */
public record StreamStopping(Stream stream, StreamStatus target) {

    public boolean ending() {
        return target == StreamStatus.ENDED;
    }
}
