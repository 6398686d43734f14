// Outbox rows written by the release before the neutral core (target
// {"to":"legacy"}) hold Slack-shaped payloads: a channel id, a user id, a
// kind that no longer exists. At start, before the outbox worker runs, each
// is rewritten to the kind, target and key the features use now, so the
// message still goes out, once. A row that cannot be converted is parked
// with the reason: visible on /healthz and to `datalek outbox list`, never
// dropped (the previous release's recurring-duty nudges are: their jobs send
// them again).
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
import { COUNTDOWN_MESSAGE_KINDS, repageKey } from "../../features/countdown/countdownMessages.ts";
import { ZCountdownMark } from "../../features/countdown/countdownJobKinds.ts";
import { NOTIFICATION_MESSAGE_KINDS } from "../../features/notifications/notificationsMessages.ts";
import { MEASURES_PROGRESS_KIND } from "../../features/measures/measuresMessages.ts";
import { REGISTER_EXPORT_KIND } from "../../features/export/exportMessages.ts";
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
/** What a conversion may need to know about the incident a legacy row is about. */
export interface TLegacyIncident {
  reporterId: string;
  awarenessAt: Date;
  deadlineAt: Date;
}

const ZDpoOrManagement = ZIncident.extend({ audience: z.string(), dpoUserId: z.string().optional() });

/** The new rows for one legacy row (a checklist sync becomes one row per part); undefined: cannot be converted. */
export function convertLegacyRow(
  kind: string,
  payload: unknown,
  incidentOf: (incidentId: string) => TLegacyIncident | undefined,
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
      const person = incidentOf(incidentId)?.reporterId;
      return person ? [{ kind: REPORT_RECEIPT_KIND, target: toPerson(person), key: null, payload: { incidentId } }] : undefined;
    }
    case "countdown.reminder": {
      const old = ZDpoOrManagement.extend({ mark: ZCountdownMark, late: z.boolean().default(false) }).parse(payload);
      const person = old.dpoUserId ? slackPerson(old.dpoUserId) : undefined;
      const target =
        old.audience === "thread"
          ? toThread(messageKeys.incidentPost(old.incidentId))
          : old.audience === "dpo" && person
            ? toPerson(person)
            : toChannel("management");
      const audience = old.audience === "thread" || old.audience === "dpo" ? old.audience : "management";
      return [
        {
          kind: COUNTDOWN_MESSAGE_KINDS.reminder,
          target,
          key: null,
          payload: { incidentId: old.incidentId, mark: old.mark, audience, late: old.late, ...(person ? { person } : {}) },
        },
      ];
    }
    case "countdown.repage": {
      const old = ZDpoOrManagement.extend({
        index: z.number().int().min(0),
        late: z.boolean().default(false),
        reportedAt: z.string(),
      }).parse(payload);
      const person = old.dpoUserId ? slackPerson(old.dpoUserId) : undefined;
      const base = {
        incidentId: old.incidentId,
        index: old.index,
        late: old.late,
        reportedAt: new Date(old.reportedAt).toISOString(),
      };
      return person
        ? [
            {
              kind: COUNTDOWN_MESSAGE_KINDS.repage,
              target: toPerson(person),
              key: repageKey(old.incidentId, old.index, person),
              payload: { ...base, audience: "dpo", person },
            },
          ]
        : [
            {
              kind: COUNTDOWN_MESSAGE_KINDS.repage,
              target: toChannel("management"),
              key: null,
              payload: { ...base, audience: "management" },
            },
          ];
    }
    case "countdown.thread_notice": {
      const old = ZIncident.extend({ notice: z.string(), params: z.record(z.string(), z.string()).default({}) }).parse(payload);
      const thread = toThread(messageKeys.incidentPost(old.incidentId));
      const actor = old.params.userId ? slackPerson(old.params.userId) : "bot";
      if (old.notice === "awareness_corrected") {
        const incident = incidentOf(old.incidentId);
        if (!incident) return undefined;
        return [
          {
            kind: COUNTDOWN_MESSAGE_KINDS.awarenessCorrected,
            target: thread,
            key: null,
            payload: {
              incidentId: old.incidentId,
              actor,
              awarenessAt: incident.awarenessAt.toISOString(),
              deadlineAt: incident.deadlineAt.toISOString(),
              rescheduled: true,
            },
          },
        ];
      }
      if ((old.notice === "ap_followup" || old.notice === "ap_withdrawal") && old.params.apReference)
        return [
          {
            kind: NOTIFICATION_MESSAGE_KINDS.recorded,
            target: thread,
            key: null,
            payload: { notice: old.notice, incidentId: old.incidentId, actor, apReference: old.params.apReference },
          },
        ];
      if (old.notice === "subject_notice_recorded" && old.params.method && old.params.sentAt)
        return [
          {
            kind: NOTIFICATION_MESSAGE_KINDS.recorded,
            target: thread,
            key: null,
            payload: {
              notice: "subject_notice",
              incidentId: old.incidentId,
              actor,
              sentAt: old.params.sentAt,
              method: old.params.method,
              recipientsCount: Number(old.params.recipientsCount ?? 0),
            },
          },
        ];
      return undefined;
    }
    case "notification.draft_message": {
      const old = ZIncident.extend({ userId: z.string(), draft: z.enum(["ap_notification", "subject_notice"]) }).parse(payload);
      const person = slackPerson(old.userId);
      // Today's draft message carries the file too (the previous release sent it as a second message).
      return [
        {
          kind: NOTIFICATION_MESSAGE_KINDS.draft,
          target: toPerson(person),
          key: null,
          payload: { incidentId: old.incidentId, person, draft: old.draft },
        },
      ];
    }
    case "notification.draft_file":
      // Sent with the draft message now: nothing of its own to send.
      return [];
    case "incident.follow_up_progress": {
      const { incidentId } = ZIncident.parse(payload);
      return [
        {
          kind: MEASURES_PROGRESS_KIND,
          target: toThread(messageKeys.incidentPost(incidentId)),
          key: messageKeys.incidentProgress(incidentId),
          payload: { incidentId },
        },
      ];
    }
    case "export.upload": {
      const old = z.object({ userId: z.string() }).parse(payload);
      const person = slackPerson(old.userId);
      return [{ kind: REGISTER_EXPORT_KIND, target: toPerson(person), key: null, payload: { person } }];
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
        select: { id: true, reporterId: true, awarenessAt: true, deadlineAt: true },
      })
    ).map((incident) => [incident.id, incident]),
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
      if (rewritten.length === 0) {
        // Nothing of its own to send any more (it goes out with another message now).
        await tx.outboxMessage.updateMany({
          where: stillLegacy,
          data: { status: "delivered", target: {}, deliveredAt: new Date(), result: { legacy: "sent with another message" } },
        });
        converted += 1;
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
