package live.harvest.orders.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import live.harvest.orders.order.OrderStatus;

import java.util.UUID;

/** The payment callback's shapes: what a partner sends (*Request) and what it gets back (*View). */
public final class PaymentDtos {

    private PaymentDtos() {
    }

    /** The partner's statement that an order was paid; read by hand once its signature is checked. */
    public record PaymentCallbackRequest(
            @NotBlank @Size(max = 100) String paymentId,
            @NotNull UUID orderId,
            @PositiveOrZero long amountFen,
            @NotNull @Pattern(regexp = "^[A-Z]{3}$") String currency) {
    }

    /** Our answer to a callback; {@code duplicate} is true when this payment id had already been applied. */
    public record PaymentReceiptView(String paymentId, UUID orderId, OrderStatus orderStatus, boolean duplicate) {
    }
}
