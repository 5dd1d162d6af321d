// The withdrawal of a SPARK team on its pages: the lead's form (optional reason, a box confirming it is
// final), the office's form in the intake's table (required reason), and what a withdrawn team shows.
// Each sits in a closed <details> until opened or refused, so the button is never pressed by accident.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { ReplyMessage, TextField, type FormReply } from "./fields";
import { WITHDRAWAL_REASON_MAX, WITHDRAWAL_REASON_MIN } from "./rules";

export interface Withdrawal {
  at: string;
  byLead: boolean;
  reason: string | null;
}

export function LeadWithdrawForm({ reply }: { reply?: FormReply | null }) {
  const { t } = useTranslation();
  const mine = reply?.intent === "withdraw" ? reply : null;
  const confirmErrors = mine?.errors.confirm;
  return (
    <section aria-labelledby="withdraw" className="card space-y-3">
      <h2 id="withdraw">{t("spark.withdraw.title")}</h2>
      <details open={Boolean(mine)}>
        <summary className="cursor-pointer">{t("spark.withdraw.open")}</summary>
        <Form method="post" className="mt-3 space-y-3">
          <input type="hidden" name="intent" value="withdraw" />
          <ReplyMessage reply={reply} form="withdraw" />
          <p className="text-sm text-slate-700">{t("spark.withdraw.explain")}</p>
          <TextField form="withdraw" name="reason" label={t("spark.withdraw.reason")} reply={reply} rows={3} maxLength={WITHDRAWAL_REASON_MAX} required={false} />
          <div>
            <label className="flex items-center gap-2">
              <input
                type="checkbox" name="confirm" value="yes" required
                aria-invalid={confirmErrors ? true : undefined}
                aria-describedby={confirmErrors ? "withdraw-confirm-error" : undefined}
              />
              {t("spark.withdraw.confirm")}
            </label>
            <ErrorList id="withdraw-confirm-error" errors={confirmErrors} />
          </div>
          <button type="submit" className="btn-secondary">{t("spark.withdraw.button")}</button>
        </Form>
      </details>
    </section>
  );
}

export function OfficeWithdrawForm({ team, reply }: { team: { id: string; projectTitle: string }; reply?: FormReply | null }) {
  const { t } = useTranslation();
  const form = `withdraw-${team.id}`;
  const mine = reply?.intent === form ? reply : null;
  const id = `${form}-reason`;
  const errors = mine?.errors.reason;
  const typed = typeof mine?.values.reason === "string" ? mine.values.reason : undefined;
  return (
    <details open={Boolean(mine)} className="mt-2">
      <summary className="cursor-pointer text-sm">{t("spark.withdraw.officeOpen", { team: team.projectTitle })}</summary>
      <Form method="post" className="mt-2 space-y-2">
        <input type="hidden" name="intent" value="withdraw" />
        <input type="hidden" name="teamId" value={team.id} />
        <ReplyMessage reply={reply} form={form} />
        <label htmlFor={id} className="field-label">{t("spark.withdraw.officeReason", { team: team.projectTitle })}</label>
        <p id={`${id}-hint`} className="text-xs text-slate-600">{t("spark.withdraw.reasonHint")}</p>
        <textarea
          id={id} name="reason" required minLength={WITHDRAWAL_REASON_MIN} maxLength={WITHDRAWAL_REASON_MAX} rows={3} defaultValue={typed}
          aria-invalid={errors ? true : undefined}
          aria-describedby={`${id}-hint${errors ? ` ${id}-error` : ""}`}
          className="field-input aria-[invalid=true]:border-red-600"
        />
        <ErrorList id={`${id}-error`} errors={errors} />
        <button type="submit" className="btn-secondary">{t("spark.withdraw.officeButton", { team: team.projectTitle })}</button>
      </Form>
    </details>
  );
}

/** Who withdrew the team, when, and why (the lead may have given no reason). */
export function WithdrawalNote({ withdrawal }: { withdrawal: Withdrawal }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-1 text-sm">
      <p>{t("spark.withdraw.withdrawnBy", { by: t(withdrawal.byLead ? "spark.withdraw.byLead" : "spark.withdraw.byOffice"), at: withdrawal.at })}</p>
      <p className="whitespace-pre-line">{withdrawal.reason ? t("spark.withdraw.reasonShown", { reason: withdrawal.reason }) : t("spark.withdraw.noReason")}</p>
    </div>
  );
}
