-- Live-stream offers as announced by livestream; the Redis pool holds the counters, this row the facts
-- an order line needs (price, seller, product) and whether the pool was drained (published once).
CREATE TABLE offer (
    id                 UUID PRIMARY KEY,
    stream_id          UUID         NOT NULL,
    seller_id          UUID         NOT NULL,
    seller_county_code VARCHAR(6)   NOT NULL,
    product_id         UUID         NOT NULL,
    sku_id             UUID         NOT NULL,
    title              VARCHAR(200) NOT NULL,
    spec               VARCHAR(200),
    price_fen          BIGINT       NOT NULL CHECK (price_fen >= 0),
    currency           VARCHAR(3)   NOT NULL,
    quantity           INT          NOT NULL CHECK (quantity >= 0),
    per_buyer_limit    INT          NOT NULL CHECK (per_buyer_limit > 0),
    ends_at            TIMESTAMPTZ,                 -- null: sells until the anchor closes it
    temperature_class  VARCHAR(16)  NOT NULL,
    trace_code         VARCHAR(100),
    opened_at          TIMESTAMPTZ  NOT NULL,
    drained_at         TIMESTAMPTZ,
    units_left         INT
);

CREATE TABLE customer_order (
    id                 UUID PRIMARY KEY,
    buyer_id           UUID         NOT NULL,
    seller_id          UUID         NOT NULL,
    seller_county_code VARCHAR(6),
    stream_id          UUID,
    status             VARCHAR(32)  NOT NULL,
    total_fen          BIGINT       NOT NULL CHECK (total_fen >= 0),
    currency           VARCHAR(3)   NOT NULL,
    temperature_class  VARCHAR(16)  NOT NULL,
    recipient          VARCHAR(100) NOT NULL,
    phone              VARCHAR(20)  NOT NULL,
    county_code        VARCHAR(6)   NOT NULL,
    township_code      VARCHAR(9)   NOT NULL,
    village_code       VARCHAR(12),
    address_detail     VARCHAR(300) NOT NULL,
    placed_at          TIMESTAMPTZ  NOT NULL,
    pay_by             TIMESTAMPTZ  NOT NULL,
    paid_at            TIMESTAMPTZ,
    payment_id         VARCHAR(100),
    updated_at         TIMESTAMPTZ  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX customer_order_buyer ON customer_order (buyer_id, placed_at DESC);
CREATE INDEX customer_order_seller ON customer_order (seller_id, placed_at DESC);
CREATE INDEX customer_order_unpaid ON customer_order (pay_by) WHERE status = 'PENDING_PAYMENT';

CREATE TABLE order_line (
    id                 UUID PRIMARY KEY,
    order_id           UUID         NOT NULL REFERENCES customer_order (id),
    line_no            INT          NOT NULL,
    product_id         UUID         NOT NULL,
    sku_id             UUID         NOT NULL,
    offer_id           UUID,
    title              VARCHAR(200) NOT NULL,
    spec               VARCHAR(200),
    quantity           INT          NOT NULL CHECK (quantity > 0),
    unit_price_fen     BIGINT       NOT NULL CHECK (unit_price_fen >= 0),
    line_total_fen     BIGINT       NOT NULL,
    temperature_class  VARCHAR(16)  NOT NULL,
    trace_code         VARCHAR(100),
    UNIQUE (order_id, line_no)
);
CREATE INDEX order_line_offer ON order_line (offer_id) WHERE offer_id IS NOT NULL;

-- Every change of state, and every shipment event that did not change it, in arrival order (seq);
-- at is when it happened (the event's own time for shipment events).
CREATE TABLE order_transition (
    id          UUID PRIMARY KEY,
    seq         BIGSERIAL    NOT NULL,
    order_id    UUID         NOT NULL REFERENCES customer_order (id),
    from_status VARCHAR(32),
    to_status   VARCHAR(32)  NOT NULL,
    at          TIMESTAMPTZ  NOT NULL,
    cause       VARCHAR(300) NOT NULL,
    actor       VARCHAR(100) NOT NULL
);
CREATE INDEX order_transition_order ON order_transition (order_id, seq);

-- Accepted payment confirmations; the primary key makes a repeated callback a no-op.
CREATE TABLE payment (
    payment_id  VARCHAR(100) PRIMARY KEY,
    partner_id  VARCHAR(64)  NOT NULL,
    order_id    UUID         NOT NULL REFERENCES customer_order (id),
    amount_fen  BIGINT       NOT NULL,
    currency    VARCHAR(3)   NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL
);

-- The durable half of idempotency: the response to an accepted order, written in the order's transaction.
-- The primary key is the last line of defence against a second order for one key (Redis holds the claim).
CREATE TABLE idempotency_record (
    buyer_id        UUID         NOT NULL,
    idem_key        VARCHAR(64)  NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    order_id        UUID         NOT NULL,
    response_status INT          NOT NULL,
    response_body   TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (buyer_id, idem_key)
);
CREATE INDEX idempotency_record_expiry ON idempotency_record (expires_at);
