-- One row per (stream, viewer) that liked it: a like counts once per signed-in viewer per stream (ADR 0015).
-- The primary key is what makes a repeated like count nothing; Redis keeps only the running count as a cache.
-- seq orders the likes so that a like counted by a restore from this table is not counted again by its own
-- increment (see CounterScripts.LIKE).
CREATE TABLE stream_like (
    stream_id UUID        NOT NULL REFERENCES stream (id),
    viewer    TEXT        NOT NULL,
    seq       BIGSERIAL   NOT NULL,
    liked_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (stream_id, viewer)
);
CREATE INDEX stream_like_stream_seq ON stream_like (stream_id, seq);
