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
import type { Reference } from "../knowledge/types.ts";

/** Discord's limits, https://discord.com/developers/docs/resources/message#embed-object-embed-limits */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  fieldName: 256,
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

/** Discord markdown escaped, and an @ made inert. */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { codeBlockContent: true, inlineCodeContent: true }).replace(
    /@/g,
    "@\u200b",
  );
}

/**
 * A news article: its source and date. A fact sheet: said plainly to be the project's own
 * summary, without the day it was written; its paragraph's sources are in the embed's field.
 */
export function citationFooter(passage: QuotedPassage): string {
  const cited =
    passage.kind === "fact-sheet"
      ? `${passage.source}: the project's own summary of the sources above · paragraph ${passage.paragraph}`
      : `${passage.source} · ${humanDate(passage.published)} · paragraph ${passage.paragraph}`;
  return clip(cited, LIMITS.embedFooter);
}

/** The characters Discord counts towards an embed's 6000. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** "[title](url): Outlet, 30 Sep 2019", escaped, one line. */
export function referenceLink(reference: Reference, titleLimit = 120): string {
  const title = escapeText(clip(reference.title, titleLimit)).replace(/[[\]]/g, "");
  const linked = reference.url.length <= LIMITS.linkUrl ? `[${title}](${reference.url})` : title;
  return `${linked}: ${escapeText(reference.outlet)}, ${humanDate(reference.published)}`;
}

/** Lines that fit `limit` together; what does not fit is counted, never cut silently. */
export function linesWithin(lines: readonly string[], limit: number, more: (n: number) => string) {
  const kept: string[] = [];
  let length = 0;
  for (const [position, line] of lines.entries()) {
    const left = lines.length - position - 1;
    const reserve = left > 0 ? more(left).length + 1 : 0;
    if (length + line.length + 1 + reserve > limit) {
      kept.push(more(lines.length - position));
      return kept.join("\n");
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join("\n");
}

function sourcesField(references: readonly Reference[]): { name: string; value: string } {
  return {
    name: references.length === 1 ? "Source" : "Sources",
    value: linesWithin(
      references.map((reference) => `• ${referenceLink(reference)}`),
      LIMITS.fieldValue,
      (left) => `…and ${left} more`,
    ),
  };
}

export function passageEmbed(passage: QuotedPassage, note?: string): APIEmbed {
  const noteLine = note ? `\n\n*${note}*` : "";
  const embed: APIEmbed = {
    color: COLOR_ANSWER,
    title: clip(passage.title, LIMITS.embedTitle),
    footer: { text: citationFooter(passage) },
  };
  if (passage.kind === "fact-sheet" && passage.references.length > 0) {
    embed.fields = [sourcesField(passage.references)];
  } else if (passage.url) {
    embed.url = passage.url;
  }
  const shortenedNote =
    "\n\n*The paragraph is longer than Discord shows; read it in full at the source.*";
  const room =
    Math.min(LIMITS.embedDescription, LIMITS.embedTotal - embedLength(embed)) -
    shortenedNote.length -
    noteLine.length;
  const { text, shortened } = highlightForDiscord(passage, room);
  embed.description = `${text}${shortened ? shortenedNote : ""}${noteLine}`;
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
  notHelpfulId?: string,
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
  buttons.push(...sourceButtons(passage));
  if (notHelpfulId) buttons.push(notHelpfulButton(notHelpfulId));
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

/** "Not helpful": a press records the question and the passage shown, for the operators' /report. */
export function notHelpfulButton(customId: string): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: "Not helpful",
    custom_id: customId,
  };
}

/** Link buttons a row can still take beside "Another passage" and "Not helpful": Discord allows five. */
const MAX_SOURCE_BUTTONS = 3;

/** "Read the source" for an article; for a fact-sheet paragraph, a button per source it rests on. */
function sourceButtons(passage: QuotedPassage): APIButtonComponent[] {
  const links =
    passage.kind === "fact-sheet"
      ? passage.references.map((reference) => ({
          label: clip(
            `Source: ${reference.outlet}, ${humanDate(reference.published)}`,
            LIMITS.buttonLabel,
          ),
          url: reference.url,
        }))
      : passage.url
        ? [{ label: "Read the source", url: passage.url }]
        : [];
  return links
    .filter((link) => link.url.length <= LIMITS.linkUrl)
    .slice(0, MAX_SOURCE_BUTTONS)
    .map((link) => ({ type: ComponentType.Button, style: ButtonStyle.Link, ...link }));
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

export function renderAnswer(
  answer: Answer,
  anotherId: string | undefined,
  notHelpfulId?: string,
): RenderedMessage {
  if (answer.kind === "no-answer") return { embeds: [noAnswerEmbed(answer)], components: [] };
  return {
    embeds: [passageEmbed(answer.passage)],
    components: answerButtons(
      answer.passage,
      answer.alternatives.length > 0 ? anotherId : undefined,
      notHelpfulId,
    ),
  };
}
