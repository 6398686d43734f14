// Outbox rows written by the release before the neutral core (target
// {"to":"legacy"}) hold Slack-shaped payloads: a channel id, a user id, a
// kind that no longer exists. At start, before the outbox worker runs, each
// is rewritten to the kind, target and key the features use now, so the
// message still goes out, once. A row that cannot be converted is parked
// with the reason: visible on /healthz and to `datalek outbox list`, never
// dropped.
import type { Logger } from "pino";
import { z } from "zod";
import { messageKeys } from "../../core/outbox/messageKeys.ts";
import { toChannel, toNotice, toPerson, toThread, type TTarget } from "../../core/outbox/target.ts";
import type { Prisma } from "../../core/storage/generated/client.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import { CHECKLIST_GROUPS } from "../../features/checklist/checklistAnswers.ts";
import { CHECKLIST_PART_KIND } from "../../features/checklist/enqueueChecklistParts.ts";
import { INCIDENT_PAGE_KIND, INCIDENT_POST_KIND } from "../../features/paging/pagingMessages.ts";
import { REPORT_RECEIPT_KIND } from "../../features/report/reportMessages.ts";
import { NOTICE_KIND } from "../../core/notices/enqueueNotice.ts";
import { slackPerson, slackWhere } from "../identity.ts";

export interface TConvertedRow {
  kind: string;
  target: TTarget;
  key: string | null;
  payload: Prisma.InputJsonValue;
}

const ZIncident = z.object({ incidentId: z.string() });

/** The new rows for one legacy row (a checklist sync becomes one row per part); undefined: cannot be converted. */
export function convertLegacyRow(
  kind: string,
  payload: unknown,
  reporter: (incidentId: string) => string | undefined,
): TConvertedRow[] | undefined {
  switch (kind) {
    case "incident.channel_post":
    case "incident.channel_post_update": {
      const { incidentId } = ZIncident.parse(payload);
      return [
        {
          kind: INCIDENT_POST_KIND,
          target: toChannel("dpo"),
          key: messageKeys.incidentPost(incidentId),
          payload: { incidentId },
        },
      ];
    }
    case "incident.dpo_page": {
      const { incidentId, dpoUserId } = ZIncident.extend({ dpoUserId: z.string() }).parse(payload);
      const person = slackPerson(dpoUserId);
      return [
        {
          kind: INCIDENT_PAGE_KIND,
          target: toPerson(person),
          key: messageKeys.incidentPage(incidentId, person),
          payload: { incidentId, person },
        },
      ];
    }
    case "incident.reporter_receipt": {
      const { incidentId } = ZIncident.parse(payload);
      const person = reporter(incidentId);
      return person ? [{ kind: REPORT_RECEIPT_KIND, target: toPerson(person), key: null, payload: { incidentId } }] : undefined;
    }
    case "user.ephemeral_notice": {
      const notice = z
        .object({
          userId: z.string(),
          channelId: z.string(),
          threadTs: z.string().nullish(),
          notice: z.string(),
          params: z.record(z.string(), z.string()).default({}),
        })
        .parse(payload);
      return [
        {
          kind: NOTICE_KIND,
          target: toNotice(slackPerson(notice.userId), slackWhere(notice.channelId, notice.threadTs ?? undefined)),
          key: null,
          payload: {
            notice: notice.notice,
            params: { ...(notice.params.reference ? { reference: notice.params.reference } : {}) },
          },
        },
      ];
    }
    case "incident.checklist_sync": {
      const { incidentId } = ZIncident.parse(payload);
      return [...CHECKLIST_GROUPS.map((group) => group.part), "assessment"].map((part) => ({
        kind: CHECKLIST_PART_KIND,
        target: toThread(messageKeys.incidentPost(incidentId)),
        key: messageKeys.checklistPart(incidentId, part),
        payload: { incidentId, part },
      }));
    }
    default:
      return undefined;
  }
}

export async function convertLegacyOutbox(database: Database, logger: Logger): Promise<{ converted: number; parked: number }> {
  const { prisma } = database;
  const rows = await prisma.outboxMessage.findMany({ where: { target: { equals: { to: "legacy" } } }, orderBy: { id: "asc" } });
  if (rows.length === 0) return { converted: 0, parked: 0 };
  const incidents = new Map(
    (
      await prisma.incident.findMany({
        where: { id: { in: rows.map((row) => row.incidentId).filter((id): id is string => id !== null) } },
        select: { id: true, reporterId: true },
      })
    ).map((incident) => [incident.id, incident.reporterId]),
  );
  let converted = 0;
  let parked = 0;
  for (const row of rows) {
    let rewritten: TConvertedRow[] | undefined;
    try {
      rewritten = convertLegacyRow(row.kind, row.payload, (id) => incidents.get(id));
    } catch {
      rewritten = undefined;
    }
    // Conditional on the row still being a legacy row: a second replica starting at once converts nothing twice.
    const stillLegacy = { id: row.id, target: { equals: { to: "legacy" } } };
    await prisma.$transaction(async (tx) => {
      if (!rewritten) {
        const parkedNow = await tx.outboxMessage.updateMany({
          where: stillLegacy,
          data: {
            status: "failed",
            target: {},
            lastError: `a message of the previous release (${row.kind}) could not be converted`,
          },
        });
        parked += parkedNow.count;
        return;
      }
      const [first, ...more] = rewritten;
      const claimed = await tx.outboxMessage.updateMany({
        where: stillLegacy,
        data: {
          kind: first!.kind,
          target: first!.target as Prisma.InputJsonValue,
          messageKey: first!.key,
          payload: first!.payload,
        },
      });
      if (claimed.count === 0) return;
      if (more.length > 0)
        await tx.outboxMessage.createMany({
          data: more.map((extra) => ({
            platform: row.platform,
            kind: extra.kind,
            target: extra.target as Prisma.InputJsonValue,
            messageKey: extra.key,
            payload: extra.payload,
            incidentId: row.incidentId,
            status: row.status,
            nextAttemptAt: row.nextAttemptAt,
          })),
        });
      converted += 1;
    });
  }
  logger.info({ converted, parked }, "outbox messages of the previous release converted");
  return { converted, parked };
}
