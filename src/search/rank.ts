import type { Passage } from "../knowledge/types.ts";
import { analyze, conceptKey, type TermOccurrence } from "./analyze.ts";
import type { SearchIndex } from "./build.ts";
import { answerStrength } from "./intent.ts";
import type { Query, QueryTerm } from "./query.ts";
import { reactsAt } from "./reaction.ts";
import { lowerBound } from "./sorted.ts";
import { statesAt } from "./stance.ts";
import { RANK_WEIGHTS } from "./weights.ts";
import { namesSomeoneElse } from "./who.ts";

/** Passages scored on every feature; the rest are ranked by the cheap features alone. */
const CANDIDATES_TO_REFINE = 10;
/** For a question asking what a name stands for: passages checked for one that spells it out. */
const EXPANSION_CANDIDATES = 50;
const BM25_K1 = 1.2;
/**
 * BM25's usual length normalisation. 0.5 was chosen on 30 November by cross-validated top-1 over
 * nine question files (301 of 493 against 293 at 0.75), and the weights in weights.ts were fitted
 * with it. On 1 December, with those weights, 0.5 and 0.75 put 314 questions first alike over nine
 * development files, 0.75 two more in the top three; refitted per fold over eight files, 282 and
 * 281 first; and on four folders of real articles built blind that day and read only as totals
 * (N, O, P, Q), 0.75 put 131 of 228 first against 127, and 181 in the top three against 177.
 */
const BM25_B = 0.75;

/**
 * The answer type weighs in full once some passage matches this share of the question's weight,
 * and in proportion below it. Every other feature is a share of the question's weight, so in a
 * long question, where no passage matches much of it, they all shrink while a passage's date or
 * name would not: a paragraph that matches two words of a member's context and holds a name
 * outranked the one that matches the question. Chosen on 2 December among 0.3, 0.5, 0.7 and 1 on
 * the development files (0.3: nothing moved; 0.7 and 1: paraphrase and real-article files lost
 * first places).
 */
const FULL_ANSWER_TYPE_COVERAGE = 0.5;

/**
 * What the ranking knows of a passage for a question, each in [0, 1] and comparable across
 * questions and knowledge folders of any size, so that one set of fitted weights serves all.
 */
export interface RankFeatures {
  /** BM25, as bm25 / (bm25 + the question's weight). */
  readonly bm25: number;
  /** Share of the question's weight (by rarity) that the passage's own words match. */
  readonly coverage: number;
  /** Share matched only by the article's title or the heading above the passage (not by its tags). */
  readonly titleContext: number;
  /** Share matched only by the paragraph just before: "The talks lasted" continues it. */
  readonly previousContext: number;
  /** Share named by the article's title or tags, whether or not the passage has it too. */
  readonly focus: number;
  /**
   * 1 for the first paragraph of a news article when the folder holds other articles: it
   * restates the headline, so it matches many questions about its article without answering them.
   */
  readonly lead: number;
  /** 1 when the matched terms stand side by side, towards 0 as they spread. */
  readonly proximity: number;
  /**
   * 1 when the passage holds the kind of answer asked for (a date for "when"), 0.5 for a vague
   * one; less where no passage matches much of the question (FULL_ANSWER_TYPE_COVERAGE).
   */
  readonly answerType: number;
}

export type RankWeights = { readonly [feature in keyof RankFeatures]: number };

export const RANK_FEATURE_NAMES: readonly (keyof RankFeatures)[] = [
  "bm25",
  "coverage",
  "titleContext",
  "previousContext",
  "focus",
  "lead",
  "proximity",
  "answerType",
];

export interface RankedPassage {
  readonly passage: Passage;
  readonly score: number;
  readonly features: RankFeatures;
  /** Bit i: the passage has `query.terms[i]`. */
  readonly matchedTerms: number;
  /** Bit i: only the title, heading or the paragraph before has `query.terms[i]`. */
  readonly contextTerms: number;
  /** [start, end) character ranges of the passage's text that match the question. */
  readonly ranges: readonly (readonly [number, number])[];
  /** How well the passage holds the kind of answer asked for, unscaled: `features.answerType`'s source. */
  readonly answerStrength: number;
  /**
   * Whether the party whose reaction the question asks says or does something in a sentence of
   * the passage (reaction.ts); true when it asks none.
   */
  readonly partyReacts: boolean;
  /**
   * Whether the passage names someone the question does not, for a question asking who (who.ts);
   * true when it asks none.
   */
  readonly namesSomeoneElse: boolean;
}

/** Per-passage accumulators, reused by every question on one index (ranking is synchronous). */
interface Scratch {
  readonly bm25: Float64Array;
  readonly matched: Float64Array;
  readonly optionalMatched: Float64Array;
  /** Bit i: query term i is in the passage. */
  readonly termMask: Uint32Array;
  readonly touched: Int32Array;
}

const scratches = new WeakMap<SearchIndex, Scratch>();

function scratchFor(index: SearchIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const size = index.knowledge.passages.length;
    scratch = {
      bm25: new Float64Array(size),
      matched: new Float64Array(size),
      optionalMatched: new Float64Array(size),
      termMask: new Uint32Array(size),
      touched: new Int32Array(size),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

/**
 * In a large corpus, a term in more than this share of the passages (and in at least
 * COMMON_TERM_MIN_PASSAGES) only scores passages that rarer terms found: a passage with nothing
 * but common terms covers too little of the question to win, and scanning it costs the most.
 */
const COMMON_TERM_SHARE = 0.05;
const COMMON_TERM_MIN_PASSAGES = 2000;

type CheapFeatures = Omit<RankFeatures, "proximity" | "answerType">;

interface Preliminary {
  readonly passage: number;
  readonly matchedTerms: number;
  readonly contextTerms: number;
  readonly features: CheapFeatures;
  readonly score: number;
}

function weighted(features: Partial<RankFeatures>, weights: RankWeights): number {
  let score = 0;
  for (const name of RANK_FEATURE_NAMES) score += (features[name] ?? 0) * weights[name];
  return score;
}

export function rankPassages(
  index: SearchIndex,
  query: Query,
  limit: number,
  weights: RankWeights = RANK_WEIGHTS,
): RankedPassage[] {
  const required = query.terms.filter((term) => !term.optional);
  const requiredWeight = required.reduce((sum, term) => sum + term.idf * term.quality, 0);
  if (requiredWeight === 0) return [];

  const scratch = scratchFor(index);
  const total = index.knowledge.passages.length;
  let touchedCount = 0;
  const terms = query.terms
    .map((term, bit) => ({ term, bit, postings: index.postings.get(term.key) }))
    .filter((entry) => entry.postings !== undefined)
    .sort((a, b) => (a.postings?.passages.length ?? 0) - (b.postings?.passages.length ?? 0));
  for (const { term, bit, postings } of terms) {
    if (!postings) continue;
    const common =
      postings.passages.length > Math.max(total * COMMON_TERM_SHARE, COMMON_TERM_MIN_PASSAGES);
    const onlyKnown = touchedCount > 0 && common;
    const weight = term.idf * term.quality;
    for (let i = 0; i < postings.passages.length; i++) {
      const passage = postings.passages[i] as number;
      if (scratch.termMask[passage] === 0) {
        if (onlyKnown) continue;
        scratch.touched[touchedCount++] = passage;
      }
      const count = postings.counts[i] as number;
      const lengthRatio = (index.lengths[passage] as number) / index.averageLength;
      scratch.bm25[passage] =
        (scratch.bm25[passage] as number) +
        (weight * count * (BM25_K1 + 1)) / (count + BM25_K1 * (1 - BM25_B + BM25_B * lengthRatio));
      scratch.matched[passage] = (scratch.matched[passage] as number) + weight;
      if (term.optional)
        scratch.optionalMatched[passage] = (scratch.optionalMatched[passage] as number) + weight;
      scratch.termMask[passage] = (scratch.termMask[passage] as number) | (1 << bit);
    }
  }

  const requiredBits = query.terms
    .map((term, bit) => ({ term, bit }))
    .filter((entry) => !entry.term.optional);
  // Few paragraphs spell a name out, and the ones that name it most may not: look further for one.
  const keep = Math.max(
    limit,
    query.answerType === "expansion" ? EXPANSION_CANDIDATES : CANDIDATES_TO_REFINE,
  );
  // What a document's title and tags hold of the question is the same for all its passages.
  const byDocument = new Map<string, { focus: number; titleMask: number }>();
  const documentTerms = (documentId: string) => {
    let found = byDocument.get(documentId);
    if (!found) {
      const articleKeys = index.documentKeys.get(documentId);
      const titleKeys = index.titleKeys.get(documentId);
      let focus = 0;
      let titleMask = 0;
      for (const { term, bit } of requiredBits) {
        if (articleKeys?.has(term.key)) focus += term.idf * term.quality;
        if (titleKeys?.has(term.key)) titleMask |= 1 << bit;
      }
      found = { focus, titleMask };
      byDocument.set(documentId, found);
    }
    return found;
  };
  const best: Preliminary[] = [];
  let bestCoverage = 0;
  for (let t = 0; t < touchedCount; t++) {
    const passageIndex = scratch.touched[t] as number;
    const passage = index.knowledge.passages[passageIndex] as Passage;
    const mask = scratch.termMask[passageIndex] as number;
    const previous = index.knowledge.passages[passageIndex - 1];
    const previousMask =
      previous?.documentId === passage.documentId && previous.paragraph === passage.paragraph - 1
        ? (scratch.termMask[passageIndex - 1] as number)
        : 0;
    const { focus, titleMask } = documentTerms(passage.documentId);
    const headingKeys = index.headingKeys[passageIndex];
    let titleContext = 0;
    let previousContext = 0;
    let contextTerms = 0;
    for (const { term, bit } of requiredBits) {
      if ((mask & (1 << bit)) !== 0) continue;
      const weight = term.idf * term.quality;
      if ((titleMask & (1 << bit)) !== 0 || headingKeys?.has(term.key)) {
        titleContext += weight;
        contextTerms |= 1 << bit;
      } else if ((previousMask & (1 << bit)) !== 0) {
        previousContext += weight;
        contextTerms |= 1 << bit;
      }
    }
    const bm25 = scratch.bm25[passageIndex] as number;
    const features: CheapFeatures = {
      bm25: bm25 / (bm25 + requiredWeight),
      coverage:
        ((scratch.matched[passageIndex] as number) -
          (scratch.optionalMatched[passageIndex] as number)) /
        requiredWeight,
      titleContext: titleContext / requiredWeight,
      previousContext: previousContext / requiredWeight,
      focus: focus / requiredWeight,
      lead: passage.paragraph === 1 && index.rivalLedes.has(passage.documentId) ? 1 : 0,
    };
    bestCoverage = Math.max(bestCoverage, features.coverage);
    scratch.bm25[passageIndex] = 0;
    scratch.matched[passageIndex] = 0;
    scratch.optionalMatched[passageIndex] = 0;
    keepBest(
      best,
      {
        passage: passageIndex,
        matchedTerms: mask,
        contextTerms,
        features,
        score: weighted(features, weights),
      },
      keep,
    );
  }
  for (let t = 0; t < touchedCount; t++) scratch.termMask[scratch.touched[t] as number] = 0;

  const answerTypeScale = Math.min(1, bestCoverage / FULL_ANSWER_TYPE_COVERAGE);
  const stance = query.stanceOf;
  const stating = new Set<RankedPassage>();
  const refined = best.map((entry): RankedPassage => {
    const passage = index.knowledge.passages[entry.passage] as Passage;
    const matching = matchesIn(index, query, passage);
    const answerStrength = answerTypeStrength(index, query, passage, matching);
    const features: RankFeatures = {
      ...entry.features,
      proximity: proximityOf(matching),
      answerType: answerStrength * answerTypeScale,
    };
    const ranked: RankedPassage = {
      passage,
      score: weighted(features, weights),
      features,
      matchedTerms: entry.matchedTerms,
      contextTerms: entry.contextTerms,
      ranges: mergeRanges(
        matching.map((occurrence) => [occurrence.start, occurrence.end] as const),
      ),
      answerStrength,
      partyReacts: partyReactsIn(query, passage, matching, entry.contextTerms),
      namesSomeoneElse: query.whoAsked ? namesSomeoneElse(query.whoAsked, passage.text) : true,
    };
    if (stance && statesAt(passage.text, edgesOf(stance, matching, "end"))) stating.add(ranked);
    return ranked;
  });
  // Only a passage that spells a name out says what it stands for: such a passage comes first.
  const spelledOutFirst = query.answerType === "expansion";
  refined.sort(
    (a, b) =>
      (spelledOutFirst ? b.answerStrength - a.answerStrength : 0) ||
      b.score - a.score ||
      a.passage.index - b.passage.index,
  );
  // The party whose stance is asked states it; the one asked about is someone the question does
  // not name. A passage that does comes first from among the best few.
  if (stating.size > 0) firstFromBest(refined, (entry) => stating.has(entry));
  if (query.whoAsked) firstFromBest(refined, (entry) => entry.namesSomeoneElse);
  return refined.slice(0, limit);
}

/** How far down the ranking a passage that holds what is asked is moved up from. */
const PLACES_TO_MOVE_FROM = 3;

/** Moves to the front, from among the best PLACES_TO_MOVE_FROM, a passage that `holds`, when the first does not. */
function firstFromBest(ranked: RankedPassage[], holds: (entry: RankedPassage) => boolean): void {
  const first = ranked[0];
  if (!first || holds(first)) return;
  const at = ranked.slice(1, PLACES_TO_MOVE_FROM).findIndex(holds);
  if (at >= 0) ranked.unshift(...ranked.splice(at + 1, 1));
}

/** Where in the passage each match of a party's keys starts, or ends. */
function edgesOf(
  party: ReadonlySet<string>,
  matching: readonly TermOccurrence[],
  edge: "start" | "end",
): number[] {
  return matching
    .filter((occurrence) => party.has(occurrence.key))
    .map((occurrence) => occurrence[edge]);
}

function partyReactsIn(
  query: Query,
  passage: Passage,
  matching: readonly TermOccurrence[],
  contextTerms: number,
): boolean {
  const party = query.reactionOf;
  if (!party) return true;
  const namedAbove = query.terms.some(
    (term, bit) => party.has(term.key) && (contextTerms & (1 << bit)) !== 0,
  );
  return reactsAt(passage.text, edgesOf(party, matching, "start"), namedAbove);
}

/**
 * How well a passage holds a definition when it defines something ("is a", "known as") but not,
 * in so many words, the thing asked about, or when its article first names the thing there, as
 * news and fact sheets define at first mention, whatever words they use.
 */
const LOOSE_DEFINITION_STRENGTH = 0.75;

/** After a term the passage defines: "PNR, its joint venture", "GSOMIA (the…)", "X is a", "X means". */
const DEFINED_AFTER =
  /^(?:\s*\(|,\s+(?:its|their|the|a|an|which|who|whose)\s|\s+(?:is|are|was|were)\s+(?:a|an|the)\s|\s+(?:refers?\s+to|means|stands\s+for)\b)/iu;
/** Before it: its name spelled out ("Agreement (GSOMIA"), or "known as", "so-called". */
const DEFINED_BEFORE =
  /(?:\p{L}\s*\(\s*|\b(?:known\s+as|called|dubbed|named)\s+(?:the\s+)?["“'‘]?)$/iu;
/** Around it, in parentheses: "the General Security of Military Information Agreement (GSOMIA)", "GSOMIA (General…)". */
const SPELLED_OUT_AFTER = /^\s*\(\s*\p{Lu}\p{Ll}/u;
const SPELLED_OUT_BEFORE = /\p{Lu}\p{Ll}+\s*\(\s*$/u;
/** How far from the term its definition may start, in characters. */
const DEFINING_REACH = 40;

/**
 * How well the passage holds the kind of answer asked for. A definition is best where the passage
 * defines the thing asked about in so many words ("PNR, its joint venture with…"); a name's
 * expansion only where the passage spells out that name.
 */
function answerTypeStrength(
  index: SearchIndex,
  query: Query,
  passage: Passage,
  matching: readonly TermOccurrence[],
): number {
  switch (query.answerType) {
    case undefined:
      return 0;
    case "expansion":
      if (definesTheTerm(query, passage, matching, SPELLED_OUT_BEFORE, SPELLED_OUT_AFTER)) return 1;
      return writesOutTheName(query, passage, matching) ? WRITTEN_OUT_STRENGTH : 0;
    case "definition":
      if (definesTheTerm(query, passage, matching, DEFINED_BEFORE, DEFINED_AFTER)) return 1;
      return answerStrength("definition", passage.text) === 1 || firstNamesIt(index, query, passage)
        ? LOOSE_DEFINITION_STRENGTH
        : 0;
    default:
      return answerStrength(query.answerType, passage.text);
  }
}

/** The thing a definition is asked of: the question's rarest term the knowledge has (terms come rarest first). */
function rarestKnownTerm(query: Query): QueryTerm | undefined {
  return query.terms.find((term) => term.known && !term.optional);
}

/** Whether the passage defines the question's rarest term where it names it. */
function definesTheTerm(
  query: Query,
  passage: Passage,
  matching: readonly TermOccurrence[],
  before: RegExp,
  after: RegExp,
): boolean {
  const rarest = rarestKnownTerm(query);
  if (!rarest) return false;
  const text = passage.text;
  return matching.some(
    (occurrence) =>
      occurrence.key === rarest.key &&
      (after.test(text.slice(occurrence.end, occurrence.end + DEFINING_REACH)) ||
        before.test(text.slice(Math.max(0, occurrence.start - DEFINING_REACH), occurrence.start))),
  );
}

/**
 * How well a passage says what a name stands for when it writes the name out without the
 * abbreviation beside it: it answers, but "…Agreement (GSOMIA)" shows the member both.
 */
const WRITTEN_OUT_STRENGTH = 0.75;

/** Words an acronym may take a letter from or leave out: "General Security of Military…" is GSOMIA. */
const ACRONYM_SMALL_WORDS: ReadonlySet<string> = new Set([
  "of",
  "and",
  "the",
  "for",
  "on",
  "in",
  "to",
]);

/**
 * Whether the passage writes out in full the name the question's rarest term abbreviates, as
 * another name for it in the glossary: "World Trade Organization" for "what does WTO stand for".
 */
function writesOutTheName(
  query: Query,
  passage: Passage,
  matching: readonly TermOccurrence[],
): boolean {
  const rarest = rarestKnownTerm(query);
  if (!rarest || !/^\p{L}{2,8}$/u.test(rarest.label)) return false;
  const letters = rarest.label.toUpperCase();
  return matching.some((occurrence) => {
    if (occurrence.key !== rarest.key) return false;
    const words = passage.text.slice(occurrence.start, occurrence.end).split(/[\s-]+/u);
    return words.length >= 2 && abbreviates(letters, words);
  });
}

/** Whether the words' initials spell the letters, small words giving theirs or none. */
function abbreviates(letters: string, words: readonly string[]): boolean {
  const from = (letter: number, word: number): boolean => {
    if (word === words.length) return letter === letters.length;
    const current = words[word] as string;
    if (letter < letters.length && current[0]?.toUpperCase() === letters[letter]) {
      if (from(letter + 1, word + 1)) return true;
    }
    return ACRONYM_SMALL_WORDS.has(current.toLowerCase()) && from(letter, word + 1);
  };
  return from(0, 0);
}

/**
 * Whether the passage is the first of its article to hold the question's rarest known term, in
 * an article about it (its title or tags name it): a sheet on the United States that first
 * names GSOMIA in passing does not define it.
 */
function firstNamesIt(index: SearchIndex, query: Query, passage: Passage): boolean {
  const rarest = rarestKnownTerm(query);
  const postings = rarest && index.postings.get(rarest.key);
  if (!postings || !index.documentKeys.get(passage.documentId)?.has(rarest.key)) return false;
  const firstOfArticle = passage.index - (passage.paragraph - 1);
  const first = lowerBound(postings.passages, (holder) => holder < firstOfArticle);
  return postings.passages[first] === passage.index;
}

/** The places in a passage's text of the question's terms. */
function matchesIn(index: SearchIndex, query: Query, passage: Passage): TermOccurrence[] {
  const queryKeys = new Set(query.terms.map((term) => term.key));
  const analysis = analyze(passage.text, index.glossary);
  // The index also holds a long term's head ("agreement" of "military information agreement").
  const heads = analysis.hits
    .flatMap((hit) => index.glossary.headOf(analysis.tokens, hit) ?? [])
    .map((hit) => ({
      key: conceptKey(hit.concept),
      position: hit.firstToken,
      start: hit.start,
      end: hit.end,
    }));
  return [...analysis.occurrences, ...heads].filter((occurrence) => queryKeys.has(occurrence.key));
}

/** [start, end) ranges of a passage's text that match the question, for highlighting. */
export function matchRanges(
  index: SearchIndex,
  query: Query,
  passage: Passage,
): [number, number][] {
  return mergeRanges(
    matchesIn(index, query, passage).map(
      (occurrence) => [occurrence.start, occurrence.end] as const,
    ),
  );
}

/** Keeps the `size` best entries, best first, without sorting every candidate. */
function keepBest(best: Preliminary[], entry: Preliminary, size: number): void {
  const worst = best[best.length - 1];
  if (
    best.length >= size &&
    worst &&
    (worst.score > entry.score || (worst.score === entry.score && worst.passage < entry.passage))
  )
    return;
  let at = best.length;
  while (at > 0) {
    const above = best[at - 1] as Preliminary;
    if (above.score > entry.score || (above.score === entry.score && above.passage < entry.passage))
      break;
    at--;
  }
  best.splice(at, 0, entry);
  if (best.length > size) best.pop();
}

/** 1 when the matched terms stand side by side, towards 0 as they spread through the passage. */
function proximityOf(occurrences: readonly { key: string; position: number }[]): number {
  const distinct = new Set(occurrences.map((occurrence) => occurrence.key)).size;
  if (distinct <= 1) return 1;
  const sorted = [...occurrences].sort((a, b) => a.position - b.position);
  const inWindow = new Map<string, number>();
  let best = Number.POSITIVE_INFINITY;
  let left = 0;
  for (let right = 0; right < sorted.length; right++) {
    const entering = sorted[right] as { key: string; position: number };
    inWindow.set(entering.key, (inWindow.get(entering.key) ?? 0) + 1);
    while (inWindow.size === distinct) {
      const leaving = sorted[left] as { key: string; position: number };
      best = Math.min(best, entering.position - leaving.position + 1);
      const count = (inWindow.get(leaving.key) ?? 1) - 1;
      if (count === 0) inWindow.delete(leaving.key);
      else inWindow.set(leaving.key, count);
      left++;
    }
  }
  return Math.min(1, (distinct + 1) / best);
}

function mergeRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
