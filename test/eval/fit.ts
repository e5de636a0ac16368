/**
 * Fits the ranking weights and the answer-or-refuse model on labelled question files, and says
 * how well they generalise by leaving each question file out in turn (cross-validation).
 *
 *   npm run fit -- FILE=KNOWLEDGE [FILE=KNOWLEDGE …] [--ranking-only | --refusal-only] [--write] [--json]
 *
 * KNOWLEDGE is `shipped`, `seed` or a folder, with `+DIR` for articles to add (datasets.ts).
 * `--write` writes the weights fitted on every file to src/search/weights.ts. `--ranking-only`
 * fits the ranking alone and keeps the answer-or-refuse model of src/search/weights.ts, in the
 * cross-validation too; `--refusal-only` fits the answer-or-refuse model alone and keeps the
 * ranking weights.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  ANSWERABILITY_FEATURE_NAMES,
  type AnswerabilityFeatures,
  type AnswerabilityModel,
  answerabilityFeatures,
  answerProbability,
  confidenceFrom,
} from "../../src/search/answerable.ts";
import { buildIndex, type SearchIndex } from "../../src/search/build.ts";
import { answerThreshold, OFF_TOPIC_QUESTIONS } from "../../src/search/calibrate.ts";
import { questionParts } from "../../src/search/parts.ts";
import { parseQuery } from "../../src/search/query.ts";
import {
  RANK_FEATURE_NAMES,
  type RankFeatures,
  type RankWeights,
  rankPassages,
} from "../../src/search/rank.ts";
import { ANSWERABILITY, RANK_WEIGHTS } from "../../src/search/weights.ts";
import { PROJECT_ROOT } from "../support/knowledge.ts";
import { holdsPhrase, loadKnowledgeSpec, readQuestions } from "./datasets.ts";

/** How many passages per question the fit may reorder. */
const POOL = 40;
/** The most answerable questions the refusal threshold may refuse, as in the product's target. */
const MAX_WRONGLY_REFUSED = 0.05;

interface Candidate {
  readonly features: RankFeatures;
  readonly answerability: AnswerabilityFeatures;
  readonly right: boolean;
}

/** One reading of a question: the whole of it, or one of its parts. */
type Variant = readonly Candidate[];

export interface Example {
  readonly set: string;
  readonly kind: string;
  readonly answerable: boolean;
  readonly variants: readonly Variant[];
  /** The off-topic questions the engine calibrates its threshold with, on the same folder. */
  readonly calibration: readonly Variant[];
}

/** The pool of passages for one reading of a question, each marked right when it holds a phrase. */
function variantOf(index: SearchIndex, text: string, expect: readonly string[]): Variant {
  const query = parseQuery(index, text);
  return rankPassages(index, query, POOL).map(
    (ranked): Candidate => ({
      features: ranked.features,
      answerability: answerabilityFeatures(query, ranked),
      right: holdsPhrase(ranked.passage.text, expect),
    }),
  );
}

export async function examplesOf(file: string, spec: string): Promise<Example[]> {
  const questions = await readQuestions(file);
  const { knowledge } = await loadKnowledgeSpec(spec);
  const index = buildIndex(knowledge);
  const set = path.basename(file, ".json");
  const calibration = OFF_TOPIC_QUESTIONS.map((text) => variantOf(index, text, []));
  return questions.map((question) => ({
    set,
    kind: question.kind ?? (question.expect ? "answerable" : "to refuse"),
    answerable: question.expect !== null,
    variants: [question.question, ...questionParts(question.question)].map((text) =>
      variantOf(index, text, question.expect ?? []),
    ),
    calibration,
  }));
}

function score(features: RankFeatures, weights: RankWeights): number {
  let total = 0;
  for (const name of RANK_FEATURE_NAMES) total += features[name] * weights[name];
  return total;
}

/** The variant's candidates, best first under `weights`. */
function ordered(variant: Variant, weights: RankWeights): Candidate[] {
  return [...variant].sort((a, b) => score(b.features, weights) - score(a.features, weights));
}

/** What the engine would show for an example: the top of the variant it is surest of. */
function decide(example: Example, weights: RankWeights, model: AnswerabilityModel) {
  let best: { candidates: Candidate[]; probability: number } | undefined;
  for (const variant of example.variants) {
    const candidates = ordered(variant, weights);
    const top = candidates[0];
    const probability = top ? confidenceFrom(top.answerability, model) : 0;
    if (!best || probability > best.probability) best = { candidates, probability };
  }
  return best ?? { candidates: [], probability: 0 };
}

export interface Figures {
  readonly answerable: number;
  readonly toRefuse: number;
  readonly top1: number;
  /** Right passage first, whether or not the engine dared to answer. */
  readonly rankedFirst: number;
  readonly top3: number;
  readonly mrr: number;
  readonly wronglyRefused: number;
  readonly refusedRightly: number;
}

function figures(examples: readonly Example[], weights: RankWeights, model: AnswerabilityModel) {
  let top1 = 0;
  let rankedFirst = 0;
  let top3 = 0;
  let reciprocal = 0;
  let wronglyRefused = 0;
  let refusedRightly = 0;
  const answerable = examples.filter((example) => example.answerable);
  const thresholds = new Map<readonly Variant[], number>();
  for (const example of examples) {
    const { candidates, probability } = decide(example, weights, model);
    let threshold = thresholds.get(example.calibration);
    if (threshold === undefined) {
      threshold = folderThreshold(example.calibration, weights, model);
      thresholds.set(example.calibration, threshold);
    }
    const refused = probability < threshold;
    if (!example.answerable) {
      if (refused) refusedRightly++;
      continue;
    }
    if (refused) wronglyRefused++;
    const rank = candidates.findIndex((candidate) => candidate.right) + 1;
    if (rank === 1 && !refused) top1++;
    if (rank === 1) rankedFirst++;
    if (rank >= 1 && rank <= 3) top3++;
    if (rank >= 1) reciprocal += 1 / rank;
  }
  const n = Math.max(1, answerable.length);
  const toRefuse = examples.length - answerable.length;
  return {
    answerable: answerable.length,
    toRefuse,
    top1: top1 / n,
    rankedFirst: rankedFirst / n,
    top3: top3 / n,
    mrr: reciprocal / n,
    wronglyRefused: wronglyRefused / n,
    refusedRightly: toRefuse > 0 ? refusedRightly / toRefuse : 1,
  } satisfies Figures;
}

/** The threshold the engine would calibrate on the example's folder (src/search/calibrate.ts). */
function folderThreshold(
  calibration: readonly Variant[],
  weights: RankWeights,
  model: AnswerabilityModel,
): number {
  const probabilities = calibration.map((variant) => {
    const top = ordered(variant, weights)[0];
    return top ? answerProbability(top.answerability, model) : 0;
  });
  return answerThreshold(probabilities, model.threshold);
}

/** Mean over question files, so a large file does not drown a small one. */
function rankingObjective(examples: readonly Example[], weights: RankWeights): number {
  const bySet = new Map<string, { top1: number; mrr: number; n: number }>();
  for (const example of examples) {
    if (!example.answerable) continue;
    const whole = ordered(example.variants[0] ?? [], weights);
    const rank = whole.findIndex((candidate) => candidate.right) + 1;
    const entry = bySet.get(example.set) ?? { top1: 0, mrr: 0, n: 0 };
    entry.n++;
    if (rank === 1) entry.top1++;
    if (rank >= 1) entry.mrr += 1 / rank;
    bySet.set(example.set, entry);
  }
  let total = 0;
  for (const entry of bySet.values()) total += (entry.top1 + 0.5 * entry.mrr) / entry.n;
  return total / Math.max(1, bySet.size);
}

const STEPS = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.45, 0.6, 0.8, 1, 1.3, 1.6, 2];
/**
 * Features that may count against a passage: a news article's first paragraph restates its
 * headline, so it matches many questions about the article without answering them.
 */
const SIGNED: ReadonlySet<keyof RankFeatures> = new Set(["lead"]);
const SIGNED_STEPS = [-0.45, -0.3, -0.2, -0.15, -0.1, -0.05, ...STEPS];

/**
 * The bot quotes the paragraph alone, so a word only the title or the paragraph before holds
 * counts for at most half a word of the paragraph's own (coverage, held at 1): a quote must show
 * the member most of what they asked about.
 */
const MAX_WEIGHT: Partial<Record<keyof RankFeatures, number>> = {
  titleContext: 0.5,
  previousContext: 0.5,
};

/** Coordinate ascent over a grid of weights, coverage held at 1 (only ratios matter). */
function fitRanking(examples: readonly Example[]): RankWeights {
  let weights: Record<keyof RankFeatures, number> = { ...RANK_WEIGHTS, coverage: 1 };
  let best = rankingObjective(examples, weights);
  for (let round = 0; round < 4; round++) {
    let improved = false;
    for (const name of RANK_FEATURE_NAMES) {
      if (name === "coverage") continue;
      for (const step of SIGNED.has(name) ? SIGNED_STEPS : STEPS) {
        if (step > (MAX_WEIGHT[name] ?? Number.POSITIVE_INFINITY)) continue;
        const trial = { ...weights, [name]: step };
        const value = rankingObjective(examples, trial);
        if (value > best + 1e-9) {
          best = value;
          weights = trial;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return weights;
}

/**
 * Logistic regression (L2, gradient descent) on the top passage of each question: answerable
 * questions whose right passage comes first are positives, every reading of a question to
 * refuse is a negative. Then the threshold that refuses the most questions to refuse while
 * refusing at most MAX_WRONGLY_REFUSED of the answerable ones.
 */
function fitAnswerability(examples: readonly Example[], weights: RankWeights): AnswerabilityModel {
  const rows: { x: number[]; y: number; weight: number }[] = [];
  const perSet = new Map<string, number>();
  for (const example of examples) perSet.set(example.set, (perSet.get(example.set) ?? 0) + 1);
  for (const example of examples) {
    const setWeight = 1 / (perSet.get(example.set) ?? 1);
    const tops = example.variants
      .map((variant) => ordered(variant, weights)[0])
      .filter((top): top is Candidate => top !== undefined);
    if (example.answerable) {
      const right = tops.find((top) => top.right);
      if (right) rows.push({ x: vector(right.answerability), y: 1, weight: setWeight });
    } else {
      for (const top of tops) {
        rows.push({ x: vector(top.answerability), y: 0, weight: setWeight / tops.length });
      }
    }
  }
  const dimensions = ANSWERABILITY_FEATURE_NAMES.length;
  const theta = new Array<number>(dimensions + 1).fill(0);
  const totalWeight = rows.reduce((sum, row) => sum + row.weight, 0);
  const lambda = 0.001;
  for (let iteration = 0; iteration < 4000; iteration++) {
    const gradient = new Array<number>(dimensions + 1).fill(0);
    for (const row of rows) {
      let logit = theta[0] as number;
      for (let d = 0; d < dimensions; d++) logit += (theta[d + 1] as number) * (row.x[d] as number);
      const error = (1 / (1 + Math.exp(-logit)) - row.y) * row.weight;
      gradient[0] = (gradient[0] as number) + error;
      for (let d = 0; d < dimensions; d++)
        gradient[d + 1] = (gradient[d + 1] as number) + error * (row.x[d] as number);
    }
    for (let d = 0; d <= dimensions; d++) {
      const penalty = d === 0 ? 0 : lambda * (theta[d] as number);
      theta[d] = (theta[d] as number) - 2 * ((gradient[d] as number) / totalWeight + penalty);
    }
  }
  const model: AnswerabilityModel = {
    bias: round(theta[0] as number),
    weights: Object.fromEntries(
      ANSWERABILITY_FEATURE_NAMES.map((name, d) => [name, round(theta[d + 1] as number)]),
    ) as AnswerabilityModel["weights"],
    threshold: 0.5,
  };
  return { ...model, threshold: fitThreshold(examples, weights, model) };
}

function fitThreshold(
  examples: readonly Example[],
  weights: RankWeights,
  model: AnswerabilityModel,
): number {
  let best = { threshold: 0.05, value: Number.NEGATIVE_INFINITY };
  for (let threshold = 0.05; threshold <= 0.95; threshold += 0.01) {
    const trial = { ...model, threshold };
    const result = figures(examples, weights, trial);
    if (result.wronglyRefused > MAX_WRONGLY_REFUSED) continue;
    const value = result.refusedRightly + result.top1;
    if (value > best.value) best = { threshold, value };
  }
  return round(best.threshold);
}

function vector(features: AnswerabilityFeatures): number[] {
  return ANSWERABILITY_FEATURE_NAMES.map((name) => features[name]);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Each question file's figures with the weights in src/search/weights.ts. */
export function figuresAsShipped(examples: readonly Example[]): Map<string, Figures> {
  return new Map(
    setsOf(examples).map((set) => [
      set,
      figures(
        examples.filter((example) => example.set === set),
        RANK_WEIGHTS,
        ANSWERABILITY,
      ),
    ]),
  );
}

/**
 * What a fit refits: the ranking weights and the answer-or-refuse model (`both`), or one of them
 * with the other kept as shipped (`--ranking-only`, `--refusal-only`).
 */
export type FitScope = "both" | "ranking" | "refusal";

/**
 * Leave-one-file-out: each question file scored with the weights fitted on the others, the
 * ranking weights and the answer-or-refuse model refitted as `scope` says, the other kept.
 */
export function crossValidate(examples: readonly Example[], scope: FitScope): Map<string, Figures> {
  const crossValidated = new Map<string, Figures>();
  for (const set of setsOf(examples)) {
    const training = examples.filter((example) => example.set !== set);
    const weights = rankingWeights(training, scope);
    const model = answerabilityModel(training, weights, scope);
    crossValidated.set(
      set,
      figures(
        examples.filter((example) => example.set === set),
        weights,
        model,
      ),
    );
  }
  return crossValidated;
}

/** The ranking weights fitted on `training`, or the shipped ones when only the model is refitted. */
function rankingWeights(training: readonly Example[], scope: FitScope): RankWeights {
  return scope === "refusal" ? RANK_WEIGHTS : fitRanking(training);
}

/** The answer-or-refuse model fitted on `training`, or the shipped one when only the ranking is. */
function answerabilityModel(
  training: readonly Example[],
  weights: RankWeights,
  scope: FitScope,
): AnswerabilityModel {
  return scope === "ranking" ? ANSWERABILITY : fitAnswerability(training, weights);
}

function setsOf(examples: readonly Example[]): string[] {
  return [...new Set(examples.map((example) => example.set))];
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(6);

function line(name: string, result: Figures): string {
  return `${name.padEnd(28)} ${String(result.answerable).padStart(4)} ${String(result.toRefuse).padStart(4)}  top-1 ${percent(result.top1)} (ranked ${percent(result.rankedFirst)})  top-3 ${percent(result.top3)}  MRR ${result.mrr.toFixed(3)}  wrongly refused ${percent(result.wronglyRefused)}  refused rightly ${percent(result.refusedRightly)}`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      write: { type: "boolean" },
      json: { type: "boolean" },
      "ranking-only": { type: "boolean" },
      "refusal-only": { type: "boolean" },
    },
  });
  const rankingOnly = values["ranking-only"] === true;
  const refusalOnly = values["refusal-only"] === true;
  const scope: FitScope = rankingOnly ? "ranking" : refusalOnly ? "refusal" : "both";
  if (rankingOnly && refusalOnly) {
    process.stderr.write(
      "--ranking-only and --refusal-only each keep what the other fits: give one\n",
    );
    return 2;
  }
  if (positionals.length < 2) {
    process.stderr.write(
      "usage: npm run fit -- FILE=KNOWLEDGE FILE=KNOWLEDGE … [--ranking-only | --refusal-only] [--write]\n",
    );
    return 2;
  }
  const examples: Example[] = [];
  for (const argument of positionals) {
    const [file, spec] = argument.split("=");
    if (!file || !spec) {
      process.stderr.write(`${argument}: write FILE=KNOWLEDGE, e.g. questions.json=shipped\n`);
      return 2;
    }
    examples.push(...(await examplesOf(path.resolve(file), spec)));
  }
  const sets = setsOf(examples);

  const report: Record<string, unknown> = {};
  process.stdout.write("As the engine stands (weights in src/search/weights.ts):\n");
  for (const [set, result] of figuresAsShipped(examples)) {
    process.stdout.write(`${line(set, result)}\n`);
  }

  process.stdout.write("\nCross-validated (each file scored with weights fitted on the others):\n");
  const crossValidated = crossValidate(examples, scope);
  for (const [set, result] of crossValidated) process.stdout.write(`${line(set, result)}\n`);
  report.crossValidated = Object.fromEntries(crossValidated);

  const weights = rankingWeights(examples, scope);
  const model = answerabilityModel(examples, weights, scope);
  report.weights = weights;
  report.model = model;
  process.stdout.write("\nFitted on every file (in-sample):\n");
  for (const set of sets) {
    process.stdout.write(
      `${line(
        set,
        figures(
          examples.filter((example) => example.set === set),
          weights,
          model,
        ),
      )}\n`,
    );
  }
  process.stdout.write(`\n${JSON.stringify({ weights, model }, null, 2)}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  if (values.write) {
    const file = path.join(PROJECT_ROOT, "src", "search", "weights.ts");
    await writeFile(file, weightsModule(weights, model, positionals, scope));
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
  return 0;
}

function weightsModule(
  weights: RankWeights,
  model: AnswerabilityModel,
  sets: readonly string[],
  scope: FitScope,
): string {
  const kept = {
    both: "",
    ranking: "\n * The answer-or-refuse model was kept from the fit before (`--ranking-only`).",
    refusal: "\n * The ranking weights were kept from the fit before (`--refusal-only`).",
  }[scope];
  return `/**
 * Weights fitted on labelled questions by \`npm run fit\` (test/eval/fit.ts), which prints the
 * cross-validated figures they give; change them there, not by hand. Fitted on:
${sets.map((set) => ` *   ${set}`).join("\n")}${kept}
 */
import type { AnswerabilityModel } from "./answerable.ts";
import type { RankWeights } from "./rank.ts";

export const RANK_WEIGHTS: RankWeights = ${JSON.stringify(weights, null, 2)};

export const ANSWERABILITY: AnswerabilityModel = ${JSON.stringify(model, null, 2)};
`;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
