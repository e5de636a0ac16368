import { ApplicationCommandType } from "discord.js";
import type { Topic } from "../../knowledge/types.ts";
import { replyWithAnswer } from "../answering.ts";
import { privateNote } from "../reply.ts";
import type { SlashCommand } from "./types.ts";

/** A command generated from knowledge/topics; it reads the topic from the engine in use. */
export function topicCommand(topic: Topic): SlashCommand {
  return {
    data: {
      name: topic.name,
      description: topic.description,
      type: ApplicationCommandType.ChatInput,
    },
    costly: true,
    async execute(context, interaction) {
      const answer = context.store.engine.askTopic(topic.name);
      if (!answer) {
        await interaction.reply(
          privateNote(
            "This topic was removed from the knowledge. Try /help for the topics there are.",
          ),
        );
        return "refused";
      }
      return replyWithAnswer(context, interaction, answer, topic.question);
    },
  };
}
