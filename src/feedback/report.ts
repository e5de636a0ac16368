import type { ReportRow } from "./store.ts";

const day = (date: Date) => date.toISOString().slice(0, 10);

/** "3× unanswered, 1× not helpful · 2 members · 2026-11-02 → 2026-11-30" */
export function reportCounts(row: ReportRow): string {
  const counts = [
    row.unanswered > 0 ? `${row.unanswered}× unanswered` : "",
    row.notHelpful > 0 ? `${row.notHelpful}× not helpful` : "",
  ].filter((part) => part !== "");
  const dates =
    day(row.first) === day(row.last) ? day(row.first) : `${day(row.first)} → ${day(row.last)}`;
  const members = `${row.members} member${row.members === 1 ? "" : "s"}`;
  const passages = row.passages.length > 0 ? ` · shown: ${row.passages.join(", ")}` : "";
  return `${counts.join(", ")} · ${members} · ${dates}${passages}`;
}

export const EMPTY_REPORT =
  "Nothing to report: every question kept was answered, and no answer was marked not helpful.";

/** The report as text lines: the question (through `quote`, for Discord's markdown), then its counts. */
export function reportLines(
  rows: readonly ReportRow[],
  retentionDays: number,
  quote: (question: string) => string = (question) => question,
): string[] {
  if (rows.length === 0) return [EMPTY_REPORT];
  return [
    `What members asked that the bot could not answer well (last ${retentionDays} days), most frequent first:`,
    ...rows.flatMap((row, position) => [
      `${position + 1}. ${quote(row.question)}`,
      `   ${reportCounts(row)}`,
    ]),
  ];
}
