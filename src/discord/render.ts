import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
} from "discord.js";
import type { Answer, QuotedPassage, Suggestion } from "../answer.ts";
import { humanDate } from "../dates.ts";

/** Discord's limits, https://discord.com/developers/docs/resources/message#embed-object-embed-limits */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  fieldValue: 1024,
  embedTotal: 6000,
  buttonLabel: 80,
  linkUrl: 512,
  customId: 100,
  choiceText: 100,
} as const;

const COLOR_ANSWER = 0x2b6cb0;
const COLOR_NO_ANSWER = 0x718096;

export interface RenderedMessage {
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIButtonComponent>[];
}

export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const atWord = cut.replace(/\s+\S*$/, "");
  return `${atWord.length > limit * 0.6 ? atWord : cut}…`;
}

/** The passage with Discord markdown escaped and the matched words in bold, within `limit`. */
export function highlightForDiscord(
  passage: QuotedPassage,
  limit: number = LIMITS.embedDescription,
): { text: string; shortened: boolean } {
  const pieces: string[] = [];
  let at = 0;
  for (const [start, end] of passage.ranges) {
    if (start > at) pieces.push(escapeText(passage.text.slice(at, start)));
    pieces.push(`**${escapeText(passage.text.slice(start, end))}**`);
    at = end;
  }
  pieces.push(escapeText(passage.text.slice(at)));
  let text = "";
  for (const piece of pieces) {
    if (text.length + piece.length > limit - 1) {
      const room = limit - 1 - text.length;
      const plain = piece.startsWith("**") ? "" : piece.slice(0, room).replace(/\\?\s*\S*$/, "");
      return { text: `${text}${plain}…`, shortened: true };
    }
    text += piece;
  }
  return { text, shortened: false };
}

function escapeText(text: string): string {
  return escapeMarkdown(text, { codeBlockContent: true, inlineCodeContent: true }).replace(
    /@/g,
    "@\u200b",
  );
}

export function citationFooter(passage: QuotedPassage): string {
  return clip(
    `${passage.source} · ${humanDate(passage.published)} · paragraph ${passage.paragraph}`,
    LIMITS.embedFooter,
  );
}

const SHORTENED_NOTE =
  "\n\n*The paragraph is longer than Discord shows; read it in full at the source.*";
/** The citation may take this much of an embed, whatever a knowledge file's source field holds. */
const FOOTER_SHARE = 1000;

/**
 * The quote, its title and its citation in one embed. Each part keeps to its own limit and
 * the whole to Discord's 6,000 characters: the citation is clipped first, then the quote.
 */
export function passageEmbed(passage: QuotedPassage, note?: string): APIEmbed {
  const noteLine = note ? `\n\n*${note}*` : "";
  const title = clip(passage.title, LIMITS.embedTitle);
  const footer = clip(citationFooter(passage), FOOTER_SHARE);
  const room = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - title.length - footer.length);
  const { text, shortened } = highlightForDiscord(
    passage,
    room - noteLine.length - SHORTENED_NOTE.length,
  );
  const embed: APIEmbed = {
    color: COLOR_ANSWER,
    title,
    description: `${text}${shortened ? SHORTENED_NOTE : ""}${noteLine}`,
    footer: { text: footer },
  };
  if (passage.url) embed.url = passage.url;
  return embed;
}

/**
 * An embed as plain message text, for channels where the bot may not embed links: the title in
 * bold, the link in angle brackets (no preview), the quote, then the citation.
 */
export function embedAsText(embed: APIEmbed): string {
  const lines: string[] = [];
  if (embed.title) lines.push(`**${embed.title}**`);
  if (embed.url) lines.push(`<${embed.url}>`);
  if (embed.description) lines.push(embed.description);
  for (const field of embed.fields ?? []) lines.push(`**${field.name}**`, field.value);
  if (embed.footer?.text) lines.push(`— ${embed.footer.text}`);
  return lines.join("\n");
}

export function suggestionLines(suggestions: readonly Suggestion[]): string {
  return suggestions
    .map((suggestion) =>
      suggestion.kind === "topic"
        ? `• \`/${suggestion.name}\`: ${escapeText(suggestion.description)}`
        : `• ${escapeText(suggestion.title)}: “${escapeText(suggestion.preview)}”`,
    )
    .join("\n");
}

export function noAnswerEmbed(answer: Extract<Answer, { kind: "no-answer" }>): APIEmbed {
  const suggestions =
    answer.suggestions.length > 0
      ? `\n\nYou could try:\n${suggestionLines(answer.suggestions)}`
      : "";
  return {
    color: COLOR_NO_ANSWER,
    title:
      answer.reason === "empty-question" ? "What would you like to know?" : "No confident answer",
    description: clip(`${answer.message}${suggestions}`, LIMITS.embedDescription),
  };
}

export function answerButtons(
  passage: QuotedPassage,
  anotherId: string | undefined,
): APIActionRowComponent<APIButtonComponent>[] {
  const buttons: APIButtonComponent[] = [];
  if (anotherId) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: "Another passage",
      custom_id: anotherId,
    });
  }
  if (passage.url && passage.url.length <= LIMITS.linkUrl) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: "Read the source",
      url: passage.url,
    });
  }
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

/** The same rows with every button that still does something switched off. */
export function disabledButtons(
  rows: readonly APIActionRowComponent<APIButtonComponent>[],
): APIActionRowComponent<APIButtonComponent>[] {
  return rows.map((row) => ({
    ...row,
    components: row.components.map((button) =>
      button.style === ButtonStyle.Link ? button : { ...button, disabled: true },
    ),
  }));
}

export function renderAnswer(answer: Answer, anotherId: string | undefined): RenderedMessage {
  if (answer.kind === "no-answer") return { embeds: [noAnswerEmbed(answer)], components: [] };
  return {
    embeds: [passageEmbed(answer.passage)],
    components: answerButtons(
      answer.passage,
      answer.alternatives.length > 0 ? anotherId : undefined,
    ),
  };
}
