package live.harvest.orders.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.orders.OrderEvents;
import live.harvest.platform.region.RegionCodes;
import live.harvest.platform.value.DeliveryAddress;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The order API's shapes: what buyers send (*Request) and what buyers, sellers and admins read (*View). */
public final class OrderDtos {

    private OrderDtos() {
    }

    /** What a buyer sends: what to buy and where to. Prices are never taken from the client. */
    public record PlaceOrderRequest(
            @NotEmpty @Size(max = 20) List<@NotNull @Valid Line> lines,
            @NotNull @Valid Address address) {

        /** Exactly one of {@code offerId} (a live-stream offer) or {@code skuId} (a regular listing). */
        public record Line(UUID offerId, UUID skuId, @Min(1) @Max(999) int quantity) {
        }

        public record Address(
                @NotBlank @Size(max = 100) String recipient,
                @NotNull @Pattern(regexp = "^1[3-9]\\d{9}$",
                        message = "must be a mainland China mobile number: 11 digits starting 13-19") String phone,
                @NotNull @Pattern(regexp = RegionCodes.COUNTY_PATTERN,
                        message = "must be a 6-digit county code") String countyCode,
                @NotNull @Pattern(regexp = RegionCodes.TOWNSHIP_PATTERN,
                        message = "must be a 9-digit township code") String townshipCode,
                @Pattern(regexp = RegionCodes.VILLAGE_PATTERN,
                        message = "must be a 12-digit village code") String villageCode,
                @NotBlank @Size(max = 300) String detail) {

            DeliveryAddress toDeliveryAddress() {
                return new DeliveryAddress(recipient, phone, countyCode, townshipCode, villageCode, detail);
            }
        }
    }

    /** An optional free-text reason for a cancellation or a refund. */
    public record ReasonRequest(@Size(max = 200) String reason) {
    }

    /** An order as its buyer, its seller or an admin sees it, with the full timeline. */
    public record OrderView(UUID id, OrderStatus status, UUID buyerId, UUID sellerId, UUID streamId, long totalFen,
                            String currency, TemperatureClass temperatureClass, List<Line> lines,
                            OrderEvents.DeliveryAddress address, Instant placedAt, Instant payBy, Instant paidAt,
                            String paymentId, List<Step> timeline) {

        public record Line(int lineNo, UUID productId, UUID skuId, UUID offerId, String title, String spec,
                           int quantity, long unitPriceFen, long lineTotalFen, TemperatureClass temperatureClass,
                           String traceCode) {
        }

        public record Step(OrderStatus from, OrderStatus to, Instant at, String cause, String actor) {
        }

        public static OrderView of(Order order, List<OrderTransition> timeline) {
            return new OrderView(order.id, order.status, order.buyerId, order.sellerId, order.streamId,
                    order.totalFen, order.currency, order.temperatureClass,
                    order.lines.stream().map(l -> new Line(l.lineNo, l.listing.productId(), l.listing.skuId(),
                            l.offerId, l.listing.title(), l.listing.spec(), l.quantity, l.listing.priceFen(),
                            l.lineTotalFen, l.listing.temperatureClass(), l.listing.traceCode())).toList(),
                    order.address.toEvent(), order.placedAt, order.payBy, order.paidAt, order.paymentId,
                    timeline.stream().map(t -> new Step(t.fromStatus, t.toStatus, t.at, t.cause, t.actor)).toList());
        }
    }

    /** One row of an order list. */
    public record OrderSummaryView(UUID id, OrderStatus status, UUID buyerId, UUID sellerId, UUID streamId,
                                   long totalFen, String currency, int units, Instant placedAt) {

        static OrderSummaryView of(Order order) {
            return new OrderSummaryView(order.id, order.status, order.buyerId, order.sellerId, order.streamId,
                    order.totalFen, order.currency, order.lines.stream().mapToInt(l -> l.quantity).sum(),
                    order.placedAt);
        }
    }

    /** A page of a buyer's or a seller's orders, newest first; {@code page} counts from 0. */
    public record OrderPageView(List<OrderSummaryView> items, int page, int size, long total) {
    }
}
