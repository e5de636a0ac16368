/**
 * Weights fitted on labelled questions by `npm run fit` (test/eval/fit.ts), which prints the
 * cross-validated figures they give; change them there, not by hand. Fitted on:
 *   test/fixtures/questions.json=shipped
 *   test/fixtures/questions-unseen.json=shipped
 *   test/fixtures/questions-new-articles.json=shipped+test/fixtures/new-articles
 *   /tmp/devsets/seedA.questions.json=seed
 *   /tmp/devsets/seedB.questions.json=seed
 *   /tmp/devsets/realA.questions.json=seed+/tmp/devsets/realA
 *   /tmp/devsets/realB.questions.json=seed+/tmp/devsets/realA+/tmp/devsets/realB
 */
import type { AnswerabilityModel } from "./answerable.ts";
import type { RankWeights } from "./rank.ts";

export const RANK_WEIGHTS: RankWeights = {
  bm25: 0.6,
  coverage: 1,
  titleContext: 0.2,
  previousContext: 0.05,
  focus: 1,
  lead: 0,
  proximity: 0.02,
  answerType: 0.15,
};

export const ANSWERABILITY: AnswerabilityModel = {
  bias: -1.662,
  weights: {
    knownCoverage: -0.494,
    context: 2.079,
    matchedMass: 3.772,
    missedMass: -0.473,
    matchedEveryday: 0.233,
    unknownRare: -1.519,
    unknownCommon: 0.054,
    unknownCjk: 2.378,
    proximity: -0.441,
    answerType: 1.285,
    bm25: 2.576,
    fewTerms: 2.075,
    topical: 0,
  },
  threshold: 0.05,
};
