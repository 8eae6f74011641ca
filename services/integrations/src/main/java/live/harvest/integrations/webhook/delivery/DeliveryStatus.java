package live.harvest.integrations.webhook.delivery;

import live.harvest.platform.state.StatusMachine;

import java.util.EnumSet;
import java.util.Set;

/**
 * A delivery is PENDING until an attempt gets a 2xx (DELIVERED) or the schedule runs out (FAILED). A redelivery
 * makes either PENDING again; none is final.
 */
public enum DeliveryStatus implements StatusMachine<DeliveryStatus> {
    PENDING,
    DELIVERED,
    FAILED;

    @Override
    public Set<DeliveryStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(DELIVERED, FAILED);
            case DELIVERED, FAILED -> EnumSet.of(PENDING);
        };
    }
}
