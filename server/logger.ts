// Structured JSON logs (pino). One logger for the process; modules take children with a name.
import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "portal" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof logger;
