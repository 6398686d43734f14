// Shared bits of the details button and subcommand.
import { z } from "zod";
import type { TBotContext } from "../../app/botContext.ts";
import type { TRenderContext } from "../messages/incidentFacts.ts";

/** An incident reference such as DL-2026-0007; anything else is refused before the database. */
export const ZReference = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^DL-\d{4}-\d{4,6}$/);

export function renderContextOf(context: TBotContext): TRenderContext {
  return { register: context.register, locale: context.locale, zone: context.settings.TIMEZONE, now: context.clock.now() };
}
