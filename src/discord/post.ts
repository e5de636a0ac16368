import type { Message } from "discord.js";
import type { ChannelAccess } from "./channel-access.ts";
import { asPlainText, type MessageBody } from "./reply.ts";

/**
 * Posts the bot's answer to a member's message as far as its permissions allow: as a reply
 * when it may read the history, else as a plain message; as plain text without Embed Links.
 */
export async function postInChannel(
  message: Message,
  access: ChannelAccess,
  body: MessageBody,
): Promise<Message> {
  const fitted = access.embed ? body : asPlainText(body);
  if (access.reply) return message.reply(fitted);
  if (!message.channel.isSendable()) throw new Error("the channel takes no messages");
  return message.channel.send(fitted);
}
