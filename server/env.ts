// The one description of the environment the portal reads. Parsed once at boot; a bad value stops
// the start with a message naming the variable, instead of failing later somewhere deeper.
import path from "node:path";
import { z } from "zod";

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`)
    .optional();

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATA_DIR: z.string().min(1).default(".data"),
    DATABASE_URL: optionalUrl(["postgres:", "postgresql:"]),
    MEILI_URL: optionalUrl(["http:", "https:"]),
    MEILI_MASTER_KEY: z.string().min(16, "must be at least 16 characters").optional(),
    MEILI_BIN: z.string().min(1).optional(),
    LOAD_DEMO_DATA: flag,
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Requests per minute each client may make to the public API under /api/. */
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
    /** How long anonymous visitors' public pages are kept in memory (server/page-cache.ts); 0 turns it off. */
    PAGE_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(30),
    /** The address people reach the portal at, for links in e-mails. Defaults to http://localhost:PORT. */
    PUBLIC_URL: optionalUrl(["http:", "https:"]),
    /** SMTP relay for outbound mail (smtp:// or smtps://). Unset: mail is written to the log and listed at /dev/mail. */
    SMTP_URL: optionalUrl(["smtp:", "smtps:"]),
    MAIL_FROM: z.string().min(3).default("精準健康人才媒合平台 <no-reply@portal.localhost>"),
  })
  .transform((env) => ({
    ...env,
    DATA_DIR: path.resolve(env.DATA_DIR),
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
  }));

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses the environment, throwing an EnvError whose message names every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}
