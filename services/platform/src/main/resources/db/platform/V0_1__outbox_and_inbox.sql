-- Shared by every service (each in its own database): the transactional outbox and the consumer inbox.

-- Events written in the same transaction as the state change they describe; the relay publishes them in
-- seq order and stamps sent_at. Rows are kept so partners can read event history.
CREATE TABLE outbox_message (
    seq          BIGSERIAL PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        VARCHAR(200) NOT NULL,
    type         VARCHAR(200) NOT NULL,
    version      INT          NOT NULL,
    aggregate_id VARCHAR(200) NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    envelope     TEXT         NOT NULL,
    sent_at      TIMESTAMPTZ
);
CREATE INDEX outbox_message_unsent ON outbox_message (seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_message_aggregate ON outbox_message (aggregate_id, seq);

-- Ids of events a consumer has applied, written in the same transaction as the change they caused,
-- so a redelivered event is recognised and skipped.
CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     UUID         NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
