package live.harvest.orders.payment;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import live.harvest.orders.payment.PaymentDtos.PaymentCallbackRequest;
import live.harvest.orders.payment.PaymentDtos.PaymentReceiptView;
import live.harvest.platform.ratelimit.RateLimited;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/payments/callbacks")
@Tag(name = "Payments")
@PermitAll
public class PaymentCallbackResource {

    private final PaymentCallbacks callbacks;

    public PaymentCallbackResource(PaymentCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @RateLimited("callbacks")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(summary = "Payment partner confirms an order was paid (HMAC-signed, no bearer token)",
            description = "X-Payment-Signature = hex(HMAC-SHA256(partner secret, X-Payment-Timestamp + \".\" + raw "
                    + "body)); the timestamp (epoch seconds) must be within 5 minutes. Idempotent by paymentId.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PaymentCallbackRequest.class)))
    @APIResponse(responseCode = "200", description = "Applied, or already applied (duplicate = true)",
            content = @Content(schema = @Schema(implementation = PaymentReceiptView.class)))
    @APIResponse(responseCode = "401", description = "unknown-partner, invalid-signature, stale-callback")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "invalid-transition (order cancelled/expired), payment-id-reused")
    @APIResponse(responseCode = "422", description = "amount-mismatch, currency-mismatch")
    public PaymentReceiptView receive(@HeaderParam("X-Payment-Partner") String partner,
                                  @HeaderParam("X-Payment-Timestamp") String timestamp,
                                  @HeaderParam("X-Payment-Signature") String signature,
                                  byte[] rawBody) {
        return callbacks.receive(partner, timestamp, signature, rawBody);
    }
}
