-- Registered partners. Each is an OAuth2 client of the identity provider (Keycloak); its secret is never stored
-- here (ADR 0009). The client's internal Keycloak id is kept to administer it (rotate, disable).
CREATE TABLE partner (
    id               UUID         PRIMARY KEY,
    client_id        VARCHAR(64)  NOT NULL UNIQUE,
    keycloak_id      VARCHAR(64)  NOT NULL UNIQUE,
    name             VARCHAR(100) NOT NULL,
    kind             VARCHAR(32)  NOT NULL
        CHECK (kind IN ('PAYMENT_PROVIDER', 'COURIER', 'COUNTY_SERVICE_CENTRE', 'PLATFORM')),
    contact_email    VARCHAR(254),
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    -- A registration retried with the same Idempotency-Key finds its partner here instead of creating a second
    -- client; the unique index also settles concurrent retries (the loser's client is deleted again).
    idempotency_key  VARCHAR(64)  UNIQUE,
    request_hash     CHAR(64),
    secret_issued_at TIMESTAMPTZ  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX partner_newest_first ON partner (created_at DESC, id);

CREATE TABLE partner_scope (
    partner_id UUID        NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
    scope      VARCHAR(40) NOT NULL,
    PRIMARY KEY (partner_id, scope)
);
