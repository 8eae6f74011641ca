package live.harvest.orders.offer;

import live.harvest.orders.config.OrdersConfig;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When a Redis pool stops selling and when it may be forgotten. */
@UnitTest
class PoolLifetimeTest {

    private static final Instant OPENED = Instant.parse("2026-05-01T08:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(7);

    /** Only the retention is read; any other key would be a new dependency this test should notice. */
    private static final OrdersConfig CONFIG = (OrdersConfig) Proxy.newProxyInstance(
            OrdersConfig.class.getClassLoader(), new Class<?>[]{OrdersConfig.class}, (proxy, method, args) -> {
                if (method.getName().equals("poolRetentionAfterEnd")) {
                    return RETENTION;
                }
                throw new AssertionError("PoolLifetime read " + method.getName());
            });

    @Test
    void givenAnOfferWithAnEnd_thenItSellsUntilThenAndIsKeptForTheRetentionAfter() {
        Instant ends = OPENED.plus(Duration.ofHours(2));

        PoolLifetime lifetime = PoolLifetime.of(ends, OPENED, CONFIG);

        assertEquals(ends, lifetime.sellsUntil());
        assertEquals(ends.plus(RETENTION), lifetime.expireAt());
    }

    @Test
    void givenAnOpenEndedOffer_thenItSellsUntilClosedAndItsPoolExpiresAWeekAfterOpeningPlusTheRetention() {
        PoolLifetime lifetime = PoolLifetime.of(null, OPENED, CONFIG);

        assertEquals(OfferPool.OPEN_ENDED, lifetime.sellsUntil());
        assertEquals(OPENED.plus(Duration.ofDays(7)).plus(RETENTION), lifetime.expireAt());
    }
}
