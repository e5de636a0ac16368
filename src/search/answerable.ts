import { isConceptKey } from "./analyze.ts";
import {
  everydayWordMistyped,
  isCommonEnglishWord,
  isCommonestEnglishWord,
  isEverydayEnglishWord,
} from "./english.ts";
import {
  CALENDAR_WORDS,
  holdsMoneyAmount,
  holdsNumber,
  namesAPerson,
  SMALL_NUMBER_NAMES,
} from "./intent.ts";
import { MAX_TYPO_LOOKUPS, type Query } from "./query.ts";
import type { RankedPassage } from "./rank.ts";
import { remembered } from "./remembered.ts";
import { tellsOfUndoing } from "./reversal.ts";
import { containsCjk } from "./text.ts";
import { ANSWERABILITY } from "./weights.ts";

/**
 * What the decision to answer or refuse reads of a question and one ranked passage: shares,
 * counts and weights relative to the knowledge's rarest word, which mean the same on a folder of
 * 8 paragraphs and of 100,000. Each is in [0, 1].
 */
export interface AnswerabilityFeatures {
  /** Share of the weight of the question's known words that the passage has. */
  readonly knownCoverage: number;
  /** Share of it that only the title, heading or the paragraph before has. */
  readonly context: number;
  /** The matched words' weight, in rarest-word units (three at most, over three). */
  readonly matchedMass: number;
  /** The weight of known words neither the passage nor its context has, likewise. */
  readonly missedMass: number;
  /** Share of the matched weight in everyday English words ("time", "best"): chance matches. */
  readonly matchedEveryday: number;
  /**
   * Words the knowledge never uses that are no common English word or typo of one (names,
   * jargon), over three.
   */
  readonly unknownRare: number;
  /** Common English words the knowledge never uses, or typos of them ("anouncement"), over five. */
  readonly unknownCommon: number;
  /** Korean or Japanese words outside the glossary, over three. */
  readonly unknownCjk: number;
  readonly proximity: number;
  readonly answerType: number;
  /** 1 when the question asks for a kind of answer ("when", "how many"), whether or not the passage has it. */
  readonly answerTypeAsked: number;
  /** A number or year of the question ("2015", "11") that neither the passage nor its context has, over two. */
  readonly missedNumbers: number;
  readonly bm25: number;
  /** 1 for a question of one term, ½ for two, and so on: few terms say little. */
  readonly fewTerms: number;
  /**
   * 1 when the passage or its context matches a word beyond the commonest English ones, a
   * glossary phrase, or at least CHANCE_MATCH_WORDS words: "who won the world cup" matches only
   * "won" and "world", nothing of the topic.
   */
  readonly topical: number;
  /**
   * 1 when the passage or its context matches a term of the glossary or the vocabulary, however
   * common in English ("agreement", "deal"), and another word of the question: the topic's own
   * words, which a question may use alone ("was the agreement going to be extended?"). 0 for a
   * sentence around a question, whose everyday words match such terms by chance ("I shook on a
   * verbal agreement with my landlord.").
   */
  readonly glossaryMatch: number;
  /**
   * 1 when the question asks how many or how much and the passage holds no number at all, or how
   * much money and it holds no sum, or how long and it holds no number, which a span of time has:
   * it cannot answer, however well it matches ("how many islands" of "disputes remain over
   * certain islands"). A refusal outright, not a weight of the model.
   */
  readonly numberMissing: number;
  /**
   * 1 when the question asks how to do something or what to do ("how do I renew my passport",
   * "what should I pack") and has a word the knowledge lacks: news says what happened, never how
   * to do a thing. A refusal outright.
   */
  readonly instructionsAsked: number;
  /**
   * 1 when the question asks what a name stands for and the passage does not spell it out: it
   * cannot say. A refusal outright.
   */
  readonly expansionMissing: number;
  /**
   * 1 when a sentence that asks names someone or a year no source mentions ("What did Mike
   * Pompeo say…?"). A refusal outright.
   */
  readonly unmentioned: number;
  /**
   * 1 when the question shares fewer words with the knowledge, none a glossary or vocabulary term,
   * than it has words the knowledge lacks that are no slip of typing, weekday, month or number, two
   * or more: it is about something else that shares a word or two ("whats the offside ruling in
   * soccer", "samsung galaxy s24 vs pixel 8 camera comparison"). Not read for a sentence around a
   * question. A refusal outright.
   */
  readonly anotherTopic: number;
  /**
   * 1 when the question asks whether a step was undone ("Did Seoul reverse its GSOMIA decision?")
   * and the passage tells of nothing undone, suspended or resumed: it tells of the step itself.
   * Not read for a sentence around a question. A refusal outright.
   */
  readonly undoingUntold: number;
  /**
   * 1 when the question asks how a party reacted ("What was China's reaction…?") and no sentence
   * of the passage tells of that party saying, seeing or doing something: it names the party in
   * passing. Not read for a sentence around a question. A refusal outright.
   */
  readonly reactionUntold: number;
  /**
   * 1 when a sentence that asks opens with "who" and the passage names nobody the question does
   * not ("who replaced Seko as trade minister?" of "Trade Minister Hiroshige Seko said…"). Not
   * read for a sentence around a question. A refusal outright.
   */
  readonly nobodyElseNamed: number;
}

/** The features the logistic model weighs; the others refuse outright (confidenceFrom). */
export type WeighedFeature = Exclude<
  keyof AnswerabilityFeatures,
  | "numberMissing"
  | "instructionsAsked"
  | "expansionMissing"
  | "glossaryMatch"
  | "unmentioned"
  | "anotherTopic"
  | "undoingUntold"
  | "reactionUntold"
  | "nobodyElseNamed"
>;

/** Fewer matched words than this, all of the commonest, are a chance match. */
const CHANCE_MATCH_WORDS = 3;
/** The same when one of them is a glossary or vocabulary term ("agreement"): fewer are needed. */
const CHANCE_MATCH_WORDS_WITH_TERM = 2;

/**
 * The idf of a term in half the passages or more: the parties themselves in a folder on the
 * dispute ("Korea", "Japan"). Of a Korean or Japanese question the engine reads only its glossary
 * terms; when those are such terms, the words it cannot read say what is asked ("한국 인구는 몇
 * 명이야?", Korea's population), so they make no topical match.
 */
const PERVASIVE_IDF = Math.LN2;

/** A number as typed: "3", "2019", "1,120". */
const NUMBER = /^\d[\d,.]*$/u;
/** Zero to twelve written out, as whole words, by their value: "three" at 3. */
const NUMBER_NAMES = SMALL_NUMBER_NAMES.map((name) => new RegExp(`\\b${name}\\b`, "iu"));

/** Whether a text writes a small number out in words: "three chemicals" for "3 chemicals". */
function namesNumber(text: string, number: string): boolean {
  return NUMBER_NAMES[Number(number)]?.test(text) ?? false;
}

export const ANSWERABILITY_FEATURE_NAMES: readonly WeighedFeature[] = [
  "knownCoverage",
  "context",
  "matchedMass",
  "missedMass",
  "matchedEveryday",
  "unknownRare",
  "unknownCommon",
  "unknownCjk",
  "proximity",
  "answerType",
  "answerTypeAsked",
  "missedNumbers",
  "bm25",
  "fewTerms",
  "topical",
];

/** A logistic model: the probability that the passage answers the question. */
export interface AnswerabilityModel {
  readonly bias: number;
  readonly weights: { readonly [feature in WeighedFeature]: number };
  /** Below this probability the engine refuses. */
  readonly threshold: number;
}

/**
 * A word or phrase that says something of a question's topic: a phrase of several words (a
 * glossary term such as "white list"), or a word outside English's commonest ("give" is not).
 */
function isTopicalWord(label: string): boolean {
  const words = label.toLowerCase().split(/\s+/u);
  return words.length > 1 || !isCommonestEnglishWord(words[0] ?? "");
}

/** A shorter word is one edit from too many English words to count as a typo of one ("Suga"). */
const MIN_TYPO_LENGTH = 5;

/**
 * A word the knowledge lacks that says as little of the topic as a common English word: one, or a
 * slip of typing for an everyday one ("anouncement"). A name ("Kishida", "Stela" typed
 * capitalised, "showa") or jargon does say the question may be about something else.
 */
class UnknownWords {
  /** At most MAX_TYPO_LOOKUPS words a question are looked up as slips, as in parseQuery. */
  #lookups = 0;

  isCommon(label: string): boolean {
    const word = label.toLowerCase();
    if (isCommonEnglishWord(word)) return true;
    if (word !== label || word.length < MIN_TYPO_LENGTH || !/^\p{Ll}+$/u.test(word)) return false;
    if (this.#lookups++ >= MAX_TYPO_LOOKUPS) return false;
    return remembered(
      slipsForEverydayWords,
      word,
      SLIP_CACHE_SIZE,
      () => everydayWordMistyped(word) !== undefined,
    );
  }
}

/** Words the knowledge lacks, more than those it has, that make a question about something else. */
const FOREIGN_WORDS_OF_ANOTHER_TOPIC = 2;

/**
 * Whether a word the knowledge lacks says what else a question is about: an English word, or a
 * word that is neither English nor a slip of typing for an everyday one ("anouncement"), which
 * `UnknownWords` reads as not `common`; never a weekday, month or number, which a question on the
 * topic may name ("was it on thursday or friday?", "in 2019").
 */
function isForeignWord(label: string, common: boolean): boolean {
  const word = label.toLowerCase();
  if (CALENDAR_WORDS.has(word) || NUMBER.test(word)) return false;
  return !common || isCommonEnglishWord(word);
}

/** Each ranked passage asks again of the same words; a lookup tries hundreds of spellings. */
const slipsForEverydayWords = new Map<string, boolean>();
const SLIP_CACHE_SIZE = 10_000;

export function answerabilityFeatures(query: Query, ranked: RankedPassage): AnswerabilityFeatures {
  let known = 0;
  let matched = 0;
  let context = 0;
  let missed = 0;
  let everyday = 0;
  let unknownRare = 0;
  let unknownCommon = 0;
  let unknownCjk = 0;
  let required = 0;
  let topical = 0;
  let glossaryMatch = 0;
  let matchedWords = 0;
  let missedNumbers = 0;
  let knownTerms = 0;
  let knownConcept = false;
  let foreignWords = 0;
  const unknownWords = new UnknownWords();
  const readsPartly = query.terms.some(
    (term) => !term.optional && !term.known && containsCjk(term.label),
  );
  query.terms.forEach((term, bit) => {
    if (term.optional) return;
    required++;
    if (!term.known) {
      if (containsCjk(term.label)) {
        unknownCjk++;
        return;
      }
      const common = unknownWords.isCommon(term.label);
      if (common) unknownCommon++;
      else unknownRare++;
      if (isForeignWord(term.label, common)) foreignWords++;
      return;
    }
    if (!containsCjk(term.label)) knownTerms++;
    if (isConceptKey(term.key)) knownConcept = true;
    const weight = (term.idf * term.quality) / query.maxIdf;
    known += weight;
    const saysWhatIsAsked = !(readsPartly && term.idf <= PERVASIVE_IDF);
    if (saysWhatIsAsked && ((ranked.matchedTerms | ranked.contextTerms) & (1 << bit)) !== 0) {
      matchedWords++;
      if (isTopicalWord(term.label)) topical = 1;
      if (isConceptKey(term.key)) glossaryMatch = 1;
    }
    if ((ranked.matchedTerms & (1 << bit)) !== 0) {
      matched += weight;
      if (isEverydayEnglishWord(term.label.toLowerCase())) everyday += weight;
    } else if ((ranked.contextTerms & (1 << bit)) !== 0) context += weight;
    else {
      missed += weight;
      if (NUMBER.test(term.label) && !namesNumber(ranked.passage.text, term.label)) missedNumbers++;
    }
  });
  const { proximity, bm25 } = ranked.features;
  const answerType = ranked.answerStrength;
  return {
    knownCoverage: known > 0 ? matched / known : 0,
    context: known > 0 ? context / known : 0,
    matchedMass: Math.min(matched, 3) / 3,
    missedMass: Math.min(missed, 3) / 3,
    matchedEveryday: matched > 0 ? everyday / matched : 0,
    unknownRare: Math.min(unknownRare, 3) / 3,
    unknownCommon: Math.min(unknownCommon, 5) / 5,
    unknownCjk: Math.min(unknownCjk, 3) / 3,
    proximity,
    answerType:
      query.answerType === "person" && !namesAPerson(ranked.passage.text) ? 0 : answerType,
    answerTypeAsked: query.answerType ? 1 : 0,
    missedNumbers: Math.min(missedNumbers, 2) / 2,
    bm25,
    fewTerms: required > 0 ? 1 / required : 1,
    topical: query.aboutLanguage ? 0 : matchedWords >= CHANCE_MATCH_WORDS ? 1 : topical,
    glossaryMatch:
      query.aboutLanguage || query.contextSentence || matchedWords < CHANCE_MATCH_WORDS_WITH_TERM
        ? 0
        : glossaryMatch,
    // Whether a sentence around a question is on the topic does not hang on a sum it asks.
    numberMissing:
      (query.answerType === "quantity" &&
        !(query.asksMoney && !query.contextSentence ? holdsMoneyAmount : holdsNumber)(
          ranked.passage.text,
        )) ||
      (query.answerType === "duration" && !holdsNumber(ranked.passage.text))
        ? 1
        : 0,
    instructionsAsked: query.asksInstructions ? 1 : 0,
    expansionMissing: query.answerType === "expansion" && answerType === 0 ? 1 : 0,
    unmentioned: query.unmentioned.length > 0 ? 1 : 0,
    anotherTopic:
      !query.contextSentence &&
      !knownConcept &&
      foreignWords >= FOREIGN_WORDS_OF_ANOTHER_TOPIC &&
      foreignWords > knownTerms
        ? 1
        : 0,
    undoingUntold:
      query.asksWhetherUndone && !query.contextSentence && !tellsOfUndoing(ranked.passage.text)
        ? 1
        : 0,
    reactionUntold: !query.contextSentence && !ranked.partyReacts ? 1 : 0,
    nobodyElseNamed: !query.contextSentence && !ranked.namesSomeoneElse ? 1 : 0,
  };
}

export function answerProbability(
  features: AnswerabilityFeatures,
  model: AnswerabilityModel = ANSWERABILITY,
): number {
  let logit = model.bias;
  for (const name of ANSWERABILITY_FEATURE_NAMES) logit += model.weights[name] * features[name];
  return 1 / (1 + Math.exp(-logit));
}

/**
 * How sure the engine is that a ranked passage answers the question, in [0, 1]: the model's
 * probability, and 0 for a passage that shares only the commonest English words with the
 * question, however rare those words are in the knowledge ("who won the world cup"), unless one
 * of them is a glossary or vocabulary term ("was the agreement going to be extended?"); 0 too
 * for a passage that holds no number for a question that asks how many, that does not spell out
 * the name a question asks the expansion of, or that would answer a request for instructions or
 * advice with a word the knowledge lacks ("how do I renew my passport").
 */
export function confidenceOf(
  query: Query,
  ranked: RankedPassage,
  model: AnswerabilityModel = ANSWERABILITY,
): number {
  return confidenceFrom(answerabilityFeatures(query, ranked), model);
}

/** The same from features already computed (the fit reuses them across weightings). */
export function confidenceFrom(
  features: AnswerabilityFeatures,
  model: AnswerabilityModel = ANSWERABILITY,
): number {
  return (features.topical === 0 && features.glossaryMatch === 0) ||
    features.numberMissing === 1 ||
    features.instructionsAsked === 1 ||
    features.expansionMissing === 1 ||
    features.unmentioned === 1 ||
    features.anotherTopic === 1 ||
    features.undoingUntold === 1 ||
    features.reactionUntold === 1 ||
    features.nobodyElseNamed === 1
    ? 0
    : answerProbability(features, model);
}
