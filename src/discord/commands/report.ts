import { ApplicationCommandType } from "discord.js";
import { reportLines } from "../../feedback/report.ts";
import { escapeText, LIMITS, linesWithin } from "../render.ts";
import { privateReply } from "../reply.ts";
import type { SlashCommand } from "./types.ts";

/** What members asked that the bot could not answer well, shown to an operator only. */
export const reportCommand: SlashCommand = {
  data: {
    name: "report",
    description: "Operators: questions the bot could not answer well, most frequent first",
    type: ApplicationCommandType.ChatInput,
  },
  costly: false,
  admin: true,
  async execute(context, interaction) {
    const lines = reportLines(
      context.feedback.store.report(),
      context.config.feedbackRetentionDays,
      escapeText,
    );
    const content = linesWithin(
      lines,
      LIMITS.content,
      (left) => `…and ${left} more lines: npm run report on the bot's host shows them all.`,
    );
    await interaction.reply(privateReply({ content }));
    return "shown";
  },
};
