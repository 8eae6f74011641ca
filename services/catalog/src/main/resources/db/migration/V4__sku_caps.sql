-- Issue 12, anti-hoarding (ADR 0019): a seller's own caps per SKU. Null means the platform default
-- (harvest.catalog.caps.*), so existing SKUs keep the defaults without a backfill.
alter table sku add column max_units_per_order int check (max_units_per_order between 1 and 10000);
alter table sku add column max_units_per_buyer int check (max_units_per_buyer between 1 and 10000);
alter table sku add constraint sku_caps_order_within_buyer
    check (max_units_per_order is null or max_units_per_buyer is null or max_units_per_order <= max_units_per_buyer);

-- The per-buyer cap sums a buyer's open reservations of one SKU within a window, on every reservation.
create index stock_reservation_buyer_open on stock_reservation (buyer_id, sku_id, created_at)
    where status = 'RESERVED';
