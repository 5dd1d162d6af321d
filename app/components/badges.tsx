import { useTranslation } from "react-i18next";

const difficultyClass = {
  hard: "bg-red-100 text-red-800",
  normal: "bg-amber-100 text-amber-900",
  easy: "bg-green-100 text-green-800",
} as const;

export function DifficultyBadge({ difficulty }: { difficulty: keyof typeof difficultyClass }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${difficultyClass[difficulty]}`}>
      {t("occupations.difficultyBadge", { value: t(`difficulty.${difficulty}`) })}
    </span>
  );
}

export function OverseasBadge() {
  const { t } = useTranslation();
  return <span className="badge bg-sky-100 text-sky-900">{t("occupations.overseasNeeded")}</span>;
}
