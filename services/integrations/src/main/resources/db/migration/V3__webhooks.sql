-- Partners' webhook endpoints and their deliveries (ADR 0022).
CREATE TABLE webhook_endpoint (
    id              UUID          PRIMARY KEY,
    partner_id      UUID          NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
    url             VARCHAR(2048) NOT NULL,
    description     VARCHAR(200),
    -- Exact event types (orders.order-paid) or domain prefixes (orders.*).
    event_types     TEXT[]        NOT NULL,
    -- Optional filter within the partner's grant; NULL = no filter.
    counties        TEXT[],
    sites           TEXT[],
    enabled         BOOLEAN       NOT NULL,
    -- Why and when it was disabled (by the partner, or by us after failing for too long); the partner reads it.
    disabled_reason VARCHAR(500),
    disabled_at     TIMESTAMPTZ,
    -- Start of the current run of failed attempts without a success in between; NULL while healthy.
    failing_since   TIMESTAMPTZ,
    idempotency_key VARCHAR(64),
    request_hash    CHAR(64),
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    UNIQUE (partner_id, idempotency_key)
);
CREATE INDEX webhook_endpoint_partner ON webhook_endpoint (partner_id, created_at DESC, id);
CREATE INDEX webhook_endpoint_enabled ON webhook_endpoint (id) WHERE enabled;

-- Signing secrets: the current one (expires_at NULL) and, for a grace period after a rotation, the previous ones.
CREATE TABLE webhook_secret (
    id          UUID         PRIMARY KEY,
    endpoint_id UUID         NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    -- whsec_<base64>: we must sign with it, so it is kept (unlike a partner's client secret, ADR 0022).
    secret      VARCHAR(100) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ
);
CREATE INDEX webhook_secret_endpoint ON webhook_secret (endpoint_id, created_at DESC);

-- One event for one endpoint (the transactional outbox of webhooks): inserted in the transaction that recorded the
-- event, delivered at least once by the dispatcher. webhook-id is event_id.
CREATE TABLE webhook_delivery (
    id              UUID         PRIMARY KEY,
    endpoint_id     UUID         NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id        UUID         NOT NULL,
    event_type      VARCHAR(100) NOT NULL,
    event_position  BIGINT       NOT NULL,
    payload         TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    -- Attempts made in all, and in the current round (a redelivery starts a new round of the schedule).
    attempts        INT          NOT NULL DEFAULT 0,
    round_attempts  INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    -- Leased to one dispatcher until then (FOR UPDATE SKIP LOCKED picks; an expired lease makes it due again).
    leased_until    TIMESTAMPTZ,
    last_status     INT,
    last_error      VARCHAR(500),
    created_at      TIMESTAMPTZ  NOT NULL,
    delivered_at    TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ  NOT NULL,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
-- The lease reads each enabled endpoint's first few due rows.
CREATE INDEX webhook_delivery_due_per_endpoint ON webhook_delivery (endpoint_id, next_attempt_at, id)
    WHERE status = 'PENDING';
-- Deliveries in flight (leased); an attempt's outcome clears the lease, so this stays as small as the work in flight.
CREATE INDEX webhook_delivery_leased ON webhook_delivery (endpoint_id) WHERE leased_until IS NOT NULL;
CREATE INDEX webhook_delivery_endpoint_newest ON webhook_delivery (endpoint_id, created_at DESC, id);

-- The delivery log: every attempt, as the partner reads it.
CREATE TABLE webhook_attempt (
    delivery_id      UUID          NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt          INT           NOT NULL,
    attempted_at     TIMESTAMPTZ   NOT NULL,
    http_status      INT,
    error            VARCHAR(500),
    latency_ms       INT           NOT NULL,
    response_excerpt VARCHAR(1024),
    PRIMARY KEY (delivery_id, attempt)
);
