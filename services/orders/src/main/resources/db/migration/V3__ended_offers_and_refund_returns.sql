-- Issue 12, ADR 0018. Allocations of offers that ended without a close are drained by the reconciler, and a refund
-- before dispatch returns the order's units like a cancellation.

-- Streams livestream said ended (livestream.stream-ended). A table of its own, not a column of offer: the stream's
-- event and its offers' events are keyed differently and may arrive in either order.
CREATE TABLE ended_stream (
    stream_id UUID PRIMARY KEY,
    ended_at  TIMESTAMPTZ NOT NULL
);

-- The reconciler looks for offers not drained whose end passed; the rows it looks at are few.
CREATE INDEX offer_undrained ON offer (stream_id, ends_at) WHERE drained_at IS NULL;

-- When orders first heard the parcel had left its centre (dispatched, or any later stage, whether or not the event
-- moved the order). A refund confirmed while it is null returns the units; after it, the goods are on the road.
ALTER TABLE customer_order ADD COLUMN dispatched_at TIMESTAMPTZ;

UPDATE customer_order o SET dispatched_at = t.first_at
FROM (SELECT order_id, MIN(at) AS first_at FROM order_transition
      WHERE to_status IN ('DISPATCHED', 'AT_STATION', 'OUT_FOR_DELIVERY', 'HELD_AT_PICKUP', 'DELIVERED', 'PICKED_UP')
         -- shipment events kept on the timeline without moving the order (e.g. while a refund was requested)
         OR cause ~ '^logistics\.shipment-(dispatched|arrived-at-station|out-for-delivery|held-for-pickup|delivered|picked-up|delivery-failed|return)'
      GROUP BY order_id) t
WHERE t.order_id = o.id;
