-- Issue 11 (failure trust), ADR 0011. PostgreSQL is the truth the Redis pools are rebuilt from.

-- The generation of the offer's Redis pool. A rebuild (Redis lost the pool, a crash left a reservation behind)
-- bumps it under FOR UPDATE; an order's transaction reads it under FOR KEY SHARE and refuses to commit a
-- reservation taken from an older generation, whose units the rebuilt pool no longer counts.
ALTER TABLE offer ADD COLUMN pool_epoch BIGINT NOT NULL DEFAULT 1;

-- Where a cancelled or expired line's units went: OFFER (back into the open pool) or CATALOG (the pool was
-- drained or gone). Null while the line is live. A rebuild counts every unit not returned to the pool as taken.
ALTER TABLE order_line ADD COLUMN returned_to VARCHAR(8) CHECK (returned_to IN ('OFFER', 'CATALOG'));

-- Refusals are recorded too (Stripe's rule: an answer once given is the answer), so a retry after Redis lost
-- its entry gets the same 4xx: order_id and body are null for them and the problem's fields are kept instead.
ALTER TABLE idempotency_record ALTER COLUMN order_id DROP NOT NULL;
ALTER TABLE idempotency_record ALTER COLUMN response_body DROP NOT NULL;
ALTER TABLE idempotency_record ADD COLUMN problem_slug VARCHAR(64);
ALTER TABLE idempotency_record ADD COLUMN problem_title VARCHAR(200);
ALTER TABLE idempotency_record ADD COLUMN problem_detail VARCHAR(1000);
ALTER TABLE idempotency_record ADD CONSTRAINT idempotency_record_answer
    CHECK ((response_body IS NOT NULL) <> (problem_slug IS NOT NULL));
