import type { ButtonInteraction, ChatInputCommandInteraction, Message } from "discord.js";
import type { Answer } from "../answer.ts";
import type { BotContext, Outcome } from "./context.ts";
import { answerButtons, disabledButtons, passageEmbed, renderAnswer } from "./render.ts";
import { privateNote, privateReply, reply } from "./reply.ts";

export function outcomeOf(answer: Answer): Outcome {
  return answer.kind === "answer" ? "answered" : "no-answer";
}

function passagesOf(answer: Answer) {
  return answer.kind === "answer" ? [answer.passage, ...answer.alternatives] : [];
}

/** Replies to a slash command with an answer, its citation and its buttons. */
export async function replyWithAnswer(
  context: BotContext,
  interaction: ChatInputCommandInteraction,
  answer: Answer,
): Promise<Outcome> {
  const passages = passagesOf(answer);
  let rendered = renderAnswer(answer, undefined);
  if (passages.length > 1) {
    const anotherId = context.sessions.create(interaction.user.id, passages, async () => {
      await interaction.editReply(reply({ components: disabledButtons(rendered.components) }));
    });
    rendered = renderAnswer(answer, anotherId);
  }
  await interaction.reply(reply(rendered));
  return outcomeOf(answer);
}

/** Replies to a message that mentioned the bot. */
export async function replyToMention(
  context: BotContext,
  message: Message,
  answer: Answer,
): Promise<Outcome> {
  const passages = passagesOf(answer);
  let rendered = renderAnswer(answer, undefined);
  let sent: Message | undefined;
  if (passages.length > 1) {
    const anotherId = context.sessions.create(message.author.id, passages, async () => {
      await sent?.edit(reply({ components: disabledButtons(rendered.components) }));
    });
    rendered = renderAnswer(answer, anotherId);
  }
  sent = await message.reply(reply(rendered));
  return outcomeOf(answer);
}

/** "Another passage": the next one for the member who asked; a private copy for anyone else. */
export async function pressAnother(
  context: BotContext,
  interaction: ButtonInteraction,
): Promise<Outcome> {
  const session = context.sessions.get(interaction.customId);
  if (!session) {
    await interaction.update(
      reply({
        components: disabledButtons(
          interaction.message.components.map((row) => row.toJSON() as never),
        ),
      }),
    );
    await interaction.followUp(
      privateNote("These buttons have expired. Ask again to get fresh passages."),
    );
    return "expired";
  }
  const next = (session.position + 1) % session.passages.length;
  const passage = session.passages[next];
  if (!passage) return "error";
  const note = `Passage ${next + 1} of ${session.passages.length}`;
  if (interaction.user.id !== session.ownerId) {
    await interaction.reply(
      privateReply({
        embeds: [passageEmbed(passage, note)],
        components: answerButtons(passage, undefined),
      }),
    );
    return "answered";
  }
  session.position = next;
  await interaction.update(
    reply({
      embeds: [passageEmbed(passage, note)],
      components: answerButtons(passage, interaction.customId),
    }),
  );
  return "answered";
}
