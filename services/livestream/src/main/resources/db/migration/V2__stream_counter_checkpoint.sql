-- Checkpoint of a running stream's counters, so that Redis holds nothing PostgreSQL cannot rebuild (ADR 0012).
-- Written about once a second for streams whose counters changed, by any instance; every write is monotonic
-- (GREATEST, and the HyperLogLog of the larger count), so a late or duplicate write never takes a value back.
-- The row is deleted when the stream ends: the final figures are then on the stream row.
CREATE TABLE stream_counter_checkpoint (
    stream_id       UUID        PRIMARY KEY REFERENCES stream (id),
    likes           BIGINT      NOT NULL CHECK (likes >= 0),
    peak_viewers    BIGINT      NOT NULL CHECK (peak_viewers >= 0),
    unique_viewers  BIGINT      NOT NULL CHECK (unique_viewers >= 0),
    -- Redis' own HyperLogLog encoding of the unique viewers (GET of the key); SET + PFMERGE restores it.
    unique_hll      BYTEA,
    checkpointed_at TIMESTAMPTZ NOT NULL
);
