// The report of an innovation-score import's rejected rows, as the office downloads it: a CSV with the
// line, the identifier and score as written, and the reason in words. Pure: the page builds it.

export type RejectionReason = "unreadable" | "empty" | "tooManyRows" | "columns" | "identifier" | "notInRound" | "score" | "duplicate";

export interface RejectedRow {
  /** The line of the file the row ends on (1 is the first line). */
  line: number;
  identifier: string;
  score: string;
  reason: RejectionReason;
}

/** A cell for a CSV report: quoted, and never read as a formula by a spreadsheet. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The rejected rows as CSV, with the reasons in words (`explain`). */
export function rejectedRowsCsv(rejected: RejectedRow[], header: [string, string, string, string], explain: (reason: RejectionReason) => string): string {
  const lines = [header, ...rejected.map((r) => [String(r.line), r.identifier, r.score, explain(r.reason)])];
  // A BOM so spreadsheet programs read the Chinese reasons as UTF-8.
  return `\ufeff${lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
