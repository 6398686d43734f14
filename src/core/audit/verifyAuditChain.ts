// Walks the audit trail in order and checks every link: each entry's
// prevHash is the previous entry's hash and its own hash matches its
// content. Names the first entry that does not.
import type { PrismaClient } from "../storage/generated/client.ts";
import { auditEntryHash, GENESIS_HASH } from "./auditHash.ts";

export type TAuditVerification =
  | { ok: true; checked: number; lastHash: string }
  | { ok: false; checked: number; firstBrokenSeq: bigint; problem: "content_changed" | "link_broken" };

export async function verifyAuditChain(prisma: PrismaClient, batchSize = 1000): Promise<TAuditVerification> {
  let previousHash = GENESIS_HASH;
  let afterSeq: bigint | undefined;
  let checked = 0;
  for (;;) {
    const batch = await prisma.auditEntry.findMany({
      where: afterSeq === undefined ? {} : { seq: { gt: afterSeq } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    if (batch.length === 0) return { ok: true, checked, lastHash: previousHash };
    for (const entry of batch) {
      if (entry.prevHash !== previousHash) return { ok: false, checked, firstBrokenSeq: entry.seq, problem: "link_broken" };
      const expected = auditEntryHash({
        at: entry.at,
        actorId: entry.actorId,
        action: entry.action,
        incidentId: entry.incidentId,
        details: entry.details,
        prevHash: entry.prevHash,
      });
      if (expected !== entry.hash) return { ok: false, checked, firstBrokenSeq: entry.seq, problem: "content_changed" };
      previousHash = entry.hash;
      checked += 1;
    }
    afterSeq = batch[batch.length - 1]!.seq;
  }
}
