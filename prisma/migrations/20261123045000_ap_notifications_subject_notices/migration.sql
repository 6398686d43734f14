-- CreateTable
CREATE TABLE "ap_notification" (
    "id" BIGSERIAL NOT NULL,
    "incident_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "ap_reference" TEXT NOT NULL,
    "notified_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "details" TEXT,

    CONSTRAINT "ap_notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subject_notice" (
    "id" BIGSERIAL NOT NULL,
    "incident_id" UUID NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    "method" TEXT NOT NULL,
    "recipients_count" INTEGER NOT NULL,
    "note" TEXT,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subject_notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ap_notification_incident_id_idx" ON "ap_notification"("incident_id");

-- CreateIndex
CREATE UNIQUE INDEX "ap_notification_incident_id_sequence_key" ON "ap_notification"("incident_id", "sequence");

-- CreateIndex
CREATE INDEX "subject_notice_incident_id_idx" ON "subject_notice"("incident_id");

