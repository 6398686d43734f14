// At most REPORT_RATE_LIMIT_PER_HOUR reports per user per hour, counted in
// the database (the "reported" timeline entries), so the limit holds across
// restarts and instances. A repeated submission of a report already stored
// is never limited: it creates nothing.
import type { TBotContext } from "../app/botContext.ts";
import type { TText } from "../assessment/questions.ts";

export const RATE_LIMITED_MESSAGE: TText = {
  nl: "Je hebt het afgelopen uur al veel meldingen gedaan. Wacht even, of neem direct contact op met de privacyfunctionaris. Je tekst staat er nog.",
  en: "You have made many reports in the past hour. Please wait a little, or contact the privacy officer directly. Your text is still here.",
};

export async function isReportRateLimited(context: TBotContext, userId: string, submissionKey: string): Promise<boolean> {
  const { prisma } = context.database;
  const stored = await prisma.incident.findUnique({ where: { submissionKey }, select: { id: true } });
  if (stored) return false;
  const since = new Date(context.clock.now().getTime() - 3_600_000);
  const recent = await prisma.timelineEntry.count({ where: { kind: "reported", actorId: userId, at: { gt: since } } });
  return recent >= context.settings.REPORT_RATE_LIMIT_PER_HOUR;
}
