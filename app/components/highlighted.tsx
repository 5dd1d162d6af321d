import { highlightParts } from "~/search/highlight";

/** Renders a search hit's text with its matches in <mark>, always as text (never as HTML). */
export function Highlighted({ value }: { value: unknown }) {
  if (typeof value !== "string") return null;
  return (
    <>
      {highlightParts(value).map((part, i) =>
        part.match ? <mark key={i} className="rounded-sm bg-amber-100 text-inherit">{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}

/** The plain text of a highlighted value, for labels and titles. */
export const plain = (value: unknown) => (typeof value === "string" ? highlightParts(value).map((p) => p.text).join("") : "");
