import { ApplicationCommandType } from "discord.js";
import { formatIssue } from "../../knowledge/types.ts";
import type { LocalReload, ShardReload } from "../context.ts";
import { clip, LIMITS } from "../render.ts";
import { privateReply } from "../reply.ts";
import type { SlashCommand } from "./types.ts";

/** One shard: its full report. Several: each shard's result by name, then the first full report. */
export function reloadReport(results: readonly ShardReload[]): string {
  // The shard that registered the commands tells what became of them.
  const first = (
    results.find((result) => result.summary?.registration && result.shard === 0) ??
    results.find((result) => result.summary)
  )?.summary;
  if (results.length === 1 && first) return summaryReport(first);
  const lines = results.map(({ shard, summary, error }) => {
    if (!summary)
      return `Shard ${shard}: not reloaded, it could not be reached (${error ?? "no answer"}); it keeps its old index.`;
    return summary.ok
      ? `Shard ${shard}: reloaded in ${summary.milliseconds} ms, ${summary.documents} documents, ${summary.passages} passages.`
      : `Shard ${shard}: reload failed; it keeps its old index.`;
  });
  const failed = results.filter((result) => !result.summary?.ok).length;
  lines.unshift(
    failed === 0
      ? `All ${results.length} shards reloaded.`
      : `${failed} of ${results.length} shards did not reload.`,
  );
  return clip([...lines, "", ...(first ? [summaryReport(first)] : [])].join("\n"), LIMITS.content);
}

function summaryReport(summary: LocalReload): string {
  const list = (ids: readonly string[]) => (ids.length > 0 ? ids.join(", ") : "none");
  const errors = summary.issues.filter((issue) => issue.severity === "error");
  const lines = summary.ok
    ? [
        `Reloaded in ${summary.milliseconds} ms: ${summary.documents} documents, ${summary.passages} passages, ${summary.topics} topics.`,
        `Added: ${list(summary.addedDocuments)}. Removed: ${list(summary.removedDocuments)}.`,
        summary.registration ?? "The topics did not change.",
      ]
    : [
        `Reload failed after ${summary.milliseconds} ms; I keep answering from the knowledge I had (${summary.documents} documents, ${summary.passages} passages). Fix these, then /reload again:`,
        ...errors.map((issue) => `• ${formatIssue(issue)}`),
      ];
  const warnings = summary.issues.filter((issue) => issue.severity === "warning");
  if (warnings.length > 0)
    lines.push(
      `${warnings.length} warning${warnings.length === 1 ? "" : "s"}: ${warnings.map(formatIssue).join("; ")}`,
    );
  return clip(lines.join("\n"), LIMITS.content);
}

export const reloadCommand: SlashCommand = {
  data: {
    name: "reload",
    description: "Operators: reload the knowledge folder without a restart",
    type: ApplicationCommandType.ChatInput,
  },
  costly: false,
  admin: true,
  async execute(context, interaction) {
    await interaction.deferReply(privateReply({}));
    const results = await context.reload(`/reload by ${interaction.user.id}`);
    await interaction.editReply({ content: reloadReport(results), allowedMentions: { parse: [] } });
    return results.every((result) => result.summary?.ok) ? "reloaded" : "reload-failed";
  },
};
