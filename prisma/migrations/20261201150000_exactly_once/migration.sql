-- Exactly once (issue 15): short leases held by a named worker; a delivery interrupted after its call is looked up before it is sent again; a rate limit pauses a method for every replica; an incident's messages go out in order (which replaces the per-incident lease table).
-- AlterTable
ALTER TABLE "outbox_message" ADD COLUMN     "attempted_at" TIMESTAMPTZ(3),
ADD COLUMN     "claimed_by" TEXT;

-- DropTable
DROP TABLE "outbox_incident_lease";

-- CreateTable
CREATE TABLE "rate_limit_pause" (
    "platform" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limit_pause_pkey" PRIMARY KEY ("platform","method")
);

-- CreateIndex
CREATE INDEX "outbox_message_incident_id_status_id_idx" ON "outbox_message"("incident_id", "status", "id");

-- Keyed messages are looked up by key prefix (every copy of one request, every
-- reminder of one measure): LIKE 'prefix%' needs the pattern operator class.
-- Prisma's schema cannot say it, so the index lives in this migration only.
CREATE INDEX "outbox_message_message_key_pattern_idx" ON "outbox_message" ("message_key" text_pattern_ops);
CREATE INDEX "posted_message_key_pattern_idx" ON "posted_message" ("key" text_pattern_ops);
