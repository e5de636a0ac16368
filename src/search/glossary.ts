import type { GlossaryEntry } from "../knowledge/types.ts";
import { isCommonEnglishWord } from "./english.ts";
import { containsCjk, normalizeText, tokenize, type Word } from "./text.ts";

/** A word, with its place in the text when the caller needs the hits' places. */
type PlacedWord = Word & { readonly start?: number; readonly end?: number };

/** Where a glossary term stands in a tokenised text (places are 0 for words without one). */
export interface ConceptHit {
  /** Index of the glossary entry. */
  readonly concept: number;
  /** Tokens [firstToken, endToken) that the term covers. */
  readonly firstToken: number;
  readonly endToken: number;
  readonly start: number;
  readonly end: number;
}

interface WordTerm {
  readonly concept: number;
  readonly stems: readonly string[];
  /**
   * Short all-capital terms whose lower case is an English word (US, IT) match only as written,
   * or after "the": "the us" is the United States, "tell us" is not. Others (ROK, WTO) match
   * in any case.
   */
  readonly exactRaw: readonly string[] | undefined;
}

interface ScriptTerm {
  readonly concept: number;
  readonly text: string;
}

/** What may stand between the words of a Korean or Japanese name: "고노 담화", "キャンプ・デービッド". */
const SCRIPT_TERM_BREAKS = /[\s・·]+/gu;
/** A Korean or Japanese term is found across at most this many words of the question. */
const MAX_SCRIPT_TERM_WORDS = 3;

/**
 * What the matcher tells terms apart by: a Latin term's word stems ("talk" and "talks" are one),
 * a Korean or Japanese term's characters without spaces. Two entries may not share one.
 */
export function termKey(term: string): string {
  return containsCjk(term)
    ? normalizeText(term).replace(SCRIPT_TERM_BREAKS, "")
    : tokenize(term)
        .map((token) => token.stem)
        .join(" ");
}

/** Finds glossary terms in tokenised text: word sequences for Latin terms, substrings for CJK ones. */
export class GlossaryMatcher {
  readonly #byFirstStem = new Map<string, WordTerm[]>();
  readonly #scriptTerms: ScriptTerm[] = [];
  readonly labels: readonly string[];
  /** Every normalised word of every term, for the typo-correcting vocabulary. */
  readonly words: ReadonlySet<string>;

  constructor(entries: readonly GlossaryEntry[]) {
    this.labels = entries.map((entry) => entry.terms[0] ?? "");
    const words = new Set<string>();
    entries.forEach((entry, concept) => {
      for (const term of entry.terms) {
        if (containsCjk(term)) {
          this.#scriptTerms.push({ concept, text: termKey(term) });
          continue;
        }
        const tokens = tokenize(term);
        const first = tokens[0];
        if (!first) continue;
        for (const token of tokens) words.add(token.norm);
        const letters = term.replace(/[^\p{L}]/gu, "");
        const collides = tokens.some(
          (token) => token.norm.length <= 1 || isCommonEnglishWord(token.norm),
        );
        const exactRaw =
          letters.length <= 3 && letters === letters.toUpperCase() && collides
            ? tokens.map((token) => token.raw)
            : undefined;
        const list = this.#byFirstStem.get(first.stem) ?? [];
        list.push({ concept, stems: tokens.map((token) => token.stem), exactRaw });
        list.sort((a, b) => b.stems.length - a.stems.length);
        this.#byFirstStem.set(first.stem, list);
      }
    });
    this.#scriptTerms.sort((a, b) => b.text.length - a.text.length);
    this.words = words;
  }

  get size(): number {
    return this.labels.length;
  }

  /** Longest terms first; a Latin token belongs to at most one hit, a CJK word to every term inside it. */
  find(tokens: readonly PlacedWord[]): ConceptHit[] {
    const hits: ConceptHit[] = [];
    for (let index = 0; index < tokens.length; ) {
      const wordHit = this.#wordHitAt(tokens, index);
      if (wordHit) {
        hits.push(wordHit);
        index = wordHit.endToken;
        continue;
      }
      hits.push(...this.#scriptHitsAt(tokens, index));
      index += 1;
    }
    return hits;
  }

  #wordHitAt(tokens: readonly PlacedWord[], index: number): ConceptHit | undefined {
    const first = tokens[index];
    if (!first) return undefined;
    const afterThe = tokens[index - 1]?.norm === "the";
    for (const term of this.#byFirstStem.get(first.stem) ?? []) {
      const end = index + term.stems.length;
      if (end > tokens.length) continue;
      let matches = true;
      for (let offset = 0; offset < term.stems.length && matches; offset++) {
        const token = tokens[index + offset] as PlacedWord;
        matches =
          token.stem === term.stems[offset] &&
          (term.exactRaw === undefined || afterThe || token.raw === term.exactRaw[offset]);
      }
      if (matches) {
        const last = tokens[end - 1] as PlacedWord;
        return {
          concept: term.concept,
          firstToken: index,
          endToken: end,
          start: first.start ?? 0,
          end: last.end ?? 0,
        };
      }
    }
    return undefined;
  }

  #scriptHitsAt(tokens: readonly PlacedWord[], index: number): ConceptHit[] {
    const token = tokens[index];
    if (!token?.cjk) return [];
    const hits: ConceptHit[] = [];
    let rest = token.norm;
    for (const term of this.#scriptTerms) {
      if (!rest.includes(term.text)) continue;
      rest = rest.replaceAll(term.text, " ");
      if (hits.some((hit) => hit.concept === term.concept)) continue;
      hits.push({
        concept: term.concept,
        firstToken: index,
        endToken: index + 1,
        start: token.start ?? 0,
        end: token.end ?? 0,
      });
    }
    return [...hits, ...this.#spacedScriptHitsAt(tokens, index, hits)];
  }

  /**
   * Terms written across words ("고노 담화" typed with its space, "キャンプ・デービッド" with its
   * dot): found in the run of Korean or Japanese words that follow one another with a single
   * space or dot between them, starting in this word and ending in a later one.
   */
  #spacedScriptHitsAt(
    tokens: readonly PlacedWord[],
    index: number,
    found: readonly ConceptHit[],
  ): ConceptHit[] {
    const first = tokens[index] as PlacedWord;
    /** The joined length after each word, and that word's token: the pairs of characters between are skipped. */
    const ends: { length: number; token: number }[] = [{ length: first.norm.length, token: index }];
    let joined = first.norm;
    let before = first;
    for (
      let next = index + 1;
      next < tokens.length && ends.length < MAX_SCRIPT_TERM_WORDS;
      next++
    ) {
      const token = tokens[next] as PlacedWord;
      if ((token.start ?? 0) < (before.end ?? 0)) continue;
      if (!token.cjk || (token.start ?? 0) - (before.end ?? 0) !== 1) break;
      joined += token.norm;
      ends.push({ length: joined.length, token: next });
      before = token;
    }
    if (ends.length === 1) return [];
    const hits: ConceptHit[] = [];
    for (const term of this.#scriptTerms) {
      const at = joined.indexOf(term.text);
      const end = at + term.text.length;
      if (at < 0 || at >= first.norm.length || end <= first.norm.length) continue;
      if ([...found, ...hits].some((hit) => hit.concept === term.concept)) continue;
      const endToken = (ends.find((word) => word.length >= end)?.token ?? index) + 1;
      hits.push({
        concept: term.concept,
        firstToken: index,
        endToken,
        start: first.start ?? 0,
        end: tokens[endToken - 1]?.end ?? 0,
      });
    }
    return hits;
  }
}
