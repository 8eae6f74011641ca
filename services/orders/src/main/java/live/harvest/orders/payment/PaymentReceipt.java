package live.harvest.orders.payment;

import live.harvest.orders.order.OrderStatus;

import java.util.UUID;

/** Our answer to a callback; {@code duplicate} is true when this payment id had already been applied. */
public record PaymentReceipt(String paymentId, UUID orderId, OrderStatus orderStatus, boolean duplicate) {
}
