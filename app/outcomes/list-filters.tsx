// The state and checkpoint filters of the office's and a unit's outcome lists (one GET form each).
import { useTranslation } from "react-i18next";
import { checkpoints } from "./checkpoints";

export function StateAndCheckpointFilters({ state, checkpoint, checkpointId }: { state?: string | null; checkpoint?: string | null; checkpointId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div>
        <label htmlFor="state" className="field-label">{t("outcomes.filters.state")}</label>
        <select id="state" name="state" defaultValue={state ?? ""} className="field-input">
          <option value="">{t("outcomes.filters.anyState")}</option>
          {(["due", "recorded", "upcoming"] as const).map((s) => <option key={s} value={s}>{t(`outcomes.state.${s}`)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor={checkpointId} className="field-label">{t("outcomes.filters.checkpoint")}</label>
        <select id={checkpointId} name="checkpoint" defaultValue={checkpoint ?? ""} className="field-input">
          <option value="">{t("outcomes.filters.anyCheckpoint")}</option>
          {checkpoints.map((c) => <option key={c} value={c}>{t(`outcomes.checkpoint.${c}`)}</option>)}
        </select>
      </div>
    </>
  );
}
