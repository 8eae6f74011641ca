package live.harvest.orders.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "harvest.payments")
public interface PaymentsConfig {

    /** Payment partners by id (the {@code X-Payment-Partner} header), e.g. {@code harvest.payments.partners.demo-pay.secret}. */
    Map<String, Partner> partners();

    /** How far a callback's timestamp may be from our clock before it is refused as stale (replay protection). */
    @WithDefault("PT5M")
    Duration tolerance();

    interface Partner {
        /** Shared HMAC-SHA256 secret; from the environment in any real deployment. */
        String secret();
    }
}
