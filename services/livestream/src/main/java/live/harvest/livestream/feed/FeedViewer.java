package live.harvest.livestream.feed;

/**
 * Who opened a feed. {@code countedAs}: the key the viewer is counted under as a unique viewer ({@code sub:<token
 * subject>} or {@code anon:<issued id>}), null when the connection is watched but not counted (it presented an id the
 * feed did not issue). {@code anonymousId}: the id an anonymous viewer should present next time, handed back in the
 * snapshot; null for a signed-in viewer.
 */
public record FeedViewer(String countedAs, String anonymousId) {
}
