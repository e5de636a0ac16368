import type { Answer, QuotedPassage, Suggestion } from "../answer.ts";
import { humanDate } from "../dates.ts";

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
  for (const [start, end] of passage.ranges) {
    out += passage.text.slice(at, start) + style.bold(passage.text.slice(start, end));
    at = end;
  }
  return out + passage.text.slice(at);
}

export function citation(passage: QuotedPassage): string {
  return `${passage.source}, "${passage.title}", ${humanDate(passage.published)}, paragraph ${passage.paragraph}`;
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
    lines.push(`  — ${citation(passage)}`);
    if (passage.url) lines.push(`    ${passage.url}`);
    lines.push(
      style.dim(
        `    confidence ${passage.confidence.toFixed(2)}${answer.topic ? ` · topic /${answer.topic}` : ""}`,
      ),
    );
    if (answer.alternatives.length > 0) {
      lines.push("", "Other passages:");
      answer.alternatives.forEach((alternative, position) => {
        lines.push(`  ${position + 1}. “${alternative.text}”`, `     — ${citation(alternative)}`);
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
    return `${answer.question} → “${answer.passage.text}” (${citation(answer.passage)}${answer.passage.url ? `, ${answer.passage.url}` : ""})`;
  }
  const hints = answer.suggestions.map((suggestion) =>
    suggestion.kind === "topic" ? `/${suggestion.name}` : suggestion.title,
  );
  return `${answer.question} → ${answer.message}${hints.length > 0 ? ` Try: ${hints.join(", ")}` : ""}`;
}

function citedFields(passage: QuotedPassage) {
  return {
    text: passage.text,
    title: passage.title,
    source: passage.source,
    url: passage.url ?? null,
    published: passage.published,
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
