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

