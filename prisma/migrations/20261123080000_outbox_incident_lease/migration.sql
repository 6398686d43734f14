-- CreateTable
CREATE TABLE "outbox_incident_lease" (
    "incident_id" UUID NOT NULL,
    "holder" TEXT NOT NULL,
    "leased_until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outbox_incident_lease_pkey" PRIMARY KEY ("incident_id")
);

