-- The export reads the register a page at a time in the order it was
-- reported (created_at, then reference): with this index each page starts
-- where the last one ended instead of sorting the whole register again.
CREATE INDEX "incident_created_at_reference_idx" ON "incident"("created_at", "reference");
