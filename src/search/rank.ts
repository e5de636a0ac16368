import type { Passage } from "../knowledge/types.ts";
import { analyze, conceptKey, positionsInHits } from "./analyze.ts";
import type { SearchIndex } from "./build.ts";
import { QUESTION_WORDS } from "./stopwords.ts";
import { containsCjk, stemWord, type Token, tokenize } from "./text.ts";

/** Longer questions are cut here: no member types more, and it bounds the work a question costs. */
export const MAX_QUESTION_CHARS = 1000;
const MAX_QUERY_TERMS = 32;
const CANDIDATES_TO_REFINE = 40;
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Share of a term's weight earned when it is only in the article's title or tags. */
const TITLE_CREDIT = 0.5;
/** Share of a term's weight kept after each corrected typo. */
const TYPO_PENALTY = 0.15;

export interface QueryTerm {
  readonly key: string;
  /** The words of the question it stands for. */
  readonly label: string;
  readonly idf: number;
  /** 1, or less for a corrected typo. */
  readonly quality: number;
  /** Words inside a glossary phrase: they help a passage that has them, and cost nothing otherwise. */
  readonly optional: boolean;
  readonly known: boolean;
}

export interface Query {
  readonly text: string;
  readonly truncated: boolean;
  readonly terms: readonly QueryTerm[];
  readonly questionWords: ReadonlySet<string>;
  readonly corrections: readonly { readonly from: string; readonly to: string }[];
}

export interface RankedPassage {
  readonly passage: Passage;
  readonly score: number;
  /** How much of the question the passage answers, in [0, 1]. */
  readonly confidence: number;
  /** [start, end) character ranges of the passage's text that match the question. */
  readonly ranges: readonly (readonly [number, number])[];
}

export function parseQuery(index: SearchIndex, question: string): Query {
  const cleaned = question.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, " ");
  const truncated = cleaned.length > MAX_QUESTION_CHARS;
  const text = (truncated ? cleaned.slice(0, MAX_QUESTION_CHARS) : cleaned).trim();
  const corrections: { from: string; to: string }[] = [];
  const quality = new Map<number, number>();
  const tokens = tokenize(text).map((token, position): Token => {
    if (
      token.stop ||
      containsCjk(token.norm) ||
      index.vocabulary.has(token.norm) ||
      index.postings.has(token.stem)
    ) {
      return token;
    }
    const correction = index.vocabulary.correct(token.norm);
    if (!correction) return token;
    corrections.push({ from: token.raw, to: correction.word });
    quality.set(position, 1 - TYPO_PENALTY * correction.distance);
    return { ...token, norm: correction.word, stem: stemWord(correction.word) };
  });
  const analysis = analyze(text, index.glossary, tokens);

  const terms = new Map<string, QueryTerm>();
  const total = index.knowledge.passages.length;
  const add = (key: string, label: string, termQuality: number, optional: boolean) => {
    const existing = terms.get(key);
    if (existing && (!existing.optional || optional) && existing.quality >= termQuality) return;
    const documentFrequency = index.postings.get(key)?.passages.length ?? 0;
    terms.set(key, {
      key,
      label,
      idf: documentFrequency > 0 ? idf(total, documentFrequency) : unknownWordIdf(total, label),
      quality: Math.max(termQuality, existing?.quality ?? 0),
      optional: optional && (existing?.optional ?? true),
      known: documentFrequency > 0,
    });
  };
  const inHit = positionsInHits(analysis.hits);
  for (const hit of analysis.hits) {
    let hitQuality = 1;
    for (let position = hit.firstToken; position < hit.endToken; position++) {
      hitQuality = Math.min(hitQuality, quality.get(position) ?? 1);
    }
    add(conceptKey(hit.concept), text.slice(hit.start, hit.end), hitQuality, false);
  }
  tokens.forEach((token, position) => {
    if (!token.stop) add(token.stem, token.raw, quality.get(position) ?? 1, inHit.has(position));
  });

  const strongestFirst = [...terms.values()]
    .sort((a, b) => b.idf - a.idf)
    .slice(0, MAX_QUERY_TERMS);
  return {
    text,
    truncated,
    terms: strongestFirst,
    questionWords: new Set(
      tokens.filter((token) => QUESTION_WORDS.has(token.norm)).map((token) => token.norm),
    ),
    corrections,
  };
}

/**
 * A word the knowledge never uses weighs as much as its rarest word, so an off-topic question
 * stays mostly unanswered. A Korean or Japanese word outside the glossary weighs less: the
 * knowledge is in English, so it neither supports nor contradicts a passage.
 */
function unknownWordIdf(total: number, word: string): number {
  return idf(total, 1) * (containsCjk(word) ? 0.3 : 0.9);
}

function idf(total: number, documentFrequency: number): number {
  return Math.log(1 + (total - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

interface Candidate {
  readonly passage: number;
  bm25: number;
  matched: number;
  optionalMatched: number;
  matchedKeys: string[];
}

export function rankPassages(index: SearchIndex, query: Query, limit: number): RankedPassage[] {
  const required = query.terms.filter((term) => !term.optional);
  const requiredWeight = required.reduce((sum, term) => sum + term.idf * term.quality, 0);
  if (requiredWeight === 0) return [];

  const candidates = new Map<number, Candidate>();
  for (const term of query.terms) {
    const postings = index.postings.get(term.key);
    if (!postings) continue;
    const weight = term.idf * term.quality;
    for (let i = 0; i < postings.passages.length; i++) {
      const passage = postings.passages[i] as number;
      const count = postings.counts[i] as number;
      let candidate = candidates.get(passage);
      if (!candidate) {
        candidate = { passage, bm25: 0, matched: 0, optionalMatched: 0, matchedKeys: [] };
        candidates.set(passage, candidate);
      }
      const lengthRatio = (index.lengths[passage] as number) / index.averageLength;
      candidate.bm25 +=
        (weight * count * (BM25_K1 + 1)) / (count + BM25_K1 * (1 - BM25_B + BM25_B * lengthRatio));
      candidate.matched += weight;
      if (term.optional) candidate.optionalMatched += weight;
      candidate.matchedKeys.push(term.key);
    }
  }

  const scored = [...candidates.values()].map((candidate) => {
    const passage = index.knowledge.passages[candidate.passage] as Passage;
    const titleKeys = index.documentKeys.get(passage.documentId);
    let titleCredit = 0;
    if (titleKeys) {
      for (const term of required) {
        if (titleKeys.has(term.key) && !candidate.matchedKeys.includes(term.key)) {
          titleCredit += TITLE_CREDIT * term.idf * term.quality;
        }
      }
    }
    const coverage =
      (candidate.matched + titleCredit) / (requiredWeight + candidate.optionalMatched);
    const strength = candidate.bm25 / (candidate.bm25 + requiredWeight);
    return { candidate, passage, coverage, strength, preliminary: coverage + 0.3 * strength };
  });
  scored.sort((a, b) => b.preliminary - a.preliminary || a.candidate.passage - b.candidate.passage);

  const queryKeys = new Set(query.terms.map((term) => term.key));
  const refined = scored
    .slice(0, Math.max(limit, CANDIDATES_TO_REFINE))
    .map((entry): RankedPassage => {
      const analysis = analyze(entry.passage.text, index.glossary);
      const matching = analysis.occurrences.filter((occurrence) => queryKeys.has(occurrence.key));
      const proximity = proximityOf(matching);
      return {
        passage: entry.passage,
        score: entry.preliminary + 0.1 * proximity,
        confidence: Math.min(1, Math.max(0, entry.coverage * (0.85 + 0.15 * proximity))),
        ranges: mergeRanges(
          matching.map((occurrence) => [occurrence.start, occurrence.end] as const),
        ),
      };
    });
  refined.sort((a, b) => b.score - a.score || a.passage.index - b.passage.index);
  return refined.slice(0, limit);
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
  return Math.min(1, distinct / best);
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
