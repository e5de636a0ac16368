/**
 * Weights fitted on labelled questions by `npm run fit` (test/eval/fit.ts), which prints the
 * cross-validated figures they give; change them there, not by hand. Fitted on:
 *   test/fixtures/questions.json=v1
 *   test/fixtures/questions-unseen.json=v1
 *   test/fixtures/questions-new-articles.json=v1+test/fixtures/new-articles
 *   test/fixtures/questions-seed-a.json=seed
 *   test/fixtures/questions-seed-b.json=seed
 *   /tmp/devsets/realA.questions.json=seed+/tmp/devsets/realA
 *   /tmp/devsets/realB.questions.json=seed+/tmp/devsets/realA+/tmp/devsets/realB
 *   test/fixtures/questions-coverage.json=shipped
 */
import type { AnswerabilityModel } from "./answerable.ts";
import type { RankWeights } from "./rank.ts";

export const RANK_WEIGHTS: RankWeights = {
  bm25: 0.8,
  coverage: 1,
  titleContext: 0.2,
  previousContext: 0.05,
  focus: 1.3,
  lead: 0,
  proximity: 0.02,
  answerType: 0.15,
};

export const ANSWERABILITY: AnswerabilityModel = {
  bias: -3.31,
  weights: {
    knownCoverage: -0.51,
    context: 1.923,
    matchedMass: 3.804,
    missedMass: -0.793,
    matchedEveryday: 0.488,
    unknownRare: -1.623,
    unknownCommon: 0.246,
    unknownCjk: 2.383,
    proximity: 0.015,
    answerType: 1.693,
    answerTypeAsked: -0.8,
    missedNumbers: -1.61,
    bm25: 2.812,
    fewTerms: 2.104,
    topical: 1.413,
  },
  threshold: 0.05,
};
