// The ranked-list editor of a trainee's preferences and a unit's ranking, placed inside the page's
// <Form>. Every entry has Move up, Move down and Remove buttons and the list an Add control: without
// JavaScript they post the list (ranked-list.ts applies the edit on the server); with it they edit the
// list in place, keep the keyboard focus on the button that moved with its entry, and announce the
// change to screen readers. With JavaScript entries can also be dragged (HTML5 drag and drop). The
// order submitted is the hidden items[i] inputs, as shown.
import { useEffect, useRef, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { applyEdit, moveItem, type ListEdit } from "./ranked-list";

export interface RankedOption {
  id: string;
  label: string;
  detail?: string;
}

export function RankedListEditor({
  id,
  legend,
  hint,
  empty,
  addLabel,
  rankKey,
  items: initial,
  options,
  max,
  errors,
  focus: initialFocus,
}: {
  id: string;
  legend: string;
  hint: string;
  empty: string;
  addLabel: string;
  /** i18n key of an entry's place, with {{n}}. */
  rankKey: "trainees.list.rank" | "trainees.unit.rank";
  items: string[];
  /** Everything that may be on the list, by id. */
  options: RankedOption[];
  max: number | null;
  errors?: string[] | null;
  /** The button to focus on arrival (after a move posted without JavaScript). */
  focus?: string | null;
}) {
  const { t } = useTranslation();
  const [items, setItems] = useState(initial);
  const [focus, setFocus] = useState<string | null>(null);
  const [said, setSaid] = useState("");
  const [dragging, setDragging] = useState<number | null>(null);
  const [enhanced, setEnhanced] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const byId = new Map(options.map((o) => [o.id, o]));
  const label = (itemId: string) => byId.get(itemId)?.label ?? itemId;
  const addable = options.filter((o) => !items.includes(o.id));
  const full = max !== null && items.length >= max;

  useEffect(() => setEnhanced(true), []);
  useEffect(() => {
    if (!focus || !list.current) return;
    const [kind, index] = focus.split(":");
    const opposite = kind === "up" ? "down" : "up";
    const button = list.current.querySelector<HTMLButtonElement>(`[data-edit="${focus}"]`);
    const fallback = list.current.querySelector<HTMLButtonElement>(`[data-edit="${opposite}:${index}"]`);
    (button && !button.disabled ? button : fallback)?.focus();
    setFocus(null);
  }, [focus]);

  const edit = (change: ListEdit) => {
    const next = applyEdit(items, change, max);
    setItems(next.items);
    setFocus(next.focus);
    if (change.kind === "add") setSaid(t("trainees.list.added", { item: label(change.id), n: String(next.items.length) }));
    else if (change.kind === "remove") setSaid(t("trainees.list.removed", { item: label(items[change.index]!) }));
    else if (next.focus) setSaid(t("trainees.list.moved", { item: label(items[change.index]!), n: String(Number(next.focus.split(":")[1]) + 1) }));
  };
  const drop = (event: DragEvent, to: number) => {
    event.preventDefault();
    if (dragging === null) return;
    const moved = items[dragging]!;
    setItems(moveItem(items, dragging, to));
    setDragging(null);
    setSaid(t("trainees.list.moved", { item: label(moved), n: String(to + 1) }));
  };

  return (
    <fieldset aria-describedby={`${id}-hint${errors?.length ? ` ${id}-errors` : ""}`} className="space-y-3">
      <legend className="field-label">{legend}</legend>
      <p id={`${id}-hint`} className="text-xs text-slate-600">{hint}</p>
      <ErrorList id={`${id}-errors`} errors={errors} />
      {items.length === 0 ? <p className="text-sm text-slate-700">{empty}</p> : null}
      <ol ref={list} className="space-y-2">
        {items.map((itemId, i) => {
          const option = byId.get(itemId);
          return (
            <li
              key={itemId}
              draggable={enhanced}
              onDragStart={(event) => {
                setDragging(i);
                event.dataTransfer.effectAllowed = "move";
                event.dataTransfer.setData("text/plain", itemId);
              }}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => drop(event, i)}
              onDragEnd={() => setDragging(null)}
              className={`flex flex-wrap items-center gap-3 rounded-md border px-3 py-2 ${dragging === i ? "border-brand-700 bg-slate-50" : "border-slate-300 bg-white"} ${enhanced ? "cursor-move" : ""}`}
            >
              <input type="hidden" name={`items[${i}]`} value={itemId} />
              <span className="w-24 shrink-0 text-sm font-semibold text-slate-700">{t(rankKey, { n: String(i + 1) })}</span>
              <span className="min-w-0 flex-1">
                <span className="block font-medium">{option?.label ?? itemId}</span>
                {option?.detail ? <span className="block text-xs text-slate-600">{option.detail}</span> : null}
              </span>
              <span className="flex flex-wrap gap-2 print:hidden">
                <EditButton edit={`up:${i}`} disabled={i === 0} label={t("trainees.list.moveUpLabel", { item: label(itemId) })} text={t("trainees.list.moveUp")} onEdit={() => edit({ kind: "up", index: i })} autoFocus={initialFocus === `up:${i}`} />
                <EditButton edit={`down:${i}`} disabled={i === items.length - 1} label={t("trainees.list.moveDownLabel", { item: label(itemId) })} text={t("trainees.list.moveDown")} onEdit={() => edit({ kind: "down", index: i })} autoFocus={initialFocus === `down:${i}`} />
                <EditButton edit={`remove:${i}`} label={t("trainees.list.removeLabel", { item: label(itemId) })} text={t("trainees.list.remove")} onEdit={() => edit({ kind: "remove", index: i })} autoFocus={initialFocus === `remove:${i}`} />
              </span>
            </li>
          );
        })}
      </ol>
      {full ? (
        <p className="text-sm text-slate-700">{t("trainees.list.full", { max: String(max) })}</p>
      ) : addable.length === 0 ? (
        items.length > 0 ? <p className="text-sm text-slate-700">{t("trainees.list.noMore")}</p> : null
      ) : (
        <div className="flex flex-wrap items-end gap-2 print:hidden">
          <div className="min-w-0 flex-1">
            <label htmlFor={`${id}-add`} className="field-label">{addLabel}</label>
            <select id={`${id}-add`} name="add" className="field-input" defaultValue="">
              <option value="">{t("trainees.list.choose")}</option>
              {addable.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
            </select>
          </div>
          <button
            type="submit"
            name="intent"
            value="add"
            className="btn-secondary"
            onClick={(event) => {
              const select = event.currentTarget.form?.elements.namedItem("add") as HTMLSelectElement | null;
              event.preventDefault();
              if (select?.value) edit({ kind: "add", id: select.value });
              if (select) select.value = "";
            }}
          >
            {t("trainees.list.add")}
          </button>
        </div>
      )}
      <p className="sr-only" aria-live="polite">{said}</p>
    </fieldset>
  );
}

function EditButton({ edit, disabled, label, text, onEdit, autoFocus }: { edit: string; disabled?: boolean; label: string; text: string; onEdit: () => void; autoFocus: boolean }) {
  return (
    <button
      type="submit"
      name="intent"
      value={edit}
      data-edit={edit}
      disabled={disabled}
      aria-label={label}
      // Back on the button the person pressed, after a post without JavaScript.
      autoFocus={autoFocus}
      className="btn-secondary px-2 py-1 text-xs disabled:opacity-40"
      onClick={(event) => {
        event.preventDefault();
        onEdit();
      }}
    >
      {text}
    </button>
  );
}
