// Private-use characters that cannot occur in the data, so highlighted text can be rendered by
// splitting on them, never by trusting HTML.
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_END = "\uE001";

/** Splits a highlighted string into plain and matched parts, for rendering as text and <mark>. */
export function highlightParts(value: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  for (const chunk of value.split(HIGHLIGHT_START)) {
    const end = chunk.indexOf(HIGHLIGHT_END);
    if (end === -1) {
      if (chunk) parts.push({ text: chunk, match: false });
      continue;
    }
    if (end > 0) parts.push({ text: chunk.slice(0, end), match: true });
    const rest = chunk.slice(end + HIGHLIGHT_END.length);
    if (rest) parts.push({ text: rest, match: false });
  }
  // Meilisearch marks each Chinese character on its own; join neighbours into one match.
  return parts.reduce<{ text: string; match: boolean }[]>((merged, part) => {
    const last = merged[merged.length - 1];
    if (last && last.match === part.match) last.text += part.text;
    else merged.push({ ...part });
    return merged;
  }, []);
}
