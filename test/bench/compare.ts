import path from "node:path";
import { pathToFileURL } from "node:url";
import { AnswerEngine } from "../../src/answer.ts";
import type { KnowledgeBase } from "../../src/knowledge/types.ts";
import { percentile, timeEach } from "./timing.ts";

/**
 * Rounds over the questions, each engine's turn alternating first, so the machine's drift falls on
 * both; half of them with each engine built first.
 */
const ROUNDS = 6;

export interface Compared {
  readonly engine: string;
  readonly paragraphs: number;
  readonly buildMs: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly queries: number;
}

interface Askable {
  ask(question: string): unknown;
}

/**
 * This checkout's engine and the one of another checkout (`against`, a folder holding `src/`,
 * e.g. a `git worktree` of an earlier commit), built over the same knowledge in one process and
 * timed on the same questions in alternating rounds: on a shared machine, whose speed drifts from
 * minute to minute, two `npm run bench` runs minutes apart differ more than two commits do.
 */
export async function compareEngines(
  against: string,
  knowledge: KnowledgeBase,
  questions: readonly string[],
): Promise<Compared[]> {
  const other = (await import(pathToFileURL(path.resolve(against, "src", "answer.ts")).href)) as {
    AnswerEngine: { build(knowledge: KnowledgeBase): Promise<Askable> };
  };
  const contenders: {
    name: string;
    build: () => Promise<Askable>;
    buildMs: number[];
    times: number[];
  }[] = [
    { name: "this checkout", build: () => AnswerEngine.build(knowledge), buildMs: [], times: [] },
    {
      name: path.basename(path.resolve(against)),
      build: () => other.AnswerEngine.build(knowledge),
      buildMs: [],
      times: [],
    },
  ];
  // The engine built first answers more slowly in the same process (by 10–15% at 100,000
  // paragraphs, whichever commit it is), so each is built first once: two halves of the rounds.
  for (const order of [contenders, [...contenders].reverse()]) {
    const built = [];
    for (const contender of order) {
      const started = performance.now();
      const engine = await contender.build();
      contender.buildMs.push(performance.now() - started);
      for (const question of questions) engine.ask(question);
      built.push({ engine, times: contender.times });
    }
    for (let round = 0; round < ROUNDS / 2; round++) {
      for (const contender of round % 2 === 0 ? built : [...built].reverse()) {
        timeEach((question) => contender.engine.ask(question), questions, contender.times);
      }
    }
  }
  return contenders.map(({ name, buildMs, times }) => {
    const sorted = [...times].sort((a, b) => a - b);
    return {
      engine: name,
      paragraphs: knowledge.passages.length,
      buildMs: buildMs.reduce((sum, time) => sum + time, 0) / buildMs.length,
      medianMs: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      meanMs: times.reduce((sum, time) => sum + time, 0) / times.length,
      queries: times.length,
    };
  });
}
