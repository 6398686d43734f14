-- Who has opened the bot's App Home tab in Slack, and when last: after a
-- change only their tabs are published again (others see a fresh tab when
-- they first open it).
CREATE TABLE "home_tab_viewer" (
    "user_id" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "home_tab_viewer_pkey" PRIMARY KEY ("user_id")
);
