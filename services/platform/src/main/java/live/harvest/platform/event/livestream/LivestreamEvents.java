package live.harvest.platform.event.livestream;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.EventType;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.common.TemperatureClass;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Contracts published by the livestream service on {@link Topics#LIVESTREAM}. */
public final class LivestreamEvents {

    public static final List<Class<? extends DomainEvent>> ALL = List.of(
            StreamScheduled.class, StreamStarted.class, StreamEnded.class, StreamCancelled.class,
            OfferOpened.class, OfferClosed.class);

    private LivestreamEvents() {
    }

    @EventType(value = "livestream.stream-scheduled", topic = Topics.LIVESTREAM)
    public record StreamScheduled(@NotNull UUID streamId, @NotNull UUID sellerId, String title, Instant plannedStart,
                                  List<UUID> productIds) implements DomainEvent {
        @Override
        public String aggregateId() {
            return streamId.toString();
        }
    }

    @EventType(value = "livestream.stream-started", topic = Topics.LIVESTREAM)
    public record StreamStarted(@NotNull UUID streamId, @NotNull UUID sellerId, @NotNull Instant startedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return streamId.toString();
        }
    }

    @EventType(value = "livestream.stream-ended", topic = Topics.LIVESTREAM)
    public record StreamEnded(@NotNull UUID streamId, @NotNull UUID sellerId, @NotNull Instant endedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return streamId.toString();
        }
    }

    @EventType(value = "livestream.stream-cancelled", topic = Topics.LIVESTREAM)
    public record StreamCancelled(@NotNull UUID streamId, @NotNull UUID sellerId, String reason) implements DomainEvent {
        @Override
        public String aggregateId() {
            return streamId.toString();
        }
    }

    /**
     * A flash-sale offer is open for buying. Orders builds its Redis stock pool from it, so it carries everything
     * an order line and its shipment need: price, limits, the product's temperature class, the seller's home county
     * (the shipment's origin) and the trace code of the batch being sold.
     */
    @EventType(value = "livestream.offer-opened", topic = Topics.LIVESTREAM)
    public record OfferOpened(@NotNull UUID offerId, @NotNull UUID streamId, @NotNull UUID sellerId,
                              String sellerCountyCode, @NotNull UUID productId, @NotNull UUID skuId,
                              @NotNull String title, String spec, @PositiveOrZero long priceFen,
                              @NotNull String currency, @Positive int quantity, @Positive int perBuyerLimit,
                              Instant endsAt, TemperatureClass temperatureClass,
                              String traceCode) implements DomainEvent {
        @Override
        public String aggregateId() {
            return offerId.toString();
        }
    }

    /**
     * An offer stopped selling (closed by the anchor, timed out, sold out, or the stream ended). The units it had
     * left are counted by orders, which owns the live pool, and reported in {@code orders.offer-pool-drained}.
     */
    @EventType(value = "livestream.offer-closed", topic = Topics.LIVESTREAM)
    public record OfferClosed(@NotNull UUID offerId, @NotNull UUID streamId, @NotNull UUID skuId, String reason)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return offerId.toString();
        }
    }
}
