// A kind of message: its payload (checked with zod when it is delivered)
// and how it is built, in the reader's language, from the payload and the
// current records. The features define kinds; the outbox stores the kind
// and payload; each front end renders what `build` returns.
import type { z } from "zod";
import type { TMessage } from "./message.ts";

export interface TMessageKind<TPayload, TContext> {
  kind: string;
  payload: z.ZodType<TPayload>;
  /** Undefined: nothing to say any more (the incident was erased by retention). */
  build(payload: TPayload, context: TContext): Promise<TMessage | undefined>;
}

export function defineMessageKind<TPayload, TContext>(kind: TMessageKind<TPayload, TContext>): TMessageKind<TPayload, TContext> {
  return kind;
}
