import { cp, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { hasErrors, loadKnowledge } from "../../src/knowledge/load.ts";
import type { KnowledgeBase } from "../../src/knowledge/types.ts";
import { PROJECT_ROOT, SHIPPED_KNOWLEDGE } from "../support/knowledge.ts";
import {
  bm25Retriever,
  engineRetriever,
  miniSearchRetriever,
  type Retriever,
} from "./baselines.ts";
import { holdsPhrase, type Question, questionFileSchema } from "./datasets.ts";

export interface Score {
  readonly name: string;
  readonly answerable: number;
  readonly top1: number;
  readonly top3: number;
  readonly mrr: number;
  /** Of the questions that must get no passage, the share that got none. */
  readonly noAnswerRecall: number | undefined;
  /** Of the questions refused, the share that should have been. */
  readonly noAnswerPrecision: number | undefined;
  /** Of the answerable questions, the share refused. */
  readonly wronglyRefused: number | undefined;
  readonly misses: readonly { question: string; got: string }[];
}

function rankOfRight(
  knowledge: KnowledgeBase,
  ranked: readonly number[],
  expect: readonly string[],
): number {
  const position = ranked.findIndex((index) => {
    return holdsPhrase(knowledge.passages[index]?.text ?? "", expect);
  });
  return position < 0 ? Number.POSITIVE_INFINITY : position + 1;
}

export function score(
  knowledge: KnowledgeBase,
  retriever: Retriever,
  questions: readonly Question[],
): Score {
  let top1 = 0;
  let top3 = 0;
  let reciprocal = 0;
  let refusedRight = 0;
  let refusedWrong = 0;
  const misses: { question: string; got: string }[] = [];
  const answerable = questions.filter((question) => question.expect !== null);
  const unanswerable = questions.filter((question) => question.expect === null);
  for (const question of answerable) {
    const ranked = retriever.search(question.question, 10);
    const refused = retriever.refuses?.(question.question) ?? false;
    if (refused) refusedWrong += 1;
    const rank = rankOfRight(knowledge, ranked, question.expect ?? []);
    if (rank === 1 && !refused) top1 += 1;
    else
      misses.push({
        question: question.question,
        got: refused
          ? "(no answer)"
          : (knowledge.passages[ranked[0] ?? -1]?.text.slice(0, 90) ?? "(nothing)"),
      });
    if (rank <= 3) top3 += 1;
    reciprocal += Number.isFinite(rank) ? 1 / rank : 0;
  }
  for (const question of unanswerable) {
    const refused = retriever.refuses
      ? retriever.refuses(question.question)
      : retriever.search(question.question, 1).length === 0;
    if (refused) refusedRight += 1;
    else
      misses.push({
        question: question.question,
        got: `(answered) ${knowledge.passages[retriever.search(question.question, 1)[0] ?? -1]?.text.slice(0, 80) ?? ""}`,
      });
  }
  const refusals = refusedRight + refusedWrong;
  return {
    name: retriever.name,
    answerable: answerable.length,
    top1: top1 / answerable.length,
    top3: top3 / answerable.length,
    mrr: reciprocal / answerable.length,
    noAnswerRecall: unanswerable.length > 0 ? refusedRight / unanswerable.length : undefined,
    noAnswerPrecision: refusals > 0 ? refusedRight / refusals : undefined,
    wronglyRefused: retriever.refuses ? refusedWrong / answerable.length : undefined,
    misses,
  };
}

const percent = (value: number | undefined) =>
  value === undefined ? "   –  " : `${(value * 100).toFixed(1).padStart(5)}%`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      knowledge: { type: "string" },
      add: { type: "string" },
      json: { type: "boolean" },
      misses: { type: "boolean" },
    },
  });
  const file = path.resolve(
    positionals[0] ?? path.join(PROJECT_ROOT, "test", "fixtures", "questions.json"),
  );
  const questions = questionFileSchema.parse(JSON.parse(await readFile(file, "utf8")));
  const { knowledge, issues } = await loadWithAdded(
    values.knowledge ?? SHIPPED_KNOWLEDGE,
    values.add,
  );
  if (hasErrors(issues)) {
    process.stderr.write("The knowledge folder has errors; run npm run check-knowledge.\n");
    return 1;
  }
  const scores = [
    engineRetriever(knowledge),
    miniSearchRetriever(knowledge),
    bm25Retriever(knowledge),
  ].map((retriever) => score(knowledge, retriever, questions));
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ questions: file, passages: knowledge.passages.length, scores }, null, 2)}\n`,
    );
    return 0;
  }
  const answerable = scores[0]?.answerable ?? 0;
  process.stdout.write(
    `${questions.length} questions (${answerable} answerable, ${questions.length - answerable} to refuse) from ${path.relative(process.cwd(), file)}; ${knowledge.documents.length} documents, ${knowledge.passages.length} passages\n\n`,
  );
  process.stdout.write(
    "retriever                           top-1   top-3    MRR   no-answer recall  precision  wrongly refused\n",
  );
  for (const entry of scores) {
    process.stdout.write(
      `${entry.name.padEnd(34)} ${percent(entry.top1)}  ${percent(entry.top3)}  ${entry.mrr.toFixed(3)}       ${percent(entry.noAnswerRecall)}      ${percent(entry.noAnswerPrecision)}      ${percent(entry.wronglyRefused)}\n`,
    );
  }
  const engine = scores[0];
  if (engine && engine.misses.length > 0) {
    process.stdout.write(`\nMisses of ${engine.name}:\n`);
    for (const miss of engine.misses)
      process.stdout.write(`  ${miss.question}\n      → ${miss.got}\n`);
  }
  return 0;
}

/** The knowledge folder, with the articles of `added` copied in as a server would add them. */
export async function loadWithAdded(folder: string, added: string | undefined) {
  if (!added) return loadKnowledge(folder);
  if (!(await stat(added).catch(() => undefined))?.isDirectory()) {
    throw new Error(`--add ${added}: no such folder; give a folder of articles to add`);
  }
  const combined = await mkdtemp(path.join(tmpdir(), "dispute-bot-eval-"));
  try {
    await cp(folder, combined, { recursive: true });
    await cp(added, path.join(combined, "added"), { recursive: true });
    return await loadKnowledge(combined);
  } finally {
    await rm(combined, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
