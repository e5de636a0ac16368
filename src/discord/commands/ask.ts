import { ApplicationCommandOptionType, ApplicationCommandType } from "discord.js";
import { z } from "zod";
import { MAX_QUESTION_CHARS } from "../../search/query.ts";
import { replyWithAnswer } from "../answering.ts";
import { withoutDiscordMarkup } from "../markup.ts";
import { privateNote } from "../reply.ts";
import type { SlashCommand } from "./types.ts";

const questionSchema = z
  .string()
  .transform(withoutDiscordMarkup)
  .pipe(z.string().min(1).max(MAX_QUESTION_CHARS));

export const askCommand: SlashCommand = {
  data: {
    name: "ask",
    description: "Ask a question about the 2019 Japan–South Korea dispute",
    type: ApplicationCommandType.ChatInput,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "question",
        description: "Your question, e.g. why did South Korea end GSOMIA?",
        required: true,
        autocomplete: true,
        max_length: MAX_QUESTION_CHARS,
      },
    ],
  },
  costly: true,
  async execute(context, interaction) {
    const question = questionSchema.safeParse(interaction.options.getString("question") ?? "");
    if (!question.success) {
      await interaction.reply(
        privateNote("Type a question after /ask, for example: why did South Korea end GSOMIA?"),
      );
      return "refused";
    }
    return replyWithAnswer(context, interaction, context.store.engine.ask(question.data));
  },
  async autocomplete(context, interaction) {
    const typed = String(interaction.options.getFocused() ?? "");
    const choices = context.store.engine
      .suggest(typed, 25)
      .map((text) => ({ name: text, value: text }));
    await interaction.respond(choices);
  },
};
