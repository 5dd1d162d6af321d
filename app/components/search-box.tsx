// The header search box: a plain GET form to /search (works without JavaScript), enhanced into a
// combobox with instant results grouped by kind. Arrow keys move through results, Enter opens the
// active one (or the results page), Escape closes; the count is announced to screen readers.
import { Form, useFetcher, useNavigate } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { loader as suggestLoader, Suggestion } from "~/routes/search.suggest";

type Groups = { kind: Suggestion["kind"]; total: number; items: Suggestion[] }[];

export function SearchBox() {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof suggestLoader>();
  const navigate = useNavigate();
  const id = useId();
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const data = fetcher.data as { groups?: Groups } | undefined;
  const groups: Groups = q.trim() ? (data?.groups ?? []) : [];
  const items = groups.flatMap((g) => g.items);
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;

  useEffect(() => () => clearTimeout(timer.current), []);

  const onChange = (value: string) => {
    setQ(value);
    setActive(-1);
    setOpen(true);
    clearTimeout(timer.current);
    if (value.trim()) timer.current = setTimeout(() => fetcher.load(`/search/suggest?q=${encodeURIComponent(value)}`), 120);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && items.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % items.length);
    } else if (event.key === "ArrowUp" && items.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? items.length - 1 : i - 1));
    } else if (event.key === "Escape") {
      setOpen(false);
      setActive(-1);
    } else if (event.key === "Enter" && open && active >= 0 && items[active]) {
      event.preventDefault();
      setOpen(false);
      navigate(items[active].href);
    }
  };

  const expanded = open && q.trim() !== "" && items.length > 0;
  let index = -1;
  return (
    <Form method="get" action="/search" role="search" className="relative w-full sm:w-72" onSubmit={() => setOpen(false)}>
      <label htmlFor={`${id}-q`} className="sr-only">{t("search.label")}</label>
      <input
        id={`${id}-q`}
        name="q"
        type="search"
        autoComplete="off"
        maxLength={200}
        placeholder={t("search.placeholder")}
        className="field-input mt-0"
        value={q}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
      />
      <p className="sr-only" aria-live="polite">
        {q.trim() && fetcher.state === "idle" && data ? (items.length > 0 ? t("search.suggestionsCount", { count: items.length }) : t("search.noSuggestions")) : ""}
      </p>
      <div id={listId} role="listbox" aria-label={t("search.label")} hidden={!expanded}
        className="absolute left-0 right-0 top-full z-20 mt-1 max-h-96 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg">
        {groups.map((group) => (
          <div key={group.kind} role="group" aria-labelledby={`${id}-${group.kind}`}>
            <div id={`${id}-${group.kind}`} role="presentation" className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
              {t(`search.kinds.${group.kind}`)} · {group.total}
            </div>
            {group.items.map((item) => {
              index++;
              const i = index;
              return (
                <div key={item.id} id={optionId(i)} role="option" aria-selected={i === active}
                  className={`cursor-pointer px-3 py-1.5 text-sm ${i === active ? "bg-brand-50 text-brand-900" : "text-slate-800"}`}
                  onMouseDown={(e) => { e.preventDefault(); setOpen(false); navigate(item.href); }}>
                  {item.title} {item.detail && <span className="text-slate-500">· {item.detail}</span>}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </Form>
  );
}
