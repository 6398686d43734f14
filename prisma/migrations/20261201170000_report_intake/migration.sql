-- A report is stored in one statement before the reporter is answered, and
-- registered (timeline, messages, countdown) just after. registered_at marks
-- the second step; a report whose registration was interrupted is registered
-- by its durable job (report.register), so none is lost.
ALTER TABLE "incident" ADD COLUMN "registered_at" TIMESTAMPTZ(3);
UPDATE "incident" SET "registered_at" = "created_at";
