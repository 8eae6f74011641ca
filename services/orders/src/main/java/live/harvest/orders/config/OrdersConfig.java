package live.harvest.orders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/**
 * Every key of the orders service under {@code harvest.orders} (docs/service-skeleton.md); environment variables
 * override any of them ({@code HARVEST_ORDERS_PAYMENT_WINDOW}), and application.properties keeps the older short
 * names the deploy scripts use ({@code ORDER_PAYMENT_WINDOW}, {@code DEMO_PAY_SECRET}) as aliases.
 */
@ConfigMapping(prefix = "harvest.orders")
public interface OrdersConfig {

    /** How long a placed order waits for payment before the expiry job cancels it and returns its stock. */
    @WithDefault("PT15M")
    Duration paymentWindow();

    /** How often the expiry job looks for unpaid orders past their window (a Quarkus scheduler period). */
    @WithDefault("30s")
    String expirySweep();

    /** How long an idempotency key and its first response are kept (at least 24 h, Stripe-style). */
    @WithDefault("PT25H")
    Duration idempotencyRetention();

    /** How long a claim on a key lives while its request is in flight; a crashed holder's claim lapses after it. */
    @WithDefault("PT30S")
    Duration idempotencyLease();

    /** How long a concurrent retry waits for the first request's response before answering 409. */
    @WithDefault("PT15S")
    Duration idempotencyWait();

    /** How long a live offer's Redis pool is kept after the offer's end, for late cancellations. */
    @WithDefault("P7D")
    Duration poolRetentionAfterEnd();

    /**
     * How long a reservation may stay unsettled before the reconciler treats its holder as dead and recounts the
     * pool from PostgreSQL. Short is safe (the recount is fenced: a slow order is counted or placed again); it bounds
     * how long a crash keeps units and allowances away from buyers.
     */
    @WithDefault("PT10S")
    Duration holdTimeout();

    /** How often the reconciler checks every live pool against PostgreSQL (a Quarkus scheduler period). */
    @WithDefault("2s")
    String reconcileEvery();

    /**
     * How long after an offer's end (its {@code endsAt}, or its stream's end) the reconciler drains it if no
     * {@code livestream.offer-closed} did (ADR 0018). Livestream's close normally comes within a second; the grace
     * leaves it the first word and absorbs clock skew between the services.
     */
    @WithDefault("PT2M")
    Duration endedOfferGrace();

    // Caps on units of a regular listing per order and per buyer are catalog's, per SKU (ADR 0019): not here.

    /** Anti-hoarding: how many unpaid orders a buyer may hold at once. Above it: 409 {@code too-many-unpaid-orders}. */
    @WithDefault("5")
    int maxUnpaidOrders();

    /** The live pools' stock hints to livestream's feed ({@code harvest.orders.stock-hints.*}, ADR 0028). */
    StockHints stockHints();

    interface StockHints {

        /** Whether pool changes are hinted at all; off, the feed learns the stock from the order events only. */
        @WithDefault("true")
        boolean enabled();

        /** At most one hint per offer per interval from this instance (an emptied pool is hinted at once). */
        @WithDefault("25ms")
        Duration interval();

        /**
         * How often an offer changed within {@link #confirmFor()} is hinted again, unchanged or not: a lost hint is
         * made good within this period, and livestream knows the hints are flowing (its {@code hint-lease}).
         */
        @WithDefault("1s")
        Duration confirmEvery();

        /** How long after an offer's last change it is still confirmed. */
        @WithDefault("10s")
        Duration confirmFor();
    }

    /**
     * Threads writing accepted orders (ADR 0029). Each takes whatever orders are queued, up to
     * {@link #orderBatchMax()}, and commits them as one transaction: while one batch commits, the next gathers. Two
     * keep both cores busy when one thread waits on a commit; more only add KEY SHARE lockers of the offer row.
     */
    @WithDefault("2")
    int orderWriters();

    /**
     * Most orders in one group-commit transaction. Bounds how long a batch holds its offer rows FOR KEY SHARE (a pool
     * recount waits for it), how much a failed batch redoes one order at a time, and one order's wait behind others.
     */
    @WithDefault("64")
    int orderBatchMax();

    /** Payment partners and how their signed callbacks are checked ({@code harvest.orders.payments.*}). */
    Payments payments();

    interface Payments {

        /** Partners by id (the {@code X-Payment-Partner} header): {@code harvest.orders.payments.partners.<id>.secret}. */
        Map<String, Partner> partners();

        /** How far a callback's timestamp may be from our clock before it is refused as stale (replay protection). */
        @WithDefault("PT5M")
        Duration tolerance();

        interface Partner {
            /** Shared HMAC-SHA256 secret; from the environment in any real deployment. */
            String secret();
        }
    }
}
