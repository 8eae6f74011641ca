-- A reservation whose order has been written can no longer be withdrawn (issue: a buyer withdrew his own paid
-- order's units). Set when catalog consumes orders.order-placed.
alter table stock_reservation add column held_by_order_at timestamptz;
