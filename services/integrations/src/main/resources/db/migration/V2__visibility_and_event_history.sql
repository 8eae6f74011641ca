-- What each partner may see (ADR 0021): the counties, logistics sites and payment partner id an admin granted it.
CREATE TABLE partner_visibility (
    partner_id         UUID        PRIMARY KEY REFERENCES partner (id) ON DELETE CASCADE,
    -- The X-Payment-Partner id of orders' payment callbacks; PAYMENT_PROVIDER partners only.
    payment_partner_id VARCHAR(64),
    updated_at         TIMESTAMPTZ NOT NULL
);

CREATE TABLE partner_visibility_county (
    partner_id  UUID       NOT NULL REFERENCES partner_visibility (partner_id) ON DELETE CASCADE,
    county_code VARCHAR(6) NOT NULL,
    PRIMARY KEY (partner_id, county_code)
);

CREATE TABLE partner_visibility_site (
    partner_id UUID        NOT NULL REFERENCES partner_visibility (partner_id) ON DELETE CASCADE,
    site_code  VARCHAR(40) NOT NULL,
    PRIMARY KEY (partner_id, site_code)
);

-- The partner event history (ADR 0021): every domain event once, in its envelope, with the keys that say who may
-- see it. Readers page by (xid, seq) and only over transactions older than every one still running, so a row that
-- commits late with a lower seq is never skipped.
CREATE TABLE event_history (
    seq             BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The inserting transaction: rows become readable once it is below the snapshot's xmin.
    xid             XID8         NOT NULL DEFAULT pg_current_xact_id(),
    event_id        UUID         NOT NULL UNIQUE,
    type            VARCHAR(100) NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    -- The EventEnvelope as JSON, byte for byte what history items and webhook bodies carry (so TEXT, not JSONB).
    envelope        TEXT         NOT NULL,
    counties        TEXT[]       NOT NULL,
    sites           TEXT[]       NOT NULL,
    payment_partner VARCHAR(64)
);
CREATE INDEX event_history_position ON event_history (xid, seq);
CREATE INDEX event_history_recorded ON event_history (recorded_at);
CREATE INDEX event_history_counties ON event_history USING GIN (counties);
CREATE INDEX event_history_sites ON event_history USING GIN (sites);
CREATE INDEX event_history_payment_partner ON event_history (payment_partner, xid, seq)
    WHERE payment_partner IS NOT NULL;

-- Facts remembered from earlier events so later ones inherit their keys: an order's counties and payment partner,
-- a seller's home county, a shipment's order and the sites it touched so far.
CREATE TABLE order_fact (
    order_id        UUID        PRIMARY KEY,
    seller_id       UUID,
    seller_county   VARCHAR(6),
    delivery_county VARCHAR(6),
    payment_partner VARCHAR(64),
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE seller_fact (
    seller_id  UUID        PRIMARY KEY,
    county     VARCHAR(6)  NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE shipment_fact (
    shipment_id UUID        PRIMARY KEY,
    order_id    UUID        NOT NULL,
    sites       TEXT[]      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX shipment_fact_order ON shipment_fact (order_id);
