package live.harvest.logistics.cancellation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.logistics.shipment.OrderLock;
import live.harvest.logistics.shipment.Shipment;
import live.harvest.logistics.shipment.ShipmentJournal;
import live.harvest.logistics.shipment.ShipmentRepository;
import live.harvest.logistics.shipment.ShipmentStatus;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentCancelled;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentReturnStarted;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An order cancelled or refunded reaches its parcel (ADR 0014): before dispatch the parcel is cancelled and leaves
 * its wave; from dispatch on it is sent back to the seller. Stock is not touched here: orders gave the units back
 * when it cancelled the order, and a parcel coming back is goods, not sellable stock.
 */
@ApplicationScoped
public class WithdrawalService {

    public static final String ORDER_CANCELLED = "orders.order-cancelled";
    public static final String ORDER_REFUNDED = "orders.order-refunded";

    private final ShipmentRepository shipments;
    private final ShipmentJournal journal;
    private final OrderLock orderLock;

    public WithdrawalService(ShipmentRepository shipments, ShipmentJournal journal, OrderLock orderLock) {
        this.shipments = shipments;
        this.journal = journal;
        this.orderLock = orderLock;
    }

    /**
     * Records the withdrawal (kept even without a shipment, so a late order-paid cannot make a live one) and moves
     * the parcel, if there is one. A second withdrawal of the same order (cancelled, then refunded) changes nothing.
     */
    @Transactional
    public void withdraw(UUID orderId, String cause, String reason) {
        orderLock.lock(orderId);
        Instant now = Instant.now();
        OrderWithdrawal withdrawal = OrderWithdrawal.findById(orderId);
        if (withdrawal == null) {
            withdrawal = new OrderWithdrawal();
            withdrawal.orderId = orderId;
            withdrawal.cause = cause;
            withdrawal.reason = reason == null || reason.length() <= 300 ? reason : reason.substring(0, 300);
            withdrawal.withdrawnAt = now;
            withdrawal.persist();
        }
        Optional<Shipment> parcel = shipments.lockByOrder(orderId);
        if (parcel.isPresent()) {
            apply(parcel.get(), cause, reason, now);
        }
    }

    /** The withdrawal of an order that has none yet, for an order-paid that arrives after it (caller holds the lock). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<OrderWithdrawal> of(UUID orderId) {
        return OrderWithdrawal.findByIdOptional(orderId);
    }

    /** A shipment made from an order-paid that its cancellation had overtaken: cancelled at once, never routed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelAtBirth(Shipment shipment, OrderWithdrawal withdrawal, Instant now) {
        apply(shipment, withdrawal.cause, withdrawal.reason, now);
    }

    private void apply(Shipment shipment, String cause, String reason, Instant now) {
        Optional<ShipmentStatus> target = shipment.status.whenOrderWithdrawn();
        if (target.isEmpty()) {
            return; // already cancelled, on its way back or returned
        }
        String note = OrderWithdrawal.describe(cause, reason);
        if (target.get() == ShipmentStatus.CANCELLED) {
            // Leaving the wave is all it takes: waiting lists and dispatch only look at RECEIVED_AT_CENTRE parcels
            // of a wave, and the parcel is still at its centre for the seller to take back.
            shipment.waveId = null;
            journal.move(shipment, ShipmentStatus.CANCELLED, null, now, note,
                    new ShipmentCancelled(shipment.id, shipment.orderId, cause, reason, now));
        } else {
            journal.move(shipment, ShipmentStatus.RETURNING, null, now, note,
                    new ShipmentReturnStarted(shipment.id, shipment.orderId, cause, reason, now));
        }
    }
}
