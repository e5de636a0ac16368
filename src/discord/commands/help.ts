import { ApplicationCommandType } from "discord.js";
import type { BotContext } from "../context.ts";
import { clip, commandMention, LIMITS } from "../render.ts";
import { privateReply } from "../reply.ts";
import type { SlashCommand } from "./types.ts";

type HelpContext = Pick<BotContext, "store" | "config" | "commandIds" | "sessions">;

export function helpText({ store, config, commandIds, sessions }: HelpContext): string {
  const engine = store.engine;
  const mention = (name: string) => commandMention(name, commandIds);
  const topics = engine.topics
    .map((topic) => `• ${mention(topic.name)}: ${topic.description}`)
    .join("\n");
  const { documents, passages } = engine.stats;
  const seconds = config.cooldownSeconds;
  const minutes = Math.max(1, Math.round(sessions.timeoutMs / 60_000));
  return clip(
    [
      `I answer questions about the 2019 Japan–South Korea dispute (GSOMIA, the export white lists, the forced-labour rulings, the 1965 treaty) from ${documents} source${documents === 1 ? "" : "s"} (${passages} paragraphs). When my sources don't answer, I say so.`,
      "",
      "**What an answer is**",
      "• A paragraph quoted word for word, never rewritten, with its citation: source, date, paragraph and link. Words of your question are in bold.",
      "• A news article's paragraph is that outlet's own words. A **fact sheet** is this project's own summary of public reports: its card says so and links each report it rests on, with that report's date.",
      "",
      "**How to ask**",
      `• ${mention("ask")} \`question:\` and your question, in English; Korean and Japanese terms such as 지소미아 or ホワイト国 work too.`,
      "• Mention me with a question: `@dispute-bot why did Seoul end the intelligence pact?`",
      `• ${mention("timeline")} \`year:\` the dispute's events of a year (or all of them), each with its sources.`,
      `• ${mention("sources")} lists every article and fact sheet I quote, privately; add \`public: True\` to share the list.`,
      seconds > 0
        ? `• One question per member every ${seconds} second${seconds === 1 ? "" : "s"}; a faster one gets a short private note (a mention, one ⏳).`
        : "",
      "",
      "**The buttons under an answer**",
      '• **Next** / **Previous**: the other passages that might answer, in order ("Passage 2 of 4"). They open privately, for you alone: the answer the channel sees never changes. They stop at the first and the last passage.',
      "• **Open passage 2**, **Open passage 3**: the next best passages previewed under the quote, opened in full, privately.",
      "• **Read the source** (or **Source: …** for a fact sheet): the article or report itself.",
      "• With no confident answer I suggest topics (click one to ask it) and passages (**Open** shows one privately).",
      `• Buttons stop working after ${minutes} minute${minutes === 1 ? "" : "s"}; ask again for fresh ones.`,
      "",
      "**Topics**",
      topics || "No topics yet.",
    ]
      .filter((line, index, lines) => line !== "" || lines[index - 1] !== "")
      .join("\n"),
    LIMITS.embedDescription,
  );
}

export const helpCommand: SlashCommand = {
  data: {
    name: "help",
    description: "What this bot knows, what its answers and buttons are, and how to ask",
    type: ApplicationCommandType.ChatInput,
  },
  costly: false,
  async execute(context, interaction) {
    await interaction.reply(
      privateReply({ embeds: [{ title: "dispute-bot", description: helpText(context) }] }),
    );
    return "shown";
  },
};
