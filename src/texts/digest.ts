// The weekly digest to management: open and overdue incidents, last week's
// decisions, open measures, retention reviews awaiting confirmation. Only
// references, statuses and counts.
import { defineTexts } from "../core/text/defineTexts.ts";
import { strong, type TRichText } from "../core/text/richText.ts";

export const digestTexts = defineTexts({
  nl: {
    summary: "Weekoverzicht datalekken",
    heading: "📰 Weekoverzicht datalekken",
    openIncidents: (p: { count: string; list: string }): TRichText => [strong(`Open incidenten (${p.count}):`), ` ${p.list}`],
    overdue: "⚠️ deadline verstreken zonder besluit",
    decisions: (p: { list: string }): TRichText => [strong("Besluiten afgelopen week:"), ` ${p.list}`],
    measures: (p: { open: string; overdue: string }): TRichText => [
      strong("Open maatregelen:"),
      ` ${p.open}, waarvan te laat: ${p.overdue}`,
    ],
    reviews: (p: { list: string }): TRichText => [strong("Bewaartermijn-controles open:"), ` ${p.list}`],
    escalated: "⚠️ bij het management gemeld",
    none: "geen",
  },
  en: {
    summary: "Weekly breach digest",
    heading: "📰 Weekly breach digest",
    openIncidents: (p: { count: string; list: string }): TRichText => [strong(`Open incidents (${p.count}):`), ` ${p.list}`],
    overdue: "⚠️ deadline passed without a decision",
    decisions: (p: { list: string }): TRichText => [strong("Decisions in the past week:"), ` ${p.list}`],
    measures: (p: { open: string; overdue: string }): TRichText => [
      strong("Open measures:"),
      ` ${p.open}, overdue: ${p.overdue}`,
    ],
    reviews: (p: { list: string }): TRichText => [strong("Retention reviews open:"), ` ${p.list}`],
    escalated: "⚠️ reported to management",
    none: "none",
  },
});
