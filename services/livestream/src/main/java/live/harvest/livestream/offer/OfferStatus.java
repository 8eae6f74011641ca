package live.harvest.livestream.offer;

import live.harvest.platform.state.StatusMachine;

import java.util.EnumSet;
import java.util.Set;

/** An offer sells while OPEN; CLOSED (by the anchor, at its end time, with its stream, or aborted) is for good. */
public enum OfferStatus implements StatusMachine<OfferStatus> {
    OPEN, CLOSED;

    @Override
    public Set<OfferStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(OfferStatus.class);
        };
    }
}
