-- Issue 12: reservations expire. A reservation nobody confirms (no orders.order-placed) by expires_at goes back to
-- stock through the reconciler; so does one whose order catalog saw cancelled or expired but whose line the event
-- did not return.
alter table stock_reservation add column expires_at timestamptz;
-- Reservations written before this migration get the default lifetime (16 minutes) from their creation.
update stock_reservation set expires_at = created_at + interval '16 minutes' where expires_at is null;
alter table stock_reservation alter column expires_at set not null;

-- Set by orders.order-cancelled / orders.order-expired: the order is over, whatever it still holds comes back.
alter table stock_reservation add column order_ended_at timestamptz;
-- Set by orders.order-paid: the units are sold (informational; a confirmed reservation never expires anyway).
alter table stock_reservation add column paid_at timestamptz;
-- Set when orders.order-placed (or order-paid) arrives for a reservation that had already expired: the order exists
-- but its units are back on the shelf. Catalog cannot refuse the event; it records it and counts it.
alter table stock_reservation add column late_order_at timestamptz;

alter table stock_reservation drop constraint stock_reservation_status_check;
alter table stock_reservation add constraint stock_reservation_status_check
    check (status in ('RESERVED', 'RELEASED', 'RETURNED', 'EXPIRED'));

-- The reconciler's scan: open, unconfirmed reservations by expiry, and open ones of ended orders.
create index stock_reservation_open_expiry on stock_reservation (expires_at)
    where status = 'RESERVED' and held_by_order_at is null;
create index stock_reservation_open_ended on stock_reservation (order_ended_at)
    where status = 'RESERVED' and order_ended_at is not null;
