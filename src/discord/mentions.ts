import type { ClientUser, Message } from "discord.js";
import { replyToMention } from "./answering.ts";
import { accessFor } from "./channel-access.ts";
import { helpText } from "./commands/help.ts";
import type { BotContext, Outcome } from "./context.ts";
import { withoutDiscordMarkup } from "./markup.ts";
import { postInChannel } from "./post.ts";
import { reply } from "./reply.ts";

/** The reaction to a mention over the cooldown: "wait a moment". */
export const SLOW_DOWN_EMOJI = "⏳";

/** The question in a message that mentions the bot: the text without the mentions and markup. */
export function questionIn(content: string): string {
  return withoutDiscordMarkup(content);
}

/** A mention of the bot itself, or of the role Discord gave it when it joined the server. */
export function mentionsBot(message: Message, me: ClientUser): boolean {
  if (
    message.mentions.has(me, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true })
  )
    return true;
  const botRole = message.guild?.members.me?.roles.botRole;
  return botRole !== undefined && botRole !== null && message.mentions.roles.has(botRole.id);
}

/**
 * Answers `@bot question` in a channel; a bare mention gets a short help. Ignores bots, itself
 * included. Where the bot may not post, or Discord keeps refusing it, it stays silent.
 */
export async function handleMessage(context: BotContext, message: Message): Promise<void> {
  const me = context.client.user;
  if (!me || message.author.bot || message.author.id === me.id) return;
  if (!mentionsBot(message, me)) return;
  const started = performance.now();
  let outcome: Outcome = "error";
  try {
    const access = accessFor(message);
    if (!access.send || !context.refusals.allows(message.channelId, message.guildId)) {
      outcome = "silent";
      return;
    }
    const question = questionIn(message.content);
    if (question === "") {
      await postInChannel(
        message,
        access,
        reply({
          embeds: [
            {
              title: "Ask me about the Japan–South Korea dispute",
              description: helpText(context),
            },
          ],
        }),
      );
      outcome = "shown";
    } else {
      const wait = context.cooldown.take(message.author.id);
      if (wait > 0) {
        // A reaction, once per window: a flood of mentions never becomes a flood of messages.
        if (access.react && context.cooldown.firstNotice(message.author.id))
          await message.react(SLOW_DOWN_EMOJI);
        outcome = "cooldown";
      } else {
        outcome = await replyToMention(
          context,
          message,
          access,
          context.store.engine.ask(question),
        );
      }
    }
  } catch (error) {
    context.logger.error("mention failed", { error });
  } finally {
    const milliseconds = Date.now() - message.createdTimestamp;
    context.metrics.mention(outcome, milliseconds / 1000);
    context.logger.info("mention", {
      user: message.author.id,
      guild: message.guildId,
      channel: message.channelId,
      outcome,
      ms: Math.round(milliseconds),
      handlerMs: Math.round(performance.now() - started),
    });
  }
}
