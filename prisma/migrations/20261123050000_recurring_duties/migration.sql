-- CreateTable
CREATE TABLE "register_snapshot" (
    "id" TEXT NOT NULL,
    "register" JSONB NOT NULL,
    "source_file" TEXT NOT NULL,
    "loaded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "register_snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "duty_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" TEXT NOT NULL,
    "duty" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "duty_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "retention_review" (
    "id" UUID NOT NULL,
    "system_key" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "first_nudge_at" TIMESTAMPTZ(3) NOT NULL,
    "snooze_count" INTEGER NOT NULL DEFAULT 0,
    "completed_by" TEXT,
    "completed_at" TIMESTAMPTZ(3),
    "escalated_at" TIMESTAMPTZ(3),

    CONSTRAINT "retention_review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "corrective_measure" (
    "id" UUID NOT NULL,
    "incident_id" UUID NOT NULL,
    "what" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "due_date" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "done_by" TEXT,
    "done_at" TIMESTAMPTZ(3),

    CONSTRAINT "corrective_measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_follow_up" (
    "incident_id" UUID NOT NULL,
    "progress_channel_id" TEXT,
    "progress_ts" TEXT,
    "no_measures_reason" TEXT,
    "evaluation_due_at" TIMESTAMPTZ(3),
    "measures_worked" TEXT,
    "procedure_change" TEXT,
    "evaluation_notes" TEXT,
    "evaluated_by" TEXT,
    "evaluated_at" TIMESTAMPTZ(3),

    CONSTRAINT "incident_follow_up_pkey" PRIMARY KEY ("incident_id")
);

-- CreateTable
CREATE TABLE "policy_evaluation" (
    "year" INTEGER NOT NULL,
    "first_asked_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_by" TEXT,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "policy_evaluation_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE INDEX "duty_event_duty_subject_at_idx" ON "duty_event"("duty", "subject", "at");

-- CreateIndex
CREATE UNIQUE INDEX "retention_review_system_key_period_key" ON "retention_review"("system_key", "period");

-- CreateIndex
CREATE INDEX "corrective_measure_incident_id_idx" ON "corrective_measure"("incident_id");

-- CreateIndex
CREATE INDEX "corrective_measure_done_at_idx" ON "corrective_measure"("done_at");

