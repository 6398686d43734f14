// The facts of an incident that anyone in the DPO channel may read: no free
// text from the report, no names. Shared by the channel post and the pages.
import type { KnownBlock } from "@slack/types";
import type { TLocale } from "../../assessment/questions.ts";
import { describeTimeLeft } from "../../domain/time/deadlines.ts";
import { formatLocal } from "../../domain/time/formatLocal.ts";
import type { TRegister } from "../../register/loadRegister.ts";
import type { Incident } from "../../storage/generated/client.ts";
import { dataKindsLabel, recipientLabel, STOPPED_LABELS, systemLabel } from "../vocabulary.ts";

export interface TRenderContext {
  register: TRegister;
  locale: TLocale;
  zone: string;
  now: Date;
}

export function deadlineLine(incident: Pick<Incident, "deadlineAt">, render: TRenderContext): string {
  const nl = render.locale === "nl";
  return `${nl ? "Deadline melding AP" : "Deadline to notify the AP"}: *${formatLocal(incident.deadlineAt, render.zone, render.locale)}* (${describeTimeLeft(incident.deadlineAt, render.now, render.locale)})`;
}

export function incidentFactsFields(incident: Incident, render: TRenderContext): KnownBlock {
  const nl = render.locale === "nl";
  const field = (label: string, value: string) => ({ type: "mrkdwn" as const, text: `*${label}*\n${value}` });
  return {
    type: "section",
    fields: [
      field(nl ? "Systeem" : "System", systemLabel(render.register, incident.system, render.locale)),
      field(nl ? "Betrokkenen (schatting)" : "People concerned (estimate)", String(incident.peopleAffected)),
      field(nl ? "Soorten gegevens" : "Kinds of data", dataKindsLabel(incident.dataKinds, render.locale)),
      field(nl ? "Gestopt?" : "Stopped?", STOPPED_LABELS[incident.stopped]?.[render.locale] ?? incident.stopped),
      field(nl ? "Wie kan het hebben?" : "Who may have it?", recipientLabel(incident.recipient, render.locale)),
      field(nl ? "Ontdekt" : "Discovered", formatLocal(incident.discoveredAt, render.zone, render.locale)),
    ],
  };
}
