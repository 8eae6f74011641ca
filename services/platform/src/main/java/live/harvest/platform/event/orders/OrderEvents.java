package live.harvest.platform.event.orders;

import jakarta.validation.Valid;
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

/** Contracts published by the orders service on {@link Topics#ORDERS}. */
public final class OrderEvents {

    public static final List<Class<? extends DomainEvent>> ALL = List.of(
            OrderPlaced.class, OrderPaid.class, OrderCancelled.class, OrderExpired.class, OrderRefunded.class,
            OfferPoolDrained.class);

    private OrderEvents() {
    }

    /** Where the parcel goes. Region codes: county 6 digits, township 9, village 12 (each a prefix of the next). */
    public record DeliveryAddress(String recipient, String phone, String countyCode, String townshipCode,
                                  String villageCode, String detail) {
    }

    /** Where the units of a line come back to when an order is cancelled, expires or is refunded before dispatch. */
    public enum StockReturn { OFFER, CATALOG }

    public record OrderLine(UUID productId, @NotNull UUID skuId, UUID offerId, String title, String spec,
                            @Positive int quantity,
                            long unitPriceFen, long lineTotalFen, TemperatureClass temperatureClass,
                            String traceCode) {
    }

    public record ReturnedLine(UUID skuId, UUID offerId, int quantity, @NotNull StockReturn returnedTo) {
    }

    @EventType(value = "orders.order-placed", topic = Topics.ORDERS)
    public record OrderPlaced(@NotNull UUID orderId, @NotNull UUID buyerId, @NotNull UUID sellerId, UUID streamId,
                              @NotNull List<@Valid OrderLine> lines,
                              long totalFen, String currency, Instant placedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return orderId.toString();
        }
    }

    /**
     * Payment confirmed. Carries everything logistics needs to create and route the shipment, and
     * {@code paymentPartnerId}: the payment partner whose signed callback paid it (its {@code X-Payment-Partner}
     * id), which decides which payment provider sees the order in the partner event history (ADR 0021). Added
     * without a new version: events written before it read it as null.
     */
    @EventType(value = "orders.order-paid", topic = Topics.ORDERS)
    public record OrderPaid(@NotNull UUID orderId, @NotNull UUID buyerId, @NotNull UUID sellerId,
                            String sellerCountyCode, UUID streamId, String paymentId, long amountFen,
                            String currency, @NotNull List<@Valid OrderLine> lines,
                            TemperatureClass temperatureClass, @NotNull DeliveryAddress address, Instant paidAt,
                            String paymentPartnerId)
            implements DomainEvent {

        /** An order paid without a known payment partner (events and fixtures from before ADR 0021). */
        public OrderPaid(UUID orderId, UUID buyerId, UUID sellerId, String sellerCountyCode, UUID streamId,
                         String paymentId, long amountFen, String currency, List<OrderLine> lines,
                         TemperatureClass temperatureClass, DeliveryAddress address, Instant paidAt) {
            this(orderId, buyerId, sellerId, sellerCountyCode, streamId, paymentId, amountFen, currency, lines,
                    temperatureClass, address, paidAt, null);
        }

        @Override
        public String aggregateId() {
            return orderId.toString();
        }
    }

    @EventType(value = "orders.order-cancelled", topic = Topics.ORDERS)
    public record OrderCancelled(@NotNull UUID orderId, @NotNull UUID buyerId, @NotNull UUID sellerId,
                                 UUID streamId, long totalFen, boolean wasPaid, String reason,
                                 List<@Valid ReturnedLine> returned) implements DomainEvent {
        @Override
        public String aggregateId() {
            return orderId.toString();
        }
    }

    @EventType(value = "orders.order-expired", topic = Topics.ORDERS)
    public record OrderExpired(@NotNull UUID orderId, @NotNull UUID buyerId, @NotNull UUID sellerId,
                               UUID streamId, long totalFen, List<@Valid ReturnedLine> returned) implements DomainEvent {
        @Override
        public String aggregateId() {
            return orderId.toString();
        }
    }

    /**
     * The buyer's money went back. {@code returned} lists where each line's units went when the refund came before
     * the parcel left its centre (like a cancellation); it is empty once the goods were on the road (they come back
     * on a return leg, not onto the shelf), and absent in events written before ADR 0018 (read as "none returned").
     */
    @EventType(value = "orders.order-refunded", topic = Topics.ORDERS)
    public record OrderRefunded(@NotNull UUID orderId, @NotNull UUID buyerId, @NotNull UUID sellerId, UUID streamId,
                                long amountFen, String currency, String reason,
                                List<@Valid ReturnedLine> returned) implements DomainEvent {
        @Override
        public String aggregateId() {
            return orderId.toString();
        }
    }

    /**
     * An offer's live pool was closed and emptied after the offer closed; {@code unitsLeft} unsold units go back
     * to the catalog's on-hand stock. Later cancellations of that offer's orders return to catalog directly.
     */
    @EventType(value = "orders.offer-pool-drained", topic = Topics.ORDERS)
    public record OfferPoolDrained(@NotNull UUID offerId, UUID streamId, @NotNull UUID sellerId, UUID productId,
                                   @NotNull UUID skuId, @PositiveOrZero int unitsLeft) implements DomainEvent {
        @Override
        public String aggregateId() {
            return offerId.toString();
        }
    }
}
