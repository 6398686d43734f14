-- CreateTable
CREATE TABLE "setup_problem" (
    "key" TEXT NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL,
    "notified_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "setup_problem_pkey" PRIMARY KEY ("key")
);

