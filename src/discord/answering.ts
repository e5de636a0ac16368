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
  disabledButtons,
  type RenderedMessage,
  renderAnswer,
  renderPassageView,
} from "./render.ts";
import { privateNote, privateReply, reply } from "./reply.ts";
import { parsePassageButton } from "./sessions.ts";

export function outcomeOf(answer: Answer): Outcome {
  return answer.kind === "answer" ? "answered" : "no-answer";
}

type EditComponents = (components: RenderedMessage["components"]) => Promise<unknown>;

/** Where the answer's own passage stands among the passages of its reply: first. */
const ANSWER_POSITION = 0;

/** The passages a member can open from a reply: the answer's, or those a no-answer suggests. */
function passagesOf(context: BotContext, answer: Answer): QuotedPassage[] {
  if (answer.kind === "answer") return [answer.passage, ...answer.alternatives];
  const engine = context.store.engine;
  return answer.suggestions.flatMap((suggestion) => {
    if (suggestion.kind !== "passage") return [];
    const passage = engine.passage(suggestion.document, suggestion.paragraph, answer.question);
    return passage ? [passage] : [];
  });
}

/**
 * The rendered answer; its passage buttons are tied to a session. The public message never
 * changes while the session lasts, so when it ends `edit` switches off the very buttons it was
 * sent with, and its links stay those of the quote above them.
 */
function renderWithSession(
  context: BotContext,
  ownerId: string,
  answer: Answer,
  asked: string | undefined,
  edit: EditComponents,
): RenderedMessage {
  const commandIds = context.commandIds;
  const passages = passagesOf(context, answer);
  const notHelpfulId =
    answer.kind === "answer"
      ? context.feedback.buttonId(
          context.feedback.remember(context, asked ?? answer.question, passages),
          ANSWER_POSITION,
        )
      : undefined;
  const openable = answer.kind === "answer" ? passages.length > 1 : passages.length > 0;
  if (!openable) return renderAnswer(answer, { asked, commandIds, notHelpfulId });
  let rendered: RenderedMessage | undefined;
  const handle = context.sessions.create(
    ownerId,
    passages,
    () => (rendered ? edit(disabledButtons(rendered.components)) : Promise.resolve()),
    asked ?? answer.question,
  );
  rendered = renderAnswer(answer, { asked, commandIds, handle, notHelpfulId });
  return rendered;
}

/** Replies to a slash command with an answer, its citation and its buttons. */
export async function replyWithAnswer(
  context: BotContext,
  interaction: ChatInputCommandInteraction,
  answer: Answer,
  asked?: string,
): Promise<Outcome> {
  context.feedback.unanswered(context, answer, interaction.user.id);
  // The session keeps the webhook token, not the interaction object.
  const { applicationId, token } = interaction;
  const rendered = renderWithSession(context, interaction.user.id, answer, asked, (components) =>
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
  const rendered = renderWithSession(
    context,
    message.author.id,
    answer,
    undefined,
    async (components) =>
      sentId
        ? context.client.rest.patch(Routes.channelMessage(channelId, sentId), {
            body: { components },
          })
        : undefined,
  );
  sentId = (await postInChannel(message, access, reply(rendered))).id;
  return outcomeOf(answer);
}

/**
 * Previous, Next or Open on an answer: the passage is shown privately to whoever pressed, and the
 * public answer stays as the channel saw it (a press never rewrites what others are reading).
 * Previous and Next in that private view turn its page in place; they stop at the ends.
 */
export async function pressPassage(
  context: BotContext,
  interaction: ButtonInteraction,
): Promise<Outcome> {
  const session = context.sessions.get(interaction.customId);
  const pressed = parsePassageButton(interaction.customId);
  if (!session || !pressed) {
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
  const position = Math.min(Math.max(0, pressed.position), session.passages.length - 1);
  const token = feedbackTokenOf(interaction);
  const notHelpfulId = context.feedback.buttonId(token, position);
  const view = renderPassageView(
    session.passages,
    position,
    pressed.handle,
    session.question,
    notHelpfulId,
  );
  if (pressed.mode === "here") await interaction.update(reply(view));
  else await interaction.reply(privateReply(view));
  return "answered";
}
