-- CreateTable
CREATE TABLE "checklist_answer" (
    "incident_id" UUID NOT NULL,
    "question_id" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "answered_by" TEXT NOT NULL,
    "answered_at" TIMESTAMPTZ(3) NOT NULL,
    "prefilled" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "checklist_answer_pkey" PRIMARY KEY ("incident_id","question_id")
);

-- CreateTable
CREATE TABLE "incident_assessment" (
    "incident_id" UUID NOT NULL,
    "level" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "assessed_at" TIMESTAMPTZ(3) NOT NULL,
    "confirmed_by" TEXT,
    "confirmed_at" TIMESTAMPTZ(3),
    "override_level" TEXT,
    "override_reason" TEXT,

    CONSTRAINT "incident_assessment_pkey" PRIMARY KEY ("incident_id")
);

-- CreateTable
CREATE TABLE "checklist_thread_message" (
    "incident_id" UUID NOT NULL,
    "part" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "ts" TEXT NOT NULL,

    CONSTRAINT "checklist_thread_message_pkey" PRIMARY KEY ("incident_id","part")
);

-- CreateIndex
CREATE INDEX "checklist_answer_incident_id_idx" ON "checklist_answer"("incident_id");

-- CreateIndex
CREATE INDEX "checklist_thread_message_incident_id_idx" ON "checklist_thread_message"("incident_id");

-- CreateIndex
CREATE INDEX "checklist_thread_message_channel_id_ts_idx" ON "checklist_thread_message"("channel_id", "ts");

