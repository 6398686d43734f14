// The register of data breaches as files (a CSV for spreadsheets, a
// readable report for an auditor or the AP), `/datalek export` that sends
// them, and what `datalek export` says on the command line.
import { defineLabels, defineTexts } from "../core/text/defineTexts.ts";
import type { TCsvColumn } from "../features/export/csvColumns.ts";

const incidents = {
  nl: (count: number) => (count === 1 ? "1 incident" : `${count.toLocaleString("nl-NL")} incidenten`),
  en: (count: number) => (count === 1 ? "1 incident" : `${count.toLocaleString("en-GB")} incidents`),
};

/** How the AP was notified and how the people concerned were informed (the notifications' codes). */
const apKinds = defineLabels<"initial" | "followup" | "withdrawal">({
  nl: { initial: "Melding", followup: "Aanvulling", withdrawal: "Intrekking" },
  en: { initial: "Notification", followup: "Follow-up", withdrawal: "Withdrawal" },
});
const noticeMethods = defineLabels<"letter" | "email" | "phone" | "in_person" | "public">({
  nl: { letter: "per brief", email: "per e-mail", phone: "telefonisch", in_person: "persoonlijk", public: "openbare mededeling" },
  en: { letter: "by letter", email: "by e-mail", phone: "by phone", in_person: "in person", public: "public communication" },
});

const columns = defineLabels<TCsvColumn>({
  nl: {
    reference: "Referentie",
    status: "Status",
    reported_at: "Gemeld op",
    reporter: "Melder",
    discovered_at: "Ontdekt op",
    occurred_at: "Gebeurd op",
    awareness_at: "Bekend sinds (start 72 uur)",
    deadline_at: "Deadline melding AP",
    system: "Systeem of kanaal",
    data_kinds: "Soorten gegevens",
    people_affected: "Betrokkenen (schatting)",
    stopped: "Gestopt",
    recipient: "Wie kan het hebben",
    owner: "Behandelaar",
    taken_at: "Opgepakt op",
    risk_level: "Risico (beoordeling)",
    decision: "Besluit",
    decided_at: "Besluit op",
    decided_by: "Besluit door",
    decision_reason: "Reden besluit",
    ap_reference: "Kenmerk AP",
    closed_at: "Afgesloten op",
    closed_by: "Afgesloten door",
    what_happened: "Wat is er gebeurd",
  },
  en: {
    reference: "Reference",
    status: "Status",
    reported_at: "Reported at",
    reporter: "Reporter",
    discovered_at: "Discovered at",
    occurred_at: "Occurred at",
    awareness_at: "Aware since (start of 72 hours)",
    deadline_at: "Deadline to notify the AP",
    system: "System or channel",
    data_kinds: "Kinds of data",
    people_affected: "People concerned (estimate)",
    stopped: "Stopped",
    recipient: "Who may have it",
    owner: "Handled by",
    taken_at: "Taken at",
    risk_level: "Risk (assessment)",
    decision: "Decision",
    decided_at: "Decided at",
    decided_by: "Decided by",
    decision_reason: "Reason for the decision",
    ap_reference: "AP reference",
    closed_at: "Closed at",
    closed_by: "Closed by",
    what_happened: "What happened",
  },
});

export const exportTexts = defineTexts({
  nl: {
    command: {
      usage: {
        call: "/datalek export",
        description: "het register als CSV en als leesbaar verslag in je privéberichten (privacyfunctionaris, beheerder)",
      },
      refused: "⛔ Alleen privacyfunctionarissen en beheerders kunnen het register exporteren.",
      queued: "📁 Het register komt zo als twee bestanden (CSV en een leesbaar verslag) in je privéberichten.",
    },
    message: {
      summary: (p: { count: number }) => `Het register van datalekken (${incidents.nl(p.count)})`,
      comment: (p: { count: number }) =>
        `📁 Het register van datalekken (${incidents.nl(p.count)}). Bevat persoonsgegevens: niet doorsturen, veilig bewaren.`,
      csvTitle: "Register datalekken (CSV)",
      reportTitle: "Register datalekken (verslag)",
      fileName: "register-datalekken",
    },
    columns: columns.nl,
    apKinds: apKinds.nl,
    noticeMethods: noticeMethods.nl,
    report: {
      title: "Register van datalekken",
      generated: "Gemaakt op",
      facts: "Feiten",
      whatHappened: "Wat is er gebeurd",
      timeline: "Tijdlijn",
      assessment: "Beoordeling",
      notAssessed: "Nog niet beoordeeld.",
      assessedLevel: "Uitkomst checklist",
      reasons: "Redenen",
      override: "Aangepast door de privacyfunctionaris naar",
      confirmedBy: "Vastgesteld door",
      decision: "Besluit",
      noDecision: "Nog geen besluit.",
      notifications: "Meldingen aan de AP",
      subjectNotices: "Betrokkenen geïnformeerd",
      people: (p: { count: number }) => (p.count === 1 ? "1 persoon" : `${p.count.toLocaleString("nl-NL")} personen`),
      measures: "Maatregelen",
      noMeasures: "Geen maatregelen vastgelegd.",
      owner: "eigenaar",
      done: "afgerond op",
      due: "uiterlijk",
      closed: "Afgesloten",
      empty: "Het register is leeg.",
      total: (p: { count: number }) => `Het register bevat ${incidents.nl(p.count)}.`,
      appendix: (p: { reference: string }) => `Bijlage bij ${p.reference}: de berekening achter de beoordeling`,
      appendixIntro:
        "Voor de controle: de rekenstappen van de checklist en de ENISA-score. Ze ondersteunen de beoordeling hierboven en beslissen niet zelf.",
    },
    cli: {
      exported: (p: { count: number; file: string }) => `${incidents.nl(p.count)} geëxporteerd naar ${p.file}`,
    },
  },
  en: {
    command: {
      usage: {
        call: "/datalek export",
        description: "the register as a CSV and a readable report in your direct messages (privacy officer, administrator)",
      },
      refused: "⛔ Only privacy officers and administrators can export the register.",
      queued: "📁 The register will arrive shortly as two files (CSV and a readable report) in your direct messages.",
    },
    message: {
      summary: (p: { count: number }) => `The register of data breaches (${incidents.en(p.count)})`,
      comment: (p: { count: number }) =>
        `📁 The register of data breaches (${incidents.en(p.count)}). Contains personal data: do not forward, store securely.`,
      csvTitle: "Data breach register (CSV)",
      reportTitle: "Data breach register (report)",
      fileName: "data-breach-register",
    },
    columns: columns.en,
    apKinds: apKinds.en,
    noticeMethods: noticeMethods.en,
    report: {
      title: "Register of data breaches",
      generated: "Generated at",
      facts: "Facts",
      whatHappened: "What happened",
      timeline: "Timeline",
      assessment: "Assessment",
      notAssessed: "Not assessed yet.",
      assessedLevel: "Checklist outcome",
      reasons: "Reasons",
      override: "Overridden by the privacy officer to",
      confirmedBy: "Settled by",
      decision: "Decision",
      noDecision: "No decision yet.",
      notifications: "Notifications to the AP",
      subjectNotices: "People concerned informed",
      people: (p: { count: number }) => (p.count === 1 ? "1 person" : `${p.count.toLocaleString("en-GB")} people`),
      measures: "Measures",
      noMeasures: "No measures recorded.",
      owner: "owner",
      done: "completed on",
      due: "due",
      closed: "Closed",
      empty: "The register is empty.",
      total: (p: { count: number }) => `The register holds ${incidents.en(p.count)}.`,
      appendix: (p: { reference: string }) => `Appendix to ${p.reference}: the workings behind the assessment`,
      appendixIntro:
        "For review: the checklist's calculation steps and the ENISA score. They support the assessment above and do not decide it.",
    },
    cli: {
      exported: (p: { count: number; file: string }) => `${incidents.en(p.count)} exported to ${p.file}`,
    },
  },
});
