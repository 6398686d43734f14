-- CreateTable
CREATE TABLE "home_refresh_request" (
    "target" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "home_refresh_request_pkey" PRIMARY KEY ("target")
);

