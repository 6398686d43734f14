// Paging the privacy officer: the incident's post in the DPO channel (its
// thread is the incident's thread) and the direct message to each privacy
// officer, with the facts anyone there may read and a button to take it.
import { defineTexts } from "../core/text/defineTexts.ts";

export const pagingTexts = defineTexts({
  nl: {
    post: {
      heading: (p: { reference: string }) => `Datalek gemeld: ${p.reference}`,
      notTaken: "⏳ Nog niet opgepakt",
      takenBy: "✅ Opgepakt door ",
      closedBy: "🔒 Afgesloten door ",
      decided: "☑️ Besluit: ",
      apReference: (p: { apReference: string }) => ` (kenmerk ${p.apReference})`,
      decidedOn: (p: { when: string }) => ` op ${p.when}; aftellen gestopt.`,
    },
    facts: {
      system: "Systeem",
      people: "Betrokkenen (schatting)",
      dataKinds: "Soorten gegevens",
      stopped: "Gestopt?",
      recipient: "Wie kan het hebben?",
      discovered: "Ontdekt",
    },
    deadline: "Deadline melding AP: ",
    take: "Oppakken",
    page: {
      summary: (p: { reference: string }) => `Nieuw datalek ${p.reference}: je bent opgeroepen als privacyfunctionaris`,
      heading: (p: { reference: string }) => `🚨 Nieuw datalek ${p.reference}`,
      intro: "Je bent opgeroepen als privacyfunctionaris. Pak het op of stem af met je collega's.",
      report: "Melding (alleen voor jou)",
      reportedBy: "Gemeld door ",
      openThread: "Open de thread",
      takenByYou: "✅ Je hebt dit incident opgepakt. Ga verder in de thread.",
      takenBy: "✅ Opgepakt door ",
    },
  },
  en: {
    post: {
      heading: (p: { reference: string }) => `Data breach reported: ${p.reference}`,
      notTaken: "⏳ Not taken yet",
      takenBy: "✅ Taken by ",
      closedBy: "🔒 Closed by ",
      decided: "☑️ Decision: ",
      apReference: (p: { apReference: string }) => ` (reference ${p.apReference})`,
      decidedOn: (p: { when: string }) => ` on ${p.when}; countdown stopped.`,
    },
    facts: {
      system: "System",
      people: "People concerned (estimate)",
      dataKinds: "Kinds of data",
      stopped: "Stopped?",
      recipient: "Who may have it?",
      discovered: "Discovered",
    },
    deadline: "Deadline to notify the AP: ",
    take: "Take",
    page: {
      summary: (p: { reference: string }) => `New data breach ${p.reference}: you are paged as privacy officer`,
      heading: (p: { reference: string }) => `🚨 New data breach ${p.reference}`,
      intro: "You are paged as privacy officer. Take it, or agree with your colleagues who will.",
      report: "Report (for you only)",
      reportedBy: "Reported by ",
      openThread: "Open the thread",
      takenByYou: "✅ You have taken this incident. Continue in the thread.",
      takenBy: "✅ Taken by ",
    },
  },
});
