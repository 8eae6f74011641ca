package live.harvest.testkit.archsample.tidy.offer;

import live.harvest.platform.state.StatusMachine;

import java.util.EnumSet;
import java.util.Set;

public enum OfferStatus implements StatusMachine<OfferStatus> {
    OPEN, CLOSED;

    @Override
    public Set<OfferStatus> next() {
        return this == OPEN ? EnumSet.of(CLOSED) : EnumSet.noneOf(OfferStatus.class);
    }
}
