import type { Answer, QuotedPassage, Suggestion } from "../answer.ts";
import { humanDate } from "../dates.ts";
import type { Reference, TimelineEvent } from "../knowledge/types.ts";
import { highlightRanges } from "../search/highlight.ts";
import type { TimelineAnswer } from "../timeline.ts";

export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
}

export const PLAIN: Style = { bold: (text) => text, dim: (text) => text };
export const ANSI: Style = {
  bold: (text) => `\u001b[1m${text}\u001b[22m`,
  dim: (text) => `\u001b[2m${text}\u001b[22m`,
};

export function highlight(passage: QuotedPassage, style: Style): string {
  let out = "";
  let at = 0;
  for (const [start, end] of highlightRanges(passage.text, passage.ranges)) {
    out += passage.text.slice(at, start) + style.bold(passage.text.slice(start, end));
    at = end;
  }
  return out + passage.text.slice(at);
}

/**
 * A news article is cited by its own source and date. A fact sheet is the project's own summary:
 * it is named as such, without the day it was written, and its paragraph's sources follow.
 */
export function citation(passage: QuotedPassage): string {
  if (passage.kind === "fact-sheet") {
    return `${passage.source} (the project's own summary), "${passage.title}", paragraph ${passage.paragraph}`;
  }
  return `${passage.source}, "${passage.title}", ${humanDate(passage.published)}, paragraph ${passage.paragraph}`;
}

/** Outlet, "title", date of that report, link. */
export function referenceLine(reference: Reference): string {
  return `${reference.outlet}, "${reference.title}", ${humanDate(reference.published)}, ${reference.url}`;
}

/** The lines under a citation: the article's link, or each source of a summary paragraph. */
function sourceLines(passage: QuotedPassage, indent: string): string[] {
  if (passage.kind !== "fact-sheet") return passage.url ? [`${indent}${passage.url}`] : [];
  return passage.references.map(
    (reference, position) =>
      `${indent}${position === 0 ? "source:" : "       "} ${referenceLine(reference)}`,
  );
}

function suggestionLine(suggestion: Suggestion): string {
  return suggestion.kind === "topic"
    ? `/${suggestion.name}: ${suggestion.description}`
    : `${suggestion.title} (paragraph ${suggestion.paragraph}): ${suggestion.preview}`;
}

/** The readable layout of one answer, for a terminal. */
export function formatAnswer(answer: Answer, style: Style = PLAIN): string {
  const lines: string[] = [];
  if (answer.kind === "answer") {
    const passage = answer.passage;
    lines.push(`“${highlight(passage, style)}”`, "");
    lines.push(`  — ${citation(passage)}`, ...sourceLines(passage, "    "));
    lines.push(
      style.dim(
        `    confidence ${passage.confidence.toFixed(2)}${answer.topic ? ` · topic /${answer.topic}` : ""}`,
      ),
    );
    if (answer.alternatives.length > 0) {
      lines.push("", "Other passages:");
      answer.alternatives.forEach((alternative, position) => {
        lines.push(
          `  ${position + 1}. “${alternative.text}”`,
          `     — ${citation(alternative)}`,
          ...sourceLines(alternative, "       "),
        );
      });
    }
  } else {
    lines.push(answer.message);
    if (answer.suggestions.length > 0) {
      lines.push("", "You could try:");
      for (const suggestion of answer.suggestions) lines.push(`  ${suggestionLine(suggestion)}`);
    }
  }
  if (answer.truncated)
    lines.push("", style.dim("(Only the start of a very long question was read.)"));
  return lines.join("\n");
}

/** One line per answer, for a file of questions. */
export function formatAnswerLine(answer: Answer): string {
  if (answer.kind === "answer") {
    const passage = answer.passage;
    const links =
      passage.kind === "fact-sheet"
        ? passage.references.map((reference) => `; source: ${referenceLine(reference)}`).join("")
        : passage.url
          ? `, ${passage.url}`
          : "";
    return `${answer.question} → “${passage.text}” (${citation(passage)}${links})`;
  }
  const hints = answer.suggestions.map((suggestion) =>
    suggestion.kind === "topic" ? `/${suggestion.name}` : suggestion.title,
  );
  return `${answer.question} → ${answer.message}${hints.length > 0 ? ` Try: ${hints.join(", ")}` : ""}`;
}

/**
 * A passage as JSON. `references` are the reports a fact-sheet paragraph rests on (empty for an
 * article's own words); a fact sheet has no url, and its `published` is null: the day it was
 * written is not the date of what it says.
 */
function citedFields(passage: QuotedPassage) {
  const summary = passage.kind === "fact-sheet";
  return {
    text: passage.text,
    title: passage.title,
    source: passage.source,
    kind: passage.kind,
    url: passage.url ?? null,
    published: summary ? null : passage.published,
    references: passage.references.map(referenceFields),
    document: passage.document,
    paragraph: passage.paragraph,
    line: passage.line,
    confidence: passage.confidence,
  };
}

export function answerToJson(question: string, answer: Answer) {
  return {
    question,
    answer: answer.kind === "answer" ? citedFields(answer.passage) : null,
    alternatives: answer.alternatives.map(citedFields),
    suggestions: answer.suggestions,
    topic: answer.kind === "answer" ? (answer.topic ?? null) : null,
    message: answer.kind === "answer" ? null : answer.message,
    highlights: answer.kind === "answer" ? answer.passage.ranges : [],
  };
}

/** A period's events, oldest first, each with its sources. */
export function formatTimeline(answer: TimelineAnswer, style: Style = PLAIN): string {
  if (answer.kind !== "timeline") return answer.message;
  const { period, events } = answer;
  const lines = [
    style.bold(`Timeline ${period.label}: ${events.length} event${events.length === 1 ? "" : "s"}`),
  ];
  if (events.length === 0) lines.push("", `No event of ${period.label} is on the timeline yet.`);
  for (const event of events) {
    lines.push("", `${humanDate(event.date)}  ${event.event}`);
    for (const reference of event.references) lines.push(`  — ${referenceLine(reference)}`);
  }
  return lines.join("\n");
}

/** One line per timeline request, for a file of questions. */
export function formatTimelineLine(question: string, answer: TimelineAnswer): string {
  if (answer.kind !== "timeline") return `${question} → ${answer.message}`;
  const events = answer.events.map(
    (event) => `${event.date} ${event.event} (${event.references.map(referenceLine).join("; ")})`,
  );
  return `${question} → ${answer.events.length} events: ${events.join(" | ")}`;
}

function referenceFields({ outlet, title, published, url }: Reference) {
  return { outlet, title, published, url };
}

function eventFields(event: TimelineEvent) {
  return {
    date: event.date,
    event: event.event,
    references: event.references.map(referenceFields),
  };
}

export function timelineToJson(question: string, answer: TimelineAnswer) {
  return {
    question,
    timeline:
      answer.kind === "timeline"
        ? {
            period: answer.period.label,
            from: answer.period.from,
            to: answer.period.to,
            events: answer.events.map(eventFields),
          }
        : null,
    message: answer.kind === "timeline" ? null : answer.message,
  };
}
