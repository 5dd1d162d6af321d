// A ranked list being edited (a trainee's preferences, a unit's ranking). Without JavaScript every
// Move up / Move down / Remove / Add button posts the whole list with its intent, and the server answers
// with the edited list to show (nothing is saved until "submit"); with JavaScript the editor applies the
// same edits in the browser. Pure: shared by the editor and the routes.
import { z } from "zod";

export const listIntentPattern = /^(submit|add|(up|down|remove):\d{1,2})$/;

export const listFormShape = {
  intent: z.string().regex(listIntentPattern),
  /** The version the list was read at; absent for a unit's first ranking. */
  version: z.number().int().min(1).optional(),
  items: z.array(z.string().trim().min(1).max(64)).max(60).default([]),
  add: z.string().trim().max(64).optional(),
};

export type ListEdit = { kind: "up" | "down" | "remove"; index: number } | { kind: "add"; id: string };

/** The edit a button asked for, or null for "submit" (or an add with nothing chosen). */
export function editOf(intent: string, add: string | undefined): ListEdit | null {
  if (intent === "add") return add ? { kind: "add", id: add } : null;
  const [kind, index] = intent.split(":");
  if (kind === "up" || kind === "down" || kind === "remove") return { kind, index: Number(index) };
  return null;
}

/** The list after the edit; `focus` names the button that should have focus next (e.g. "up:1"). */
export function applyEdit(items: readonly string[], edit: ListEdit, max: number | null): { items: string[]; focus: string | null } {
  const next = [...items];
  if (edit.kind === "add") {
    if (next.includes(edit.id) || (max !== null && next.length >= max)) return { items: next, focus: null };
    next.push(edit.id);
    return { items: next, focus: `up:${next.length - 1}` };
  }
  const i = edit.index;
  if (i < 0 || i >= next.length) return { items: next, focus: null };
  if (edit.kind === "remove") {
    next.splice(i, 1);
    return { items: next, focus: next.length === 0 ? null : `remove:${Math.min(i, next.length - 1)}` };
  }
  const j = edit.kind === "up" ? i - 1 : i + 1;
  if (j < 0 || j >= next.length) return { items: next, focus: `${edit.kind}:${i}` };
  [next[i], next[j]] = [next[j]!, next[i]!];
  return { items: next, focus: `${edit.kind}:${j}` };
}

/** Moves the item at `from` to `to` (drag and drop). */
export function moveItem(items: readonly string[], from: number, to: number): string[] {
  const next = [...items];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}
