// How the SPARK routes answer a form: a refusal of the domain (its status and message), or the
// schema's field errors with the values typed, as a 400.
import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { FormReply } from "./fields";
import { SparkRuleError } from "./rules";

export function invalid(intent: string, submission: Submission<unknown>) {
  const reply = submission.reply();
  const values = (reply.initialValue ?? {}) as Record<string, unknown>;
  const errors = Object.fromEntries(Object.entries(reply.error ?? {}).map(([k, v]) => [k, v ?? undefined])) as FormReply["errors"];
  return data<FormReply>({ intent, errors, values, message: Object.keys(errors).length ? null : "spark.refusal.badRequest" }, { status: 400 });
}

/** Runs the domain call; a SparkRuleError becomes its status and message for the form `intent`. */
export async function attempt<T>(intent: string, form: FormData, run: () => Promise<T>): Promise<T | ReturnType<typeof data<FormReply>>> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof SparkRuleError)) throw error;
    const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));
    return data<FormReply>({ intent, errors: {}, values, message: `spark.refusal.${error.code}` }, { status: error.status });
  }
}

/** A loader's refusal: not found as a 404, anything else as its status. */
export function thrownRefusal(error: unknown): never {
  if (error instanceof SparkRuleError) throw new Response(error.code, { status: error.status });
  throw error;
}
