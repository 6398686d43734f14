// Structured JSON logs with pino (fast, the de-facto standard for Node
// services). Free text from reports never goes into a log line; the redact
// list is a second line of defence.
import { pino, type Logger } from "pino";
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "datalek-bot" },
      redact: { paths: ["whatHappened", "*.whatHappened", "reason", "*.reason", "token", "*.token"], censor: "[redacted]" },
    },
    destination,
  );
}

/** Bolt's logger interface on top of pino. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: "bolt" });
  let level: LogLevel = LogLevel.INFO;
  const join = (messages: unknown[]) =>
    messages.map((message) => (typeof message === "string" ? message : JSON.stringify(message))).join(" ");
  return {
    debug: (...messages) => child.debug(join(messages)),
    info: (...messages) => child.info(join(messages)),
    warn: (...messages) => child.warn(join(messages)),
    error: (...messages) => child.error(join(messages)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
