-- CreateTable
CREATE TABLE "scheduled_job" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "series" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "incident_id" UUID,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "done_at" TIMESTAMPTZ(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "outcome" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scheduled_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "scheduled_job_dedupe_key_key" ON "scheduled_job"("dedupe_key");

-- CreateIndex
CREATE INDEX "scheduled_job_status_due_at_idx" ON "scheduled_job"("status", "due_at");

-- CreateIndex
CREATE INDEX "scheduled_job_series_status_due_at_idx" ON "scheduled_job"("series", "status", "due_at");

-- CreateIndex
CREATE INDEX "scheduled_job_incident_id_idx" ON "scheduled_job"("incident_id");

