package live.harvest.orders.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** The partner's statement that an order was paid. */
public record PaymentCallback(
        @NotBlank @Size(max = 100) String paymentId,
        @NotNull UUID orderId,
        @PositiveOrZero long amountFen,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$") String currency) {
}
