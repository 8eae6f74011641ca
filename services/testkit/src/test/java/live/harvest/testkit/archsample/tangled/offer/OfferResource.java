package live.harvest.testkit.archsample.tangled.offer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.reactive.messaging.annotations.Blocking;
import live.harvest.platform.security.Caller;
import live.harvest.testkit.archsample.tangled.order.OrderService;

/** Breaks five seams at once: reads the caller, config outside config/, the other @Blocking, a cycle, a loose view. */
public class OfferResource {
    @ConfigMapping(prefix = "tangled")
    public interface Settings {
        int limit();
    }

    public record OfferView(int units) {
    }

    @Blocking
    public OfferView show(Caller caller, OrderService orders) {
        return new OfferView(caller.id() == null ? 0 : orders.count());
    }

    public static int units() {
        return 1;
    }
}
