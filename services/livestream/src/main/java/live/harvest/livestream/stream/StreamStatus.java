package live.harvest.livestream.stream;

import live.harvest.platform.state.StatusMachine;

import java.util.EnumSet;
import java.util.Set;

/** A stream's life: SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED before it went live. */
public enum StreamStatus implements StatusMachine<StreamStatus> {
    SCHEDULED, LIVE, ENDED, CANCELLED;

    @Override
    public Set<StreamStatus> next() {
        return switch (this) {
            case SCHEDULED -> EnumSet.of(LIVE, CANCELLED);
            case LIVE -> EnumSet.of(ENDED);
            case ENDED, CANCELLED -> EnumSet.noneOf(StreamStatus.class);
        };
    }
}
