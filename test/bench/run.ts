import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import MiniSearch from "minisearch";
import { AnswerEngine } from "../../src/answer.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import type { KnowledgeBase } from "../../src/knowledge/types.ts";
import { runAtOnce } from "../../src/search/build.ts";
import { completerSteps } from "../../src/search/complete.ts";
import { GlossaryMatcher } from "../../src/search/glossary.ts";
import { PROJECT_ROOT, SHIPPED_KNOWLEDGE } from "../support/knowledge.ts";
import { compareEngines } from "./compare.ts";
import {
  benchKeystrokes,
  benchQuestions,
  longParagraphCase,
  syntheticKnowledge,
  typoFloodQuestions,
  withHeadings,
} from "./corpus.ts";
import { percentile, timeEach } from "./timing.ts";

interface Measured {
  readonly engine: string;
  readonly paragraphs: number;
  readonly buildMs: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly heapMb: number;
  readonly queries: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 1024 / 1024;
}

async function measure(
  name: string,
  knowledge: KnowledgeBase,
  questions: readonly string[],
  build: () => Promise<(question: string) => unknown>,
): Promise<Measured> {
  const before = heapMb();
  const started = performance.now();
  const ask = await build();
  const buildMs = performance.now() - started;
  const heap = heapMb() - before;
  // A bot answers all day: measure warmed-up code, not the JIT compiling it on first use.
  for (const question of questions) ask(question);
  const times: number[] = [];
  timeEach(ask, questions, times);
  times.sort((a, b) => a - b);
  return {
    engine: name,
    paragraphs: knowledge.passages.length,
    buildMs,
    medianMs: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    heapMb: heap,
    queries: times.length,
  };
}

/**
 * /ask's autocomplete, one keystroke at a time, over knowledge with a heading every five
 * paragraphs; its build time is the completer's alone (the engine it asks is built first).
 */
async function measureAutocomplete(
  knowledge: KnowledgeBase,
  fromFile: readonly string[],
  count: number,
): Promise<Measured> {
  const engine = await AnswerEngine.build(knowledge);
  const relevance = (question: string) => engine.answerConfidence(question);
  return measure(
    "autocomplete",
    knowledge,
    benchKeystrokes(knowledge, fromFile, count),
    async () => {
      const completer = runAtOnce(
        completerSteps(knowledge, new GlossaryMatcher(knowledge.glossary), relevance),
      );
      return (typed) => completer.suggest(typed);
    },
  );
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: "boolean" },
      sizes: { type: "string" },
      questions: { type: "string" },
      against: { type: "string" },
    },
  });
  const sizes = (values.sizes ?? "1000,10000,100000").split(",").map(Number);
  const count = Number(values.questions ?? 300);
  if (!gc)
    process.stderr.write(
      "(run with node --expose-gc for steady heap figures; npm run bench does)\n",
    );
  const { knowledge: real } = await loadKnowledge(SHIPPED_KNOWLEDGE);
  const fromFile = (
    JSON.parse(
      await readFile(path.join(PROJECT_ROOT, "test", "fixtures", "questions.json"), "utf8"),
    ) as { question: string }[]
  ).map((entry) => entry.question);
  if (values.against !== undefined) {
    return compare(values.against, real, fromFile, sizes, count, values.json === true);
  }
  const results: Measured[] = [];
  const largestSize = Math.max(...sizes);
  let largest: KnowledgeBase | undefined;
  for (const size of sizes) {
    const knowledge = syntheticKnowledge(real, size);
    if (size === largestSize) largest = knowledge;
    const questions = benchQuestions(knowledge, fromFile, count);
    results.push(
      await measure("dispute-bot engine", knowledge, questions, async () => {
        const engine = await AnswerEngine.build(knowledge);
        return (question) => engine.ask(question);
      }),
    );
    results.push(
      await measure("MiniSearch 7", knowledge, questions, async () => {
        const index = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
        index.addAll(
          knowledge.passages.map((passage) => ({ id: passage.index, text: passage.text })),
        );
        return (question) => index.search(question, { fuzzy: 0.2, prefix: true }).slice(0, 4);
      }),
    );
    results.push(await measureAutocomplete(withHeadings(knowledge), fromFile, count * 10));
  }
  // The worst case for typo correction: 1,000 characters of misspelt words, on the largest corpus.
  if (largest) {
    const corpus = largest;
    results.push(
      await measure("worst: 1 KB of typos", corpus, typoFloodQuestions(corpus), async () => {
        const engine = await AnswerEngine.build(corpus);
        return (question) => engine.ask(question);
      }),
    );
  }
  // The worst case: list questions over 30 KB paragraphs without a comma.
  const worst = longParagraphCase(syntheticKnowledge(real, 1000));
  results.push(
    await measure("worst: 30 KB list", worst.knowledge, worst.questions, async () => {
      const engine = await AnswerEngine.build(worst.knowledge);
      return (question) => engine.ask(question);
    }),
  );
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ node: process.version, results })}\n`);
    return 0;
  }
  process.stdout.write(`Node ${process.version}, ${count} questions per corpus\n\n`);
  process.stdout.write(
    "engine               paragraphs   build ms   median ms    p99 ms   heap MB (JS heap + array buffers added by the index)\n",
  );
  for (const row of results) {
    process.stdout.write(
      `${row.engine.padEnd(20)} ${String(row.paragraphs).padStart(10)} ${row.buildMs.toFixed(0).padStart(10)} ${row.medianMs.toFixed(2).padStart(11)} ${row.p99Ms.toFixed(2).padStart(9)} ${row.heapMb.toFixed(1).padStart(9)}\n`,
    );
  }
  return 0;
}

/** `--against DIR`: this checkout's engine and DIR's, timed side by side in one process. */
async function compare(
  against: string,
  real: KnowledgeBase,
  fromFile: readonly string[],
  sizes: readonly number[],
  count: number,
  json: boolean,
): Promise<number> {
  const rows = [];
  for (const size of sizes) {
    const knowledge = syntheticKnowledge(real, size);
    rows.push(
      ...(await compareEngines(against, knowledge, benchQuestions(knowledge, fromFile, count))),
    );
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ node: process.version, against, results: rows })}\n`);
    return 0;
  }
  process.stdout.write(
    `Node ${process.version}, ${count} questions per corpus, asked in alternating rounds\n\n`,
  );
  process.stdout.write(
    "engine               paragraphs   build ms   median ms    p99 ms   mean ms\n",
  );
  for (const row of rows) {
    process.stdout.write(
      `${row.engine.padEnd(20)} ${String(row.paragraphs).padStart(10)} ${row.buildMs.toFixed(0).padStart(10)} ${row.medianMs.toFixed(2).padStart(11)} ${row.p99Ms.toFixed(2).padStart(9)} ${row.meanMs.toFixed(2).padStart(9)}\n`,
    );
  }
  return 0;
}

process.exitCode = await main();
