import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Message,
  Routes,
} from "discord.js";
import type { Answer, QuotedPassage } from "../answer.ts";
import type { ChannelAccess } from "./channel-access.ts";
import type { BotContext, Outcome } from "./context.ts";
import { feedbackTokenOf } from "./feedback.ts";
import { postInChannel } from "./post.ts";
import {
  answerButtons,
  disabledButtons,
  passageEmbed,
  type RenderedMessage,
  renderAnswer,
} from "./render.ts";
import { privateNote, privateReply, reply } from "./reply.ts";

export function outcomeOf(answer: Answer): Outcome {
  return answer.kind === "answer" ? "answered" : "no-answer";
}

type EditComponents = (components: RenderedMessage["components"]) => Promise<unknown>;

/**
 * The rendered answer; with other passages to page through, its "Another passage" button is
 * tied to a session. When the session ends, `edit` switches off the buttons of the passage the
 * message shows then, so its "Read the source" link stays the one of the quote above it.
 */
function renderWithSession(
  context: BotContext,
  ownerId: string,
  answer: Answer,
  edit: EditComponents,
): RenderedMessage {
  const passages = answer.kind === "answer" ? [answer.passage, ...answer.alternatives] : [];
  const token = passages.length > 0 ? context.feedback.remember(answer.question, passages) : "";
  const notHelpfulId = (passage: QuotedPassage) => context.feedback.buttonId(token, passage);
  if (passages.length <= 1)
    return renderAnswer(answer, undefined, passages[0] && notHelpfulId(passages[0]));
  const anotherId = context.sessions.create(ownerId, passages, (session) => {
    const shown = session.passages[session.position];
    return shown
      ? edit(disabledButtons(answerButtons(shown, anotherId, notHelpfulId(shown))))
      : Promise.resolve();
  });
  return renderAnswer(answer, anotherId, notHelpfulId(passages[0] as QuotedPassage));
}

/** Replies to a slash command with an answer, its citation and its buttons. */
export async function replyWithAnswer(
  context: BotContext,
  interaction: ChatInputCommandInteraction,
  answer: Answer,
): Promise<Outcome> {
  context.feedback.unanswered(context, answer, interaction.user.id);
  // The session keeps the webhook token, not the interaction object.
  const { applicationId, token } = interaction;
  const rendered = renderWithSession(context, interaction.user.id, answer, (components) =>
    context.client.rest.patch(Routes.webhookMessage(applicationId, token), {
      body: { components },
      auth: false,
    }),
  );
  await interaction.reply(reply(rendered));
  return outcomeOf(answer);
}

/** Replies to a message that mentioned the bot. */
export async function replyToMention(
  context: BotContext,
  message: Message,
  access: ChannelAccess,
  answer: Answer,
): Promise<Outcome> {
  context.feedback.unanswered(context, answer, message.author.id);
  const { channelId } = message;
  let sentId: string | undefined;
  const rendered = renderWithSession(context, message.author.id, answer, async (components) =>
    sentId
      ? context.client.rest.patch(Routes.channelMessage(channelId, sentId), {
          body: { components },
        })
      : undefined,
  );
  sentId = (await postInChannel(message, access, reply(rendered))).id;
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
  const token = feedbackTokenOf(interaction);
  const notHelpfulId = token ? context.feedback.buttonId(token, passage) : undefined;
  if (interaction.user.id !== session.ownerId) {
    await interaction.reply(
      privateReply({
        embeds: [passageEmbed(passage, note)],
        components: answerButtons(passage, undefined, notHelpfulId),
      }),
    );
    return "answered";
  }
  session.position = next;
  await interaction.update(
    reply({
      embeds: [passageEmbed(passage, note)],
      components: answerButtons(passage, interaction.customId, notHelpfulId),
    }),
  );
  return "answered";
}
