package live.harvest.orders.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import live.harvest.orders.order.Order;
import live.harvest.orders.order.OrderLine;
import live.harvest.orders.order.OrderRepository;
import live.harvest.orders.order.OrderStatus;
import live.harvest.orders.payment.PaymentDtos.PaymentCallbackRequest;
import live.harvest.orders.payment.PaymentDtos.PaymentReceiptView;
import live.harvest.platform.input.BodyProblems;
import live.harvest.platform.input.StrictJson;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.platform.outbox.Outbox;
import live.harvest.platform.problem.DomainException;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/**
 * Applies a signed payment confirmation: verified before anything is read, idempotent by payment id, and only
 * for the exact amount and currency of the order. Everything else is refused with the order untouched.
 */
@ApplicationScoped
public class PaymentCallbacks {

    private final CallbackSignature signature;
    private final OrderRepository orders;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Validator validator;

    public PaymentCallbacks(CallbackSignature signature, OrderRepository orders, Outbox outbox, ObjectMapper mapper,
                            Validator validator) {
        this.signature = signature;
        this.orders = orders;
        this.outbox = outbox;
        // Read after the signature is checked, so by hand; as strictly as every other body (ADR 0013).
        this.mapper = StrictJson.strict(mapper);
        this.validator = validator;
    }

    @Transactional
    public PaymentReceiptView receive(String partnerId, String timestamp, String sig, byte[] rawBody) {
        signature.verify(partnerId, timestamp, sig, rawBody, Instant.now());
        PaymentCallbackRequest callback = parse(rawBody);
        Order order = orders.lock(callback.orderId());
        Payment earlier = Payment.findById(callback.paymentId());
        if (earlier != null) {
            if (!earlier.orderId.equals(order.id)) {
                throw DomainException.conflict("payment-id-reused",
                        "Payment " + callback.paymentId() + " was already applied to another order");
            }
            return new PaymentReceiptView(earlier.paymentId, order.id, order.status, true);
        }
        if (callback.amountFen() != order.totalFen) {
            throw DomainException.unprocessable("amount-mismatch",
                    "Paid " + callback.amountFen() + " fen but the order totals " + order.totalFen + " fen");
        }
        if (!callback.currency().equals(order.currency)) {
            throw DomainException.unprocessable("currency-mismatch",
                    "Paid in " + callback.currency() + " but the order is in " + order.currency);
        }
        Instant now = Instant.now();
        order.moveTo(OrderStatus.PAID, "payment " + callback.paymentId(), "partner:" + partnerId, now);
        order.paidAt = now;
        order.paymentId = callback.paymentId();
        Payment payment = new Payment();
        payment.paymentId = callback.paymentId();
        payment.partnerId = partnerId;
        payment.orderId = order.id;
        payment.amountFen = callback.amountFen();
        payment.currency = callback.currency();
        payment.receivedAt = now;
        payment.persist();
        outbox.publish(new OrderPaid(order.id, order.buyerId, order.sellerId, order.sellerCountyCode, order.streamId,
                payment.paymentId, payment.amountFen, payment.currency,
                order.lines.stream().map(OrderLine::toContract).toList(), order.temperatureClass,
                order.address.toEvent(), now, partnerId));
        return new PaymentReceiptView(payment.paymentId, order.id, order.status, false);
    }

    private PaymentCallbackRequest parse(byte[] rawBody) {
        PaymentCallbackRequest callback;
        try {
            callback = mapper.readValue(rawBody, PaymentCallbackRequest.class);
        } catch (IOException e) {
            throw BodyProblems.refusal(e);
        }
        if (callback == null) {
            throw DomainException.badRequest("malformed-body", "The callback body is empty");
        }
        Set<ConstraintViolation<PaymentCallbackRequest>> violations = validator.validate(callback);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return callback;
    }
}
