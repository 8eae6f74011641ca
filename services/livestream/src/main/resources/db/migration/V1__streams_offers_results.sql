-- Livestream: stream sessions, flash-sale offers, and the order facts results are built from.

CREATE TABLE stream (
    id                   UUID         PRIMARY KEY,
    seller_id            UUID         NOT NULL,
    seller_display_name  VARCHAR(200),
    home_county_code     VARCHAR(6)   NOT NULL,
    title                VARCHAR(120) NOT NULL,
    category             VARCHAR(40),
    cover_image_url      VARCHAR(500),
    featured_product_ids UUID[]       NOT NULL DEFAULT '{}',
    planned_start        TIMESTAMPTZ  NOT NULL,
    status               VARCHAR(16)  NOT NULL CHECK (status IN ('SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED')),
    started_at           TIMESTAMPTZ,
    ended_at             TIMESTAMPTZ,
    cancelled_at         TIMESTAMPTZ,
    cancel_reason        VARCHAR(500),
    -- Counter summary, copied from Redis when the stream ends.
    peak_viewers         BIGINT,
    unique_viewers       BIGINT,
    likes                BIGINT,
    created_at           TIMESTAMPTZ  NOT NULL
);
-- A seller is live in at most one stream at a time, whatever the application does.
CREATE UNIQUE INDEX stream_one_live_per_seller ON stream (seller_id) WHERE status = 'LIVE';
CREATE INDEX stream_discovery ON stream (status, home_county_code);
CREATE INDEX stream_by_seller ON stream (seller_id, created_at DESC);

CREATE TABLE offer (
    id                 UUID         PRIMARY KEY,
    stream_id          UUID         NOT NULL REFERENCES stream (id),
    seller_id          UUID         NOT NULL,
    sku_id             UUID         NOT NULL,
    product_id         UUID         NOT NULL,
    seller_county_code VARCHAR(6),
    title              VARCHAR(300) NOT NULL,
    spec               VARCHAR(200),
    temperature_class  VARCHAR(16)  NOT NULL,
    trace_code         VARCHAR(100),
    price_fen          BIGINT       NOT NULL CHECK (price_fen > 0),
    currency           CHAR(3)      NOT NULL,
    quantity           INT          NOT NULL CHECK (quantity > 0),
    per_buyer_limit    INT          NOT NULL CHECK (per_buyer_limit BETWEEN 1 AND quantity),
    ends_at            TIMESTAMPTZ,
    status             VARCHAR(16)  NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    pinned             BOOLEAN      NOT NULL DEFAULT FALSE CHECK (NOT pinned OR status = 'OPEN'),
    opened_at          TIMESTAMPTZ  NOT NULL,
    closed_at          TIMESTAMPTZ,
    close_reason       VARCHAR(40),
    -- Remaining = quantity - units_placed + units_returned, all from order events.
    units_placed       INT          NOT NULL DEFAULT 0,
    units_returned     INT          NOT NULL DEFAULT 0,
    stock_version      BIGINT       NOT NULL DEFAULT 0,
    -- Reported by orders (offer-pool-drained) once the closed pool is emptied.
    units_left         INT,
    drained_at         TIMESTAMPTZ
);
CREATE UNIQUE INDEX offer_one_pinned_per_stream ON offer (stream_id) WHERE pinned;
CREATE INDEX offer_by_stream ON offer (stream_id, opened_at);
CREATE INDEX offer_open_ending ON offer (ends_at) WHERE status = 'OPEN' AND ends_at IS NOT NULL;

-- Orders attributed to a stream, as told by order events; results are aggregates over these rows.
CREATE TABLE stream_order (
    order_id     UUID        PRIMARY KEY,
    stream_id    UUID        NOT NULL REFERENCES stream (id),
    buyer_id     UUID,
    status       VARCHAR(16) NOT NULL CHECK (status IN ('PLACED', 'CANCELLED', 'EXPIRED', 'REFUNDED')),
    total_fen    BIGINT      NOT NULL,
    refunded_fen BIGINT      NOT NULL DEFAULT 0,
    currency     CHAR(3)     NOT NULL,
    placed_at    TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX stream_order_by_stream ON stream_order (stream_id);

CREATE TABLE stream_order_line (
    order_id       UUID   NOT NULL REFERENCES stream_order (order_id),
    line_no        INT    NOT NULL,
    offer_id       UUID,
    sku_id         UUID   NOT NULL,
    quantity       INT    NOT NULL,
    line_total_fen BIGINT NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
CREATE INDEX stream_order_line_by_offer ON stream_order_line (offer_id);
