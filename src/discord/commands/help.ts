import { ApplicationCommandType } from "discord.js";
import type { AnswerEngine } from "../../answer.ts";
import { clip, LIMITS } from "../render.ts";
import { reply } from "../reply.ts";
import type { SlashCommand } from "./types.ts";

export function helpText(engine: AnswerEngine): string {
  const topics = engine.topics
    .map((topic) => `• \`/${topic.name}\`: ${topic.description}`)
    .join("\n");
  const { documents, passages } = engine.stats;
  return clip(
    [
      `I answer questions about the 2019 Japan–South Korea dispute (GSOMIA, the export white lists, the forced-labour rulings, the 1965 treaty) by quoting a paragraph of my ${documents} source${documents === 1 ? "" : "s"} (${passages} paragraphs), always with its citation. When my sources don't answer, I say so.`,
      "",
      "**How to ask**",
      "• `/ask question:` and your question, in English; Korean and Japanese terms such as 지소미아 or ホワイト国 work too.",
      "• Mention me with a question: `@dispute-bot why did Seoul end the intelligence pact?`",
      "• `/sources` lists the articles I quote. Fact sheets are the project's own summaries: each paragraph names the reports it rests on, with their dates.",
      "• `/timeline year:` the dispute's events of a year (or all of them), each with its sources.",
      "",
      "**Topics**",
      topics || "No topics yet.",
    ].join("\n"),
    LIMITS.embedDescription,
  );
}

export const helpCommand: SlashCommand = {
  data: {
    name: "help",
    description: "What this bot knows and how to ask it",
    type: ApplicationCommandType.ChatInput,
  },
  costly: false,
  async execute(context, interaction) {
    await interaction.reply(
      reply({ embeds: [{ title: "dispute-bot", description: helpText(context.store.engine) }] }),
    );
    return "shown";
  },
};
