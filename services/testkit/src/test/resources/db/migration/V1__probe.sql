-- The business effect of a probe event: one row per applied event.
CREATE TABLE probe_effect (
    id         BIGSERIAL PRIMARY KEY,
    event_id   UUID         NOT NULL,
    note       VARCHAR(200) NOT NULL
);
