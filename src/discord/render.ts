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
import { highlightRanges } from "../search/highlight.ts";
import { type PassageButtonMode, passageButtonId } from "./sessions.ts";

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
  authorName: 256,
  buttonsPerRow: 5,
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
  for (const [start, end] of highlightRanges(passage.text, passage.ranges)) {
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

/** What a member asked, on one line, within an embed author's limit, with any @ made inert. */
export function askedLine(question: string): string {
  const line = question.replace(/\s+/g, " ").trim().replace(/@/g, "@\u200b");
  return clip(line, LIMITS.authorName);
}

/** The next best passages under an answer: one cited line each. */
function previewsField(
  previews: readonly QuotedPassage[],
  firstNumber: number,
): { name: string; value: string } {
  const lines = previews.map((passage, offset) => {
    const cited =
      passage.kind === "fact-sheet"
        ? `${passage.source}, paragraph ${passage.paragraph}`
        : `${passage.source}, ${humanDate(passage.published)}, paragraph ${passage.paragraph}`;
    return `**${firstNumber + offset}.** “${escapeText(clip(passage.text, 110))}” — ${escapeText(cited)}`;
  });
  return {
    name: "Next best passages",
    value: linesWithin(lines, LIMITS.fieldValue, (left) => `…and ${left} more`),
  };
}

export interface PassageEmbedOptions {
  /** Italic line under the quote, e.g. "Passage 2 of 4". */
  readonly note?: string | undefined;
  /** The question, shown as the embed's author line. */
  readonly asked?: string | undefined;
  /** The next best passages, previewed under the quote. */
  readonly previews?: readonly QuotedPassage[];
}

export function passageEmbed(passage: QuotedPassage, options: PassageEmbedOptions = {}): APIEmbed {
  const { note, asked, previews = [] } = options;
  const noteLine = note ? `\n\n*${note}*` : "";
  const embed: APIEmbed = {
    color: COLOR_ANSWER,
    title: clip(passage.title, LIMITS.embedTitle),
    footer: { text: citationFooter(passage) },
  };
  if (asked?.trim()) embed.author = { name: askedLine(asked) };
  const fields: { name: string; value: string }[] = [];
  if (passage.kind === "fact-sheet" && passage.references.length > 0) {
    fields.push(sourcesField(passage.references));
  } else if (passage.url) {
    embed.url = passage.url;
  }
  if (previews.length > 0) fields.push(previewsField(previews, 2));
  if (fields.length > 0) embed.fields = fields;
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

/** A topic as members can click it: `</name:id>` once Discord gave the command an id. */
export function commandMention(name: string, commandIds: ReadonlyMap<string, string>): string {
  const id = commandIds.get(name);
  return id ? `</${name}:${id}>` : `\`/${name}\``;
}

export function suggestionLines(
  suggestions: readonly Suggestion[],
  commandIds: ReadonlyMap<string, string> = new Map(),
): string {
  let passageNumber = 0;
  return suggestions
    .map((suggestion) => {
      if (suggestion.kind === "topic")
        return `• ${commandMention(suggestion.name, commandIds)}: ${escapeText(suggestion.description)}`;
      passageNumber += 1;
      return `• **${passageNumber}.** ${escapeText(suggestion.title)}: “${escapeText(suggestion.preview)}”`;
    })
    .join("\n");
}

export function noAnswerEmbed(
  answer: Extract<Answer, { kind: "no-answer" }>,
  commandIds: ReadonlyMap<string, string> = new Map(),
): APIEmbed {
  const suggestions =
    answer.suggestions.length > 0
      ? `\n\nYou could try:\n${suggestionLines(answer.suggestions, commandIds)}`
      : "";
  const embed: APIEmbed = {
    color: COLOR_NO_ANSWER,
    title:
      answer.reason === "empty-question" ? "What would you like to know?" : "No confident answer",
    description: clip(`${answer.message}${suggestions}`, LIMITS.embedDescription),
  };
  if (answer.question.trim()) embed.author = { name: askedLine(answer.question) };
  return embed;
}

type ButtonRow = APIActionRowComponent<APIButtonComponent>;

function row(buttons: readonly APIButtonComponent[]): ButtonRow[] {
  return buttons.length > 0
    ? [{ type: ComponentType.ActionRow, components: buttons.slice(0, LIMITS.buttonsPerRow) }]
    : [];
}

/**
 * Previous and Next for a list shown a page at a time, switched off at the ends; none for a
 * single page. `idOf` writes the custom id that opens a page.
 */
export function pagerRow(
  page: number,
  pages: number,
  idOf: (target: number) => string,
): ButtonRow[] {
  if (pages <= 1) return [];
  const pager = (label: string, target: number, disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id: idOf(target),
    disabled,
  });
  return row([pager("Previous", page - 1, page === 0), pager("Next", page + 1, page >= pages - 1)]);
}

function passageButton(
  handle: string,
  position: number,
  mode: PassageButtonMode,
  label: string,
  disabled = false,
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: mode === "open" ? ButtonStyle.Secondary : ButtonStyle.Primary,
    label: clip(label, LIMITS.buttonLabel),
    custom_id: passageButtonId(handle, position, mode),
    ...(disabled ? { disabled: true } : {}),
  };
}

/** Where a message stands among a session's passages. */
export interface PassageNavigation {
  /** The session's handle (see AnswerSessions.create). */
  readonly handle: string;
  readonly position: number;
  readonly total: number;
  /** A private view turns its own page; the public answer opens a private view instead. */
  readonly mode: "new" | "here";
}

/** Previous and Next, switched off at the ends (no wrapping round), then the passage's links. */
export function passageButtons(
  passage: QuotedPassage,
  navigation: PassageNavigation | undefined,
): ButtonRow[] {
  const buttons: APIButtonComponent[] = [];
  if (navigation && navigation.total > 1) {
    const { handle, position, total, mode } = navigation;
    buttons.push(
      passageButton(handle, position - 1, mode, "Previous", position <= 0),
      passageButton(handle, position + 1, mode, "Next", position >= total - 1),
    );
  }
  buttons.push(...sourceButtons(passage));
  return row(buttons);
}

/** How many next best passages the answer previews, each with a button to open it. */
export const PREVIEWED_ALTERNATIVES = 2;

/** Link buttons a row can still take beside Previous and Next: Discord allows five. */
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
export function disabledButtons(rows: readonly ButtonRow[]): ButtonRow[] {
  return rows.map((row) => ({
    ...row,
    components: row.components.map((button) =>
      button.style === ButtonStyle.Link ? button : { ...button, disabled: true },
    ),
  }));
}

export interface RenderOptions {
  /** The session of the answer's passages (or a no-answer's suggested passages), for buttons. */
  readonly handle?: string | undefined;
  /** What the member asked, when it reads better than the answer's own question (a topic's). */
  readonly asked?: string | undefined;
  /** Registered command ids by name, to make topic suggestions clickable. */
  readonly commandIds?: ReadonlyMap<string, string>;
  /** The custom id of the answer's "Not helpful" button (none for a no-answer). */
  readonly notHelpfulId?: string | undefined;
}

/** A passage shown privately at `position` of its session, with Previous and Next. */
export function renderPassageView(
  passages: readonly QuotedPassage[],
  position: number,
  handle: string,
  asked: string,
  notHelpfulId?: string,
): RenderedMessage {
  const passage = passages[position];
  if (!passage) return { embeds: [], components: [] };
  const total = passages.length;
  return {
    embeds: [
      passageEmbed(passage, {
        asked,
        note: total > 1 ? `Passage ${position + 1} of ${total}` : undefined,
      }),
    ],
    components: [
      ...passageButtons(passage, { handle, position, total, mode: "here" }),
      ...row(notHelpfulId ? [notHelpfulButton(notHelpfulId)] : []),
    ],
  };
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

/**
 * The public answer: the question, the quote, "Passage 1 of N", the next best passages previewed
 * with a button each to open them privately, Previous/Next and the source's links. A no-answer:
 * topics as clickable commands and the suggested passages as buttons.
 */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): RenderedMessage {
  const { handle, commandIds = new Map(), notHelpfulId } = options;
  const asked = options.asked ?? answer.question;
  if (answer.kind === "no-answer") {
    const passages = answer.suggestions.filter((suggestion) => suggestion.kind === "passage");
    const open = handle
      ? passages.map((suggestion, position) =>
          passageButton(handle, position, "open", `Open ${position + 1}: ${suggestion.title}`),
        )
      : [];
    return { embeds: [noAnswerEmbed(answer, commandIds)], components: row(open) };
  }
  const total = 1 + answer.alternatives.length;
  const previews = answer.alternatives.slice(0, PREVIEWED_ALTERNATIVES);
  const navigation = handle ? ({ handle, position: 0, total, mode: "new" } as const) : undefined;
  const open = handle
    ? previews.map((_, offset) =>
        passageButton(handle, offset + 1, "open", `Open passage ${offset + 2}`),
      )
    : [];
  return {
    embeds: [
      passageEmbed(answer.passage, {
        asked,
        previews,
        note: total > 1 ? `Passage 1 of ${total}` : undefined,
      }),
    ],
    components: [
      ...passageButtons(answer.passage, navigation),
      ...row([...open, ...(notHelpfulId ? [notHelpfulButton(notHelpfulId)] : [])]),
    ],
  };
}
