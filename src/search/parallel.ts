import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type GlossaryEntry, type KnowledgeBase, searchTerms } from "../knowledge/types.ts";
import {
  assembleIndex,
  type PartialPostings,
  PostingsBuilder,
  postingsSteps,
  runInSlices,
  type SearchIndex,
} from "./build.ts";
import { GlossaryMatcher } from "./glossary.ts";

/** Below this many passages a second thread costs more to start than it saves. */
export const PARALLEL_MIN_PASSAGES = 20_000;
/**
 * The worker's share of the passages. This thread indexes in slices between answers and
 * collects the garbage of the whole process; at 100,000 passages an even split left the
 * worker idle for a second before this thread was done.
 */
const WORKER_SHARE = 0.6;

interface WorkerInput {
  readonly module: string;
  readonly glossary: readonly GlossaryEntry[];
  readonly texts: readonly string[];
  readonly firstPassage: number;
}

/** Runs in the worker: tsx makes the TypeScript sources importable there too. */
const WORKER_SOURCE = `
const { register } = await import("tsx/esm/api");
register();
const { workerData, parentPort } = await import("node:worker_threads");
const { buildPartialPostings } = await import(workerData.module);
const part = buildPartialPostings(workerData.glossary, workerData.texts, workerData.firstPassage);
parentPort.postMessage(part, [part.offsets.buffer, part.passages.buffer, part.counts.buffer, part.lengths.buffer]);
`;

/** The postings of `texts`, numbered from `firstPassage`: what a worker builds for its share. */
export function buildPartialPostings(
  glossary: readonly GlossaryEntry[],
  texts: readonly string[],
  firstPassage: number,
): PartialPostings {
  const builder = new PostingsBuilder(new GlossaryMatcher(glossary), firstPassage);
  texts.forEach((text, offset) => {
    builder.add(firstPassage + offset, text);
  });
  return builder.finish();
}

function postingsInWorker(input: Omit<WorkerInput, "module">): Promise<PartialPostings> {
  return new Promise((resolve, reject) => {
    const workerData: WorkerInput = { ...input, module: import.meta.url };
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
    worker.once("message", (part: PartialPostings) => {
      resolve(part);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the index worker stopped with code ${code}`));
    });
  });
}

/** Whether a second thread is worth starting for this knowledge on this machine. */
export function parallelBuildPays(knowledge: KnowledgeBase): boolean {
  return knowledge.passages.length >= PARALLEL_MIN_PASSAGES && availableParallelism() >= 2;
}

/**
 * Builds the index on two threads: a worker indexes the last WORKER_SHARE of the passages while
 * this thread indexes the rest, yielding now and then so the bot keeps answering; then the two
 * parts are joined.
 */
export async function buildIndexParallel(knowledge: KnowledgeBase): Promise<SearchIndex> {
  const terms = searchTerms(knowledge);
  const glossary = new GlossaryMatcher(terms);
  const split = Math.ceil(knowledge.passages.length * (1 - WORKER_SHARE));
  const theirs = postingsInWorker({
    glossary: terms,
    texts: knowledge.passages.slice(split).map((passage) => passage.text),
    firstPassage: split,
  });
  const mine = await runInSlices(postingsSteps(knowledge, glossary, split));
  return assembleIndex(knowledge, glossary, [mine, await theirs]);
}
