-- Catalog: sellers, products, SKUs, harvest batches with trace codes, and the stock ledger of record.

-- pg_trgm is a trusted extension: the database owner may create it. It backs substring search over titles
-- and descriptions (useful for CJK text, which the `simple` text-search parser does not split into words).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE seller (
    id                 UUID PRIMARY KEY,
    display_name       VARCHAR(80)  NOT NULL,
    kind               VARCHAR(20)  NOT NULL CHECK (kind IN ('FARMER', 'COOPERATIVE', 'ENTERPRISE')),
    cooperative_name   VARCHAR(120),
    home_county_code   VARCHAR(6)   NOT NULL,
    home_township_code VARCHAR(9)   NOT NULL CHECK (left(home_township_code, 6) = home_county_code),
    contact_phone      VARCHAR(20)  NOT NULL,
    bio                VARCHAR(2000),
    verified           BOOLEAN      NOT NULL DEFAULT FALSE,
    verification_note  VARCHAR(500),
    verified_at        TIMESTAMPTZ,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);

CREATE TABLE product (
    id                   UUID PRIMARY KEY,
    seller_id            UUID          NOT NULL REFERENCES seller (id),
    title                VARCHAR(120)  NOT NULL,
    description          VARCHAR(4000) NOT NULL DEFAULT '',
    category             VARCHAR(40)   NOT NULL,
    origin_county_code   VARCHAR(6)    NOT NULL,
    origin_township_code VARCHAR(9),
    gi_name              VARCHAR(80),
    gi_registration_no   VARCHAR(40),
    grade                VARCHAR(40),
    temperature_class    VARCHAR(10)   NOT NULL,
    shelf_life_days      INT           NOT NULL CHECK (shelf_life_days > 0),
    image_urls           TEXT[]        NOT NULL DEFAULT '{}',
    status               VARCHAR(10)   NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'DELISTED')),
    listed_at            TIMESTAMPTZ,
    created_at           TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL,
    search_vector        TSVECTOR GENERATED ALWAYS AS (
        to_tsvector('simple', title || ' ' || description)) STORED,
    CHECK (origin_township_code IS NULL OR left(origin_township_code, 6) = origin_county_code),
    CHECK ((gi_name IS NULL) = (gi_registration_no IS NULL))
);
CREATE INDEX product_search ON product USING GIN (search_vector);
CREATE INDEX product_text_trgm ON product USING GIN ((title || ' ' || description) gin_trgm_ops);
CREATE INDEX product_public_newest ON product (listed_at DESC, id DESC) WHERE status = 'ACTIVE';
CREATE INDEX product_origin ON product (origin_county_code varchar_pattern_ops);
CREATE INDEX product_seller ON product (seller_id, created_at DESC);

CREATE TABLE sku (
    id               UUID PRIMARY KEY,
    product_id       UUID        NOT NULL REFERENCES product (id),
    spec             VARCHAR(80) NOT NULL,
    net_weight_grams INT         NOT NULL CHECK (net_weight_grams > 0),
    price_fen        BIGINT      NOT NULL CHECK (price_fen > 0),
    currency         VARCHAR(3)  NOT NULL,
    -- Changed only by the stock ledger's conditional UPDATE; the CHECK is the last line of defence.
    on_hand          BIGINT      NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX sku_product ON sku (product_id, price_fen);

CREATE TABLE harvest_batch (
    id                   UUID PRIMARY KEY,
    product_id           UUID           NOT NULL REFERENCES product (id),
    trace_code           VARCHAR(12)    NOT NULL UNIQUE,
    harvest_date         DATE           NOT NULL,
    quantity             NUMERIC(12, 3) NOT NULL CHECK (quantity > 0),
    unit                 VARCHAR(20)    NOT NULL,
    quality_certificate_no VARCHAR(60),
    origin_village_code  VARCHAR(12)    NOT NULL,
    notes                VARCHAR(1000),
    created_at           TIMESTAMPTZ    NOT NULL
);
CREATE INDEX harvest_batch_product ON harvest_batch (product_id, harvest_date DESC, created_at DESC);

-- Every change of a SKU's on-hand, written in the transaction that changed it: sum(delta) = sku.on_hand.
CREATE TABLE stock_movement (
    id            UUID PRIMARY KEY,
    -- Taken after the SKU row lock, so per SKU it orders movements exactly as they changed on_hand.
    seq           BIGSERIAL    NOT NULL UNIQUE,
    sku_id        UUID         NOT NULL REFERENCES sku (id),
    kind          VARCHAR(30)  NOT NULL,
    delta         BIGINT       NOT NULL CHECK (delta <> 0),
    on_hand_after BIGINT       NOT NULL CHECK (on_hand_after >= 0),
    offer_id      UUID,
    order_id      UUID,
    source_event_id UUID,
    reason        VARCHAR(500),
    actor_id      UUID,
    occurred_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX stock_movement_sku ON stock_movement (sku_id, seq);
-- Belt and braces behind the idempotency checks: one allocation and one release per offer.
CREATE UNIQUE INDEX stock_movement_one_allocation ON stock_movement (offer_id) WHERE kind = 'ALLOCATION';
CREATE UNIQUE INDEX stock_movement_one_release ON stock_movement (offer_id) WHERE kind = 'RELEASE';

-- Units handed to a live-stream offer; the row is the idempotency record of the allocation call.
CREATE TABLE stock_allocation (
    offer_id           UUID PRIMARY KEY,
    sku_id             UUID         NOT NULL REFERENCES sku (id),
    product_id         UUID         NOT NULL,
    seller_id          UUID         NOT NULL,
    seller_county_code VARCHAR(6)   NOT NULL,
    title              VARCHAR(120) NOT NULL,
    spec               VARCHAR(80)  NOT NULL,
    price_fen          BIGINT       NOT NULL,
    currency           VARCHAR(3)   NOT NULL,
    temperature_class  VARCHAR(10)  NOT NULL,
    trace_code         VARCHAR(12),
    quantity           INT          NOT NULL CHECK (quantity > 0),
    on_hand_after      BIGINT,
    released_quantity  INT,
    released_at        TIMESTAMPTZ,
    created_at         TIMESTAMPTZ  NOT NULL
);

-- Units sold through a regular listing, per (order, SKU); the row is the idempotency record of the call.
CREATE TABLE stock_reservation (
    order_id           UUID         NOT NULL,
    sku_id             UUID         NOT NULL REFERENCES sku (id),
    buyer_id           UUID         NOT NULL,
    product_id         UUID         NOT NULL,
    seller_id          UUID         NOT NULL,
    seller_county_code VARCHAR(6)   NOT NULL,
    title              VARCHAR(120) NOT NULL,
    spec               VARCHAR(80)  NOT NULL,
    unit_price_fen     BIGINT       NOT NULL,
    currency           VARCHAR(3)   NOT NULL,
    temperature_class  VARCHAR(10)  NOT NULL,
    trace_code         VARCHAR(12),
    quantity           INT          NOT NULL CHECK (quantity > 0),
    status             VARCHAR(10)  NOT NULL CHECK (status IN ('RESERVED', 'RELEASED', 'RETURNED')),
    created_at         TIMESTAMPTZ  NOT NULL,
    closed_at          TIMESTAMPTZ,
    PRIMARY KEY (order_id, sku_id)
);
