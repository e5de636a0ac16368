import { type APIEmbed, MessageFlags } from "discord.js";
import { clip, embedAsText, LIMITS, type RenderedMessage } from "./render.ts";

/** No reply pings anyone: an @everyone or a role inside a question or a passage stays inert. */
export const NO_PINGS = { parse: [] as never[], repliedUser: false } as const;

export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: RenderedMessage["components"];
  allowedMentions: typeof NO_PINGS;
}

export interface PrivateBody extends MessageBody {
  flags: MessageFlags.Ephemeral;
}

type Parts = Partial<RenderedMessage> & { content?: string };

/** Every reply of the bot is made here, so none can forget the mention guard or a length limit. */
export function reply(message: Parts): MessageBody {
  const body: MessageBody = { allowedMentions: NO_PINGS };
  if (message.content !== undefined) body.content = clip(message.content, LIMITS.content);
  if (message.embeds) body.embeds = message.embeds.slice(0, 10);
  if (message.components) body.components = message.components.slice(0, 5);
  return body;
}

/** A reply only the member who acted can see. */
export function privateReply(message: Parts): PrivateBody {
  return { ...reply(message), flags: MessageFlags.Ephemeral };
}

export function privateNote(content: string): PrivateBody {
  return privateReply({ content });
}

/** The same message with its embeds written out as text, within the content limit. */
export function asPlainText(body: MessageBody): MessageBody {
  const text = [body.content, ...(body.embeds ?? []).map(embedAsText)]
    .filter((part) => part)
    .join("\n\n");
  const { embeds: _embeds, ...rest } = body;
  return { ...rest, content: clip(text, LIMITS.content) };
}
