-- An order cancelled or refunded (ADR 0014), recorded whether or not its shipment exists yet: an order-paid that
-- arrives after its cancellation finds this row and makes a shipment that is cancelled from birth, never a live one.
CREATE TABLE order_withdrawal (
    order_id     UUID         PRIMARY KEY,
    cause        VARCHAR(40)  NOT NULL,
    reason       VARCHAR(300),
    withdrawn_at TIMESTAMPTZ  NOT NULL
);
