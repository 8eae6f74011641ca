package live.harvest.livestream.counter;

import java.util.UUID;

/** The like endpoint's body. */
public final class LikeDtos {

    private LikeDtos() {
    }

    /** {@code counted}: whether this call added a like (false when the caller had liked the stream already). */
    public record LikesView(UUID streamId, long likes, boolean counted) {
    }
}
