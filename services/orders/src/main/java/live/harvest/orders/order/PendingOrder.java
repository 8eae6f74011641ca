package live.harvest.orders.order;

import io.opentelemetry.context.Context;
import live.harvest.orders.idempotency.StoredResponse;
import live.harvest.platform.value.DeliveryAddress;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * An accepted order waiting for its group commit: what to write, the trace context of the request that placed it (so
 * its event carries that trace although a writer thread publishes it), and where its outcome goes: the stored
 * response once committed, or the exception {@link OrderWriter#write} throws.
 */
record PendingOrder(UUID orderId, UUID buyerId, String key, String hash, DeliveryAddress address,
                    List<Reserved> reserved, Context trace, CompletableFuture<StoredResponse> outcome) {

    boolean open() {
        return !outcome.isDone();
    }

    void fail(RuntimeException e) {
        outcome.completeExceptionally(e);
    }
}
