package live.harvest.livestream.offer;

import java.util.UUID;

/** An offer's remaining stock changed; {@code version} orders concurrent updates (higher wins). */
public record StockNotice(UUID streamId, UUID offerId, int remaining, long version) {
}
