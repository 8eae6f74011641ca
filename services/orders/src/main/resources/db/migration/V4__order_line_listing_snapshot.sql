-- Issue 16. An order line keeps the whole listing it sold (the platform's ListingSnapshot: seller, product, SKU, title,
-- spec, price and currency, temperature class, trace code), as an offer row does. The line lacked the seller and the
-- currency, which only its order had; every line of an order has its order's seller and currency (orders refuses
-- mixed sellers and currencies), so the order's values are the lines' own.
ALTER TABLE order_line ADD COLUMN seller_id UUID;
ALTER TABLE order_line ADD COLUMN seller_county_code VARCHAR(6);
ALTER TABLE order_line ADD COLUMN currency VARCHAR(3);

UPDATE order_line l SET seller_id = o.seller_id, seller_county_code = o.seller_county_code, currency = o.currency
FROM customer_order o
WHERE o.id = l.order_id;

-- Left nullable on purpose: during a rolling restart an instance of the previous version may still write lines
-- without them, and such a line still has its order's values.
