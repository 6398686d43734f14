-- The core knows no chat platform (issue 12). People become opaque person
-- ids issued by a front end ("slack:U012AB3CD"); where the bot's messages
-- went (channel and ts) moves from the incident and checklist tables to
-- posted_message, keyed by what the message is; outbox rows get a platform,
-- a neutral target and a key. Nothing is dropped before it is copied.
-- The audit trail is append-only and hash-chained: its entries keep the ids
-- they were written with.

-- Where the bot's messages went.
CREATE TABLE "posted_message" (
    "key" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "posted_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "posted_message_pkey" PRIMARY KEY ("key","platform")
);

INSERT INTO "posted_message" ("key", "platform", "ref", "posted_at", "updated_at")
SELECT 'incident:' || "id" || ':post', 'slack', "channel_id" || '/' || "thread_ts", "created_at", "created_at"
FROM "incident" WHERE "channel_id" IS NOT NULL AND "thread_ts" IS NOT NULL;

INSERT INTO "posted_message" ("key", "platform", "ref", "posted_at", "updated_at")
SELECT 'incident:' || "incident_id" || ':' || "part", 'slack', "channel_id" || '/' || "ts", now(), now()
FROM "checklist_thread_message";

INSERT INTO "posted_message" ("key", "platform", "ref", "posted_at", "updated_at")
SELECT 'incident:' || "incident_id" || ':progress', 'slack', "progress_channel_id" || '/' || "progress_ts", now(), now()
FROM "incident_follow_up" WHERE "progress_channel_id" IS NOT NULL AND "progress_ts" IS NOT NULL;

ALTER TABLE "incident" DROP COLUMN "channel_id", DROP COLUMN "thread_ts";
ALTER TABLE "incident_follow_up" DROP COLUMN "progress_channel_id", DROP COLUMN "progress_ts";
DROP TABLE "checklist_thread_message";

-- People: Slack user ids become person ids of the Slack front end.
UPDATE "incident" SET "reporter_id" = 'slack:' || "reporter_id" WHERE "reporter_id" ~ '^[UW][A-Z0-9]+$';
UPDATE "incident" SET "owner_id" = 'slack:' || "owner_id" WHERE "owner_id" ~ '^[UW][A-Z0-9]+$';
UPDATE "incident" SET "decided_by" = 'slack:' || "decided_by" WHERE "decided_by" ~ '^[UW][A-Z0-9]+$';
UPDATE "incident" SET "closed_by" = 'slack:' || "closed_by" WHERE "closed_by" ~ '^[UW][A-Z0-9]+$';
UPDATE "timeline_entry" SET "actor_id" = 'slack:' || "actor_id" WHERE "actor_id" ~ '^[UW][A-Z0-9]+$';
UPDATE "checklist_answer" SET "answered_by" = 'slack:' || "answered_by" WHERE "answered_by" ~ '^[UW][A-Z0-9]+$';
UPDATE "incident_assessment" SET "confirmed_by" = 'slack:' || "confirmed_by" WHERE "confirmed_by" ~ '^[UW][A-Z0-9]+$';
UPDATE "ap_notification" SET "recorded_by" = 'slack:' || "recorded_by" WHERE "recorded_by" ~ '^[UW][A-Z0-9]+$';
UPDATE "subject_notice" SET "recorded_by" = 'slack:' || "recorded_by" WHERE "recorded_by" ~ '^[UW][A-Z0-9]+$';
UPDATE "duty_event" SET "actor_id" = 'slack:' || "actor_id" WHERE "actor_id" ~ '^[UW][A-Z0-9]+$';
UPDATE "retention_review" SET "owner_id" = 'slack:' || "owner_id" WHERE "owner_id" ~ '^[UW][A-Z0-9]+$';
UPDATE "retention_review" SET "completed_by" = 'slack:' || "completed_by" WHERE "completed_by" ~ '^[UW][A-Z0-9]+$';
UPDATE "corrective_measure" SET "owner_id" = 'slack:' || "owner_id" WHERE "owner_id" ~ '^[UW][A-Z0-9]+$';
UPDATE "corrective_measure" SET "created_by" = 'slack:' || "created_by" WHERE "created_by" ~ '^[UW][A-Z0-9]+$';
UPDATE "corrective_measure" SET "done_by" = 'slack:' || "done_by" WHERE "done_by" ~ '^[UW][A-Z0-9]+$';
UPDATE "incident_follow_up" SET "evaluated_by" = 'slack:' || "evaluated_by" WHERE "evaluated_by" ~ '^[UW][A-Z0-9]+$';
UPDATE "policy_evaluation" SET "completed_by" = 'slack:' || "completed_by" WHERE "completed_by" ~ '^[UW][A-Z0-9]+$';

-- Overviews waiting to be shown again (was: App Home tabs).
CREATE TABLE "overview_refresh_request" (
    "target" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "overview_refresh_request_pkey" PRIMARY KEY ("target")
);
INSERT INTO "overview_refresh_request" ("target", "requested_at")
SELECT CASE WHEN "target" ~ '^[UW][A-Z0-9]+$' THEN 'slack:' || "target" ELSE "target" END, "requested_at"
FROM "home_refresh_request"
ON CONFLICT ("target") DO NOTHING;
DROP TABLE "home_refresh_request";

-- Outbox rows: a platform, a neutral target and a key. Rows written by the
-- previous release keep their kind and payload and get the target
-- {"to":"legacy"}; the Slack front end converts them at start.
ALTER TABLE "outbox_message" ADD COLUMN "message_key" TEXT,
ADD COLUMN "platform" TEXT NOT NULL DEFAULT 'slack',
ADD COLUMN "target" JSONB NOT NULL DEFAULT '{}';
UPDATE "outbox_message" SET "target" = '{"to":"legacy"}' WHERE "status" IN ('pending', 'failed');
CREATE INDEX "outbox_message_platform_status_next_attempt_at_idx" ON "outbox_message"("platform", "status", "next_attempt_at");

-- The per-person report limit counts the last hour's reports from the incidents themselves.
CREATE INDEX "incident_reporter_id_created_at_idx" ON "incident"("reporter_id", "created_at");
