import { type Message, PermissionFlagsBits } from "discord.js";

/** What the bot may do in the channel of a message, read from its permissions there. */
export interface ChannelAccess {
  /** Post a message (Send Messages, or Send Messages in Threads in a thread). */
  readonly send: boolean;
  /** Show embeds; without Embed Links the answer goes as plain text. */
  readonly embed: boolean;
  /** Reply to the message (Read Message History); else the answer is posted without the reply. */
  readonly reply: boolean;
  /** React to the message (Add Reactions and Read Message History). */
  readonly react: boolean;
}

const EVERYTHING: ChannelAccess = { send: true, embed: true, reply: true, react: true };

/**
 * The bot's access in the message's channel, threads included (a thread takes its parent's
 * permissions, and sending there needs Send Messages in Threads). Outside a server, or when the
 * permissions are not known, the bot tries; Discord's refusals are then counted elsewhere.
 */
export function accessFor(message: Message): ChannelAccess {
  const me = message.client.user;
  if (!message.inGuild()) return EVERYTHING;
  const channel = message.channel;
  const permissions = channel.permissionsFor(me);
  if (!permissions) return EVERYTHING;
  const has = (flag: bigint) => permissions.has(flag);
  const view = has(PermissionFlagsBits.ViewChannel);
  const sendFlag = channel.isThread()
    ? PermissionFlagsBits.SendMessagesInThreads
    : PermissionFlagsBits.SendMessages;
  const locked =
    channel.isThread() && channel.locked === true && !has(PermissionFlagsBits.ManageThreads);
  const history = view && has(PermissionFlagsBits.ReadMessageHistory);
  return {
    send: view && has(sendFlag) && !locked,
    embed: has(PermissionFlagsBits.EmbedLinks),
    reply: history,
    react: history && has(PermissionFlagsBits.AddReactions),
  };
}
