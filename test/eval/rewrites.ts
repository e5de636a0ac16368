/**
 * `npm run rewrites -- FILE=KNOWLEDGE …`: how often a rewrite that keeps a question's meaning
 * (a greeting before it, "pls help" after it, "teh" for "the") changes the paragraph the engine
 * answers with, or answers a question it refuses as written. Every rewrite is mechanical, so the
 * check needs no new question file and is the same for questions nobody has read.
 */
import { parseArgs } from "node:util";
import { type Answer, AnswerEngine } from "../../src/answer.ts";
import { loadKnowledgeSpec, type Question, readQuestions } from "./datasets.ts";

/** A question rewritten without changing what it asks, or undefined where the rewrite has nothing to change. */
export type Rewrite = (question: string) => string | undefined;

const lowerFirst = (question: string) => question.charAt(0).toLowerCase() + question.slice(1);
const withoutMark = (question: string) => question.replace(/\?$/u, "");
const replacing =
  (pattern: RegExp, by: string): Rewrite =>
  (question) =>
    pattern.test(question) ? question.replace(pattern, by) : undefined;

export const REWRITES: Readonly<Record<string, Rewrite>> = {
  "lower case": (question) => question.toLowerCase(),
  "no question mark": (question) => (question.endsWith("?") ? withoutMark(question) : undefined),
  "?!! for ?": (question) => `${withoutMark(question)}?!!`,
  "hi guys, …": (question) => `hi guys, ${lowerFirst(question)}`,
  "hey bot, …": (question) => `hey bot, ${lowerFirst(question)}`,
  "@dispute-bot …": (question) => `@dispute-bot ${question}`,
  "quick question: …": (question) => `quick question: ${question}`,
  "wait, …": (question) => `wait, ${lowerFirst(question)}`,
  "ok so …": (question) => `ok so ${lowerFirst(question)}`,
  "any idea …": (question) => `any idea ${lowerFirst(question)}`,
  "pls …": (question) => `pls ${lowerFirst(question)}`,
  "just curious, …": (question) => `just curious, ${lowerFirst(question)}`,
  "real quick, …": (question) => `real quick, ${lowerFirst(question)}`,
  "question for the bot: …": (question) => `question for the bot: ${question}`,
  "…, right?": (question) => `${withoutMark(question)}, right?`,
  "according to the article, …": (question) => `according to the article, ${lowerFirst(question)}`,
  "… lol": (question) => `${withoutMark(question)} lol`,
  "… lmk": (question) => `${withoutMark(question)} lmk`,
  "bro …": (question) => `bro ${lowerFirst(question)}`,
  "… tia": (question) => `${question} tia`,
  "… thanks": (question) => `${question} thanks`,
  "… anyway?": (question) => `${withoutMark(question)} anyway?`,
  "… pls help": (question) => `${question} pls help`,
  "… (for my homework)": (question) => `${withoutMark(question)} (for my homework)`,
  "…, asking for a friend": (question) => `${withoutMark(question)}, asking for a friend`,
  "… 🤔": (question) => `${question} 🤔`,
  "I keep hearing different things about this. …": (question) =>
    `I keep hearing different things about this. ${question}`,
  "Sorry if this is a dumb question. …": (question) =>
    `Sorry if this is a dumb question. ${question}`,
  "Can someone help me? …": (question) => `Can someone help me? ${question}`,
  "…? I couldn't find it anywhere.": (question) =>
    question.endsWith("?") ? `${question} I couldn't find it anywhere.` : undefined,
  "what is → what's": replacing(/\bwhat is\b/iu, "what's"),
  "the → teh": replacing(/\bthe\b/u, "teh"),
  "and → nd": replacing(/\band\b/u, "nd"),
  "that → dat": replacing(/\bthat\b/u, "dat"),
  "**first word**": (question) => question.replace(/^(\S+)/u, "**$1**"),
  "double spaces": (question) =>
    question.includes(" ") ? question.replaceAll(" ", "  ") : undefined,
  "> quoted": (question) => `> ${question}`,
  "1. …": (question) => `1. ${question}`,
};

/** Which questions of a file to rewrite: those with a right paragraph, or those to refuse. */
export type QuestionKind = "answerable" | "to refuse";

export interface RewriteFigures {
  /** Questions the rewrite changed. */
  readonly asked: number;
  /** Of those, the ones whose answer (paragraph, or refusal) changed. */
  readonly changed: number;
  /** Answered as written, refused rewritten. */
  readonly newlyRefused: number;
  /** Refused as written, answered rewritten. */
  readonly newlyAnswered: number;
}

const NO_FIGURES: RewriteFigures = { asked: 0, changed: 0, newlyRefused: 0, newlyAnswered: 0 };

/** Each rewrite's figures over the answerable questions of a file (or those to refuse), on one engine. */
export function rewriteFigures(
  engine: AnswerEngine,
  questions: readonly Question[],
  rewrites: Readonly<Record<string, Rewrite>> = REWRITES,
  kind: QuestionKind = "answerable",
): Map<string, RewriteFigures> {
  const answerOf = (question: string) => paragraphOf(engine.ask(question));
  const figures = new Map<string, RewriteFigures>();
  for (const { question, expect } of questions) {
    if ((expect !== null) !== (kind === "answerable")) continue;
    const asked = engine.ask(question);
    const written = paragraphOf(asked);
    const refusedAsUnmentioned = asked.kind === "no-answer" && asked.reason === "unmentioned";
    for (const [name, rewrite] of Object.entries(rewrites)) {
      const rewritten = rewrite(question);
      if (rewritten === undefined || rewritten === question) continue;
      // Only a capital marks a name the knowledge lacks ("Pompeo"); in lower case it may as well
      // be a slip, so a refusal that rests on one is not asked to survive losing its capitals.
      if (refusedAsUnmentioned && rewritten === rewritten.toLowerCase()) continue;
      const got = answerOf(rewritten);
      const before = figures.get(name) ?? NO_FIGURES;
      figures.set(name, {
        asked: before.asked + 1,
        changed: before.changed + (got === written ? 0 : 1),
        newlyRefused: before.newlyRefused + (written !== undefined && got === undefined ? 1 : 0),
        newlyAnswered: before.newlyAnswered + (written === undefined && got !== undefined ? 1 : 0),
      });
    }
  }
  return figures;
}

/** The paragraph an answer quotes, as "document#paragraph"; undefined for a refusal. */
function paragraphOf(answer: Answer): string | undefined {
  return answer.kind === "answer"
    ? `${answer.passage.document}#${answer.passage.paragraph}`
    : undefined;
}

/** Adds one file's figures to the running totals, rewrite by rewrite. */
export function addFigures(
  totals: Map<string, RewriteFigures>,
  figures: ReadonlyMap<string, RewriteFigures>,
): void {
  for (const [name, add] of figures) {
    const sum = totals.get(name) ?? NO_FIGURES;
    totals.set(name, {
      asked: sum.asked + add.asked,
      changed: sum.changed + add.changed,
      newlyRefused: sum.newlyRefused + add.newlyRefused,
      newlyAnswered: sum.newlyAnswered + add.newlyAnswered,
    });
  }
}

async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (positionals.length === 0) {
    console.error(
      "usage: npm run rewrites -- FILE=KNOWLEDGE …  (KNOWLEDGE as in npm run fit: shipped, v1, seed or a folder, +DIR to add)",
    );
    return 2;
  }
  const totals = { answerable: new Map<string, RewriteFigures>(), "to refuse": new Map() };
  for (const pair of positionals) {
    const [file, spec = "shipped"] = pair.split("=");
    if (!file) continue;
    const { knowledge } = await loadKnowledgeSpec(spec);
    const engine = new AnswerEngine(knowledge);
    const questions = await readQuestions(file);
    for (const kind of ["answerable", "to refuse"] as const) {
      addFigures(totals[kind], rewriteFigures(engine, questions, REWRITES, kind));
    }
  }
  const width = Math.max(...Object.keys(REWRITES).map((name) => name.length)) + 1;
  for (const kind of ["answerable", "to refuse"] as const) {
    console.log(`\n${kind} questions`);
    console.log(`${"rewrite".padEnd(width)} changed / asked   newly refused   newly answered`);
    for (const [name, { asked, changed, newlyRefused, newlyAnswered }] of totals[kind]) {
      console.log(
        `${name.padEnd(width)} ${`${changed} / ${asked}`.padStart(15)} ${String(newlyRefused).padStart(15)} ${String(newlyAnswered).padStart(16)}`,
      );
    }
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
