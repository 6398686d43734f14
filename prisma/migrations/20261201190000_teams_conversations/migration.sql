-- Teams front end (issue 13): where the bot can reach a person or a channel proactively (the Teams front end's own table; the core keeps posted_message).
-- CreateTable
CREATE TABLE "teams_conversation" (
    "key" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "service_url" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "user_id" TEXT,
    "locale" TEXT,
    "name" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "teams_conversation_pkey" PRIMARY KEY ("key")
);

