// The report of an outcome import's rejected rows: the line, the completion and checkpoint as written,
// and the reason in words, as a CSV with a BOM so spreadsheet programs read the Chinese as UTF-8. Pure.

export const importRejections = [
  "unreadable", "empty", "tooManyRows", "columns", "completion", "notFound", "notYourTrainee", "checkpoint", "notDue",
  "status", "employer", "noEmployer", "occupationCode", "unknownOccupation", "salaryBand", "tooLong", "duplicate",
] as const;
export type ImportRejection = (typeof importRejections)[number];

export interface RejectedOutcomeRow {
  /** The line of the file the row ends on (1 is the first line). */
  line: number;
  completion: string;
  checkpoint: string;
  reason: ImportRejection;
}

/** A quoted cell that a spreadsheet never reads as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvDocument(rows: string[][]): string {
  return `\ufeff${rows.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export function rejectedOutcomesCsv(rejected: RejectedOutcomeRow[], header: [string, string, string, string], explain: (reason: ImportRejection) => string): string {
  return csvDocument([header, ...rejected.map((r) => [String(r.line), r.completion, r.checkpoint, explain(r.reason)])]);
}

/** The columns an import file has, in order (a header row naming them is allowed). */
export const importColumns = ["completion", "checkpoint", "status", "employer", "occupation_code", "salary_band"] as const;
