-- Claims on the outbox, so that several servers relaying mail send each mail once: a relay
-- claims a mail (a conditional update) before it sends it, and the others leave it alone until
-- the claim runs out, which frees the mail of a relay that stopped while sending.
ALTER TABLE outbox ADD COLUMN claim TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN claimed_until BIGINT NOT NULL DEFAULT 0;
CREATE INDEX outbox_waiting ON outbox (sent_at, id);
