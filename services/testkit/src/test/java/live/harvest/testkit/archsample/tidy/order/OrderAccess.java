package live.harvest.testkit.archsample.tidy.order;

import live.harvest.platform.security.Caller;

import java.util.UUID;

public class OrderAccess {
    private final Caller caller;

    public OrderAccess(Caller caller) {
        this.caller = caller;
    }

    public UUID buyer() {
        return caller.id();
    }
}
