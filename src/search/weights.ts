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
 *   /tmp/devsets/realD.questions.json=seed+/tmp/devsets/realD
 * The answer-or-refuse model was kept from the fit before (`--ranking-only`): the first eight files
 * above, commit 97defba.
 * `lead` alone was fitted later, on 1 December, once it could be negative and counted only where
 * the folder holds two or more articles: leaving each of twelve files out in turn (the committed
 * six, and six folders of real articles), 426 of 665 questions first against 414 without it.
 */
import type { AnswerabilityModel } from "./answerable.ts";
import type { RankWeights } from "./rank.ts";

export const RANK_WEIGHTS: RankWeights = {
  bm25: 1,
  coverage: 1,
  titleContext: 0.45,
  previousContext: 0.1,
  focus: 0.8,
  lead: -0.2,
  proximity: 0.02,
  answerType: 0.45,
};

export const ANSWERABILITY: AnswerabilityModel = {
  bias: -3.089,
  weights: {
    knownCoverage: -0.519,
    context: 1.909,
    matchedMass: 3.825,
    missedMass: -0.453,
    matchedEveryday: 0.248,
    unknownRare: -1.808,
    unknownCommon: 0.207,
    unknownCjk: 2.326,
    proximity: 0.038,
    answerType: 1.707,
    answerTypeAsked: -0.773,
    missedNumbers: -2.344,
    bm25: 2.908,
    fewTerms: 2.022,
    topical: 1.239,
  },
  threshold: 0.05,
};
