// Every kind of scheduled job and its handler. Each area adds its handlers
// here (the countdown, re-pages, recurring duties).
import type { TJobHandlers } from "./runDueJobs.ts";

export function createJobHandlers(): TJobHandlers {
  return {};
}
