-- The county–township–village network. Codes are the natural keys: they are what operators scan and what the
-- import document names, and region codes never change meaning.

CREATE TABLE county (
    code       VARCHAR(6)   PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    province   VARCHAR(100) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

-- One distribution centre per county: it is both where the county's sellers hand parcels in and where the
-- county's township runs start, so routing needs exactly one answer per county.
CREATE TABLE centre (
    code         VARCHAR(40)  PRIMARY KEY,
    county_code  VARCHAR(6)   NOT NULL UNIQUE REFERENCES county (code),
    name         VARCHAR(100),
    address      VARCHAR(300) NOT NULL,
    cold_storage BOOLEAN      NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE station (
    code          VARCHAR(40)  PRIMARY KEY,
    centre_code   VARCHAR(40)  NOT NULL REFERENCES centre (code),
    name          VARCHAR(100),
    cold_capable  BOOLEAN      NOT NULL,
    opening_hours VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX station_by_centre ON station (centre_code);

-- A township is served by at most one station, which makes routing deterministic. Deferred so that one
-- transaction (an import) can move a township from one station to another.
CREATE TABLE station_township (
    station_code  VARCHAR(40) NOT NULL REFERENCES station (code) ON DELETE CASCADE,
    township_code VARCHAR(9)  NOT NULL,
    PRIMARY KEY (station_code, township_code),
    CONSTRAINT station_township_served_once UNIQUE (township_code) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE pickup_point (
    code         VARCHAR(40)  PRIMARY KEY,
    station_code VARCHAR(40)  NOT NULL REFERENCES station (code),
    village_code VARCHAR(12)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX pickup_point_by_station ON pickup_point (station_code);

-- Joint distribution: one run from a county centre to one station, carrying every seller's parcels.
CREATE TABLE wave (
    id            UUID        PRIMARY KEY,
    centre_code   VARCHAR(40) NOT NULL REFERENCES centre (code),
    station_code  VARCHAR(40) NOT NULL REFERENCES station (code),
    status        VARCHAR(20) NOT NULL,
    vehicle       VARCHAR(60),
    driver        VARCHAR(100),
    created_by    UUID        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    dispatched_at TIMESTAMPTZ,
    version       BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX wave_by_centre ON wave (centre_code, status);

-- One shipment per paid order (order_id UNIQUE is the last line of defence against a redelivered event).
CREATE TABLE shipment (
    id                      UUID         PRIMARY KEY,
    order_id                UUID         NOT NULL UNIQUE,
    buyer_id                UUID         NOT NULL,
    seller_id               UUID         NOT NULL,
    seller_county_code      VARCHAR(6),
    temperature_class       VARCHAR(10)  NOT NULL,
    recipient               VARCHAR(100),
    phone                   VARCHAR(40),
    county_code             VARCHAR(6),
    township_code           VARCHAR(9),
    village_code            VARCHAR(12),
    address_detail          VARCHAR(300),
    status                  VARCHAR(30)  NOT NULL,
    routing_failure         VARCHAR(40),
    routing_failure_detail  VARCHAR(300),
    origin_centre_code      VARCHAR(40),
    destination_centre_code VARCHAR(40),
    station_code            VARCHAR(40),
    cold_chain              BOOLEAN      NOT NULL,
    current_site_code       VARCHAR(40),
    wave_id                 UUID REFERENCES wave (id),
    pickup_point_code       VARCHAR(40),
    pickup_code             VARCHAR(6),
    cold_chain_exception    BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at              TIMESTAMPTZ  NOT NULL,
    status_changed_at       TIMESTAMPTZ  NOT NULL,
    version                 BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX shipment_by_destination_centre ON shipment (destination_centre_code, status);
CREATE INDEX shipment_by_origin_centre ON shipment (origin_centre_code, status);
CREATE INDEX shipment_by_station ON shipment (station_code, status);
CREATE INDEX shipment_by_wave ON shipment (wave_id);
CREATE INDEX shipment_by_status ON shipment (status, created_at);

-- What the buyer and operators see: every state change and exception of a shipment, in order.
CREATE TABLE shipment_timeline (
    id          BIGSERIAL    PRIMARY KEY,
    shipment_id UUID         NOT NULL REFERENCES shipment (id),
    kind        VARCHAR(40)  NOT NULL,
    site_code   VARCHAR(40),
    at          TIMESTAMPTZ  NOT NULL,
    note        VARCHAR(300)
);
CREATE INDEX shipment_timeline_by_shipment ON shipment_timeline (shipment_id, id);

-- Operator scans, keyed by the client-generated scan id so a retried scan is recognised.
CREATE TABLE scan (
    scan_id           UUID         PRIMARY KEY,
    shipment_id       UUID         NOT NULL REFERENCES shipment (id),
    type              VARCHAR(30)  NOT NULL,
    site_code         VARCHAR(40)  NOT NULL,
    status_after      VARCHAR(30)  NOT NULL,
    at                TIMESTAMPTZ  NOT NULL,
    recorded_by       UUID         NOT NULL,
    recipient_name    VARCHAR(100),
    proof_reference   VARCHAR(200),
    pickup_point_code VARCHAR(40),
    reason            VARCHAR(300)
);
CREATE INDEX scan_by_shipment ON scan (shipment_id);

-- Temperature readings for one shipment or a whole wave (then checked against each shipment's class).
CREATE TABLE temperature_reading (
    reading_id  UUID             PRIMARY KEY,
    shipment_id UUID REFERENCES shipment (id),
    wave_id     UUID REFERENCES wave (id),
    celsius     DOUBLE PRECISION NOT NULL,
    site_code   VARCHAR(40)      NOT NULL,
    measured_at TIMESTAMPTZ      NOT NULL,
    recorded_by UUID             NOT NULL,
    excursions  INT              NOT NULL,
    CHECK ((shipment_id IS NULL) <> (wave_id IS NULL))
);
CREATE INDEX temperature_reading_by_shipment ON temperature_reading (shipment_id);
CREATE INDEX temperature_reading_by_wave ON temperature_reading (wave_id);
