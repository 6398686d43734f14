-- The outbox claim takes due messages in (next_attempt_at, id) order and
-- stops after a batch: with the id in the index it reads just that batch,
-- instead of sorting every due message (which, with tens of thousands
-- pending after a burst and no statistics yet, took seconds per claim).
DROP INDEX "outbox_message_platform_status_next_attempt_at_idx";
CREATE INDEX "outbox_message_platform_status_next_attempt_at_id_idx" ON "outbox_message"("platform", "status", "next_attempt_at", "id");
