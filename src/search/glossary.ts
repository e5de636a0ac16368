import type { GlossaryEntry } from "../knowledge/types.ts";
import { isCommonEnglishWord } from "./english.ts";
import { containsCjk, MAX_WORD_LENGTH, normalizeText, tokenize, type Word } from "./text.ts";

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

/** A Korean or Japanese term of several words to the tokeniser: where its spaces or dots stood. */
interface SpacedScriptTerm extends ScriptTerm {
  /** Offsets in `text` where a space or dot was: "캠프 데이비드" has one at 2. */
  readonly breaks: ReadonlySet<number>;
}

/** What may stand between the words of a Korean or Japanese name: "고노 담화", "キャンプ・デービッド", "김대중-오부치". */
const SCRIPT_TERM_BREAKS = /[\s・·-]+/gu;
/** One character that may stand between the words of such a term as a member types it. */
const SCRIPT_WORD_BREAK = /^[\s・·-]$/u;
/** A Korean or Japanese term is found across at most this many words of the question. */
const MAX_SCRIPT_TERM_WORDS = 5;

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
  readonly #spacedScriptTerms: SpacedScriptTerm[] = [];
  readonly #scriptTermKeys = new Set<string>();
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
          this.#scriptTermKeys.add(termKey(term));
          const spaced = spacedScriptTerm(concept, term);
          if (spaced) this.#spacedScriptTerms.push(spaced);
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

  /** Whether a text, all of it, is one term of the glossary: "ホワイト国", "white list". */
  isTerm(text: string): boolean {
    if (containsCjk(text)) return this.#scriptTermKeys.has(termKey(text));
    const tokens = tokenize(text);
    return tokens.length > 0 && this.#wordHitAt(tokens, 0)?.endToken === tokens.length;
  }

  /**
   * The terms a question can never find as written, by entry and term index, with the entry each
   * is read as instead, if any: "ASEAN地域フォーラム" read as the ASEAN entry's term.
   */
  unreachableTerms(
    entries: readonly GlossaryEntry[],
  ): { entry: number; term: number; readAs: number | undefined }[] {
    const unreachable: { entry: number; term: number; readAs: number | undefined }[] = [];
    entries.forEach((entry, concept) => {
      entry.terms.forEach((term, termIndex) => {
        const hits = this.find(tokenize(term), term);
        if (hits.some((hit) => hit.concept === concept)) return;
        unreachable.push({ entry: concept, term: termIndex, readAs: hits[0]?.concept });
      });
    });
    return unreachable;
  }

  /**
   * Longest terms first; a Latin token belongs to at most one hit, a CJK word to every term inside
   * it. With the text the tokens were read from, a Korean or Japanese term is also found across
   * the space, dot or hyphen it is written with ("캠프 데이비드") and with a number or Latin word
   * written against it ("3국").
   */
  find(tokens: readonly PlacedWord[], text?: string): ConceptHit[] {
    const hits: ConceptHit[] = [];
    // Only a text with Korean or Japanese words can hold a term across them: English costs nothing.
    const spacedIn = tokens.some((token) => token.cjk) ? text : undefined;
    for (let index = 0; index < tokens.length; ) {
      const wordHit = this.#wordHitAt(tokens, index);
      if (wordHit) {
        hits.push(wordHit);
        index = wordHit.endToken;
        continue;
      }
      hits.push(...this.#scriptHitsAt(tokens, index, spacedIn));
      index += 1;
    }
    return hits;
  }

  /**
   * The term a term of several words ends with, its head, for the index: "military information
   * agreement" is an agreement, which a member may ask about as "the pact". Not its modifiers:
   * it is no "military" or "information" of its own.
   */
  headOf(tokens: readonly PlacedWord[], hit: ConceptHit): ConceptHit | undefined {
    for (let index = hit.firstToken + 1; index < hit.endToken; index++) {
      const found = this.#wordHitAt(tokens, index, hit.endToken);
      if (found && found.concept !== hit.concept && found.endToken === hit.endToken) return found;
    }
    // "Ministry of Economy, Trade and Industry" is a ministry: in English the head comes before "of".
    for (let index = hit.firstToken + 1; index < hit.endToken; index++) {
      if (tokens[index]?.norm !== "of") continue;
      const found = this.#wordHitAt(tokens, hit.firstToken, index);
      return found && found.concept !== hit.concept && found.endToken === index ? found : undefined;
    }
    return undefined;
  }

  /** The longest term starting at `index` and ending before `limit`. */
  #wordHitAt(
    tokens: readonly PlacedWord[],
    index: number,
    limit = tokens.length,
  ): ConceptHit | undefined {
    const first = tokens[index];
    if (!first) return undefined;
    const afterThe = tokens[index - 1]?.norm === "the";
    for (const term of this.#byFirstStem.get(first.stem) ?? []) {
      const end = index + term.stems.length;
      if (end > limit) continue;
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

  #scriptHitsAt(tokens: readonly PlacedWord[], index: number, text?: string): ConceptHit[] {
    const token = tokens[index];
    if (!token) return [];
    // "3국", "LG디스플레이": a number or Latin word written against a Korean or Japanese one (not
    // one of the character pairs of a Korean or Japanese word, which are searched, not matched).
    if (!token.cjk) {
      // …and only at the start of a written word: "3자" (three-way) is not in "제3자" (third party).
      const startsWord = (tokens[index - 1]?.end ?? -1) < (token.start ?? 0);
      return text === undefined || containsCjk(token.norm) || !startsWord
        ? []
        : this.#spacedScriptHitsAt(tokens, index, [], text);
    }
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
    if (text === undefined) return hits;
    return [...hits, ...this.#spacedScriptHitsAt(tokens, index, hits, text)];
  }

  /**
   * Terms written across words ("고노 담화" typed with its space, "キャンプ・デービッド" with its
   * dot, "3국" a digit against Hangul): found in the run of words that follow one another with one
   * space, dot or hyphen between them or nothing at all, starting in this word and ending in a
   * later one, and only where each space, dot or hyphen crossed falls where the term has one:
   * "대한 국제" does not hold 한국.
   */
  #spacedScriptHitsAt(
    tokens: readonly PlacedWord[],
    index: number,
    found: readonly ConceptHit[],
    text: string,
  ): ConceptHit[] {
    const first = tokens[index] as PlacedWord;
    if (this.#spacedScriptTerms.length === 0 || isClipped(first)) return [];
    /** Each word's end in the joined text, and its token: the character pairs between are skipped. */
    const words: { end: number; token: number; attached: boolean }[] = [
      { end: first.norm.length, token: index, attached: false },
    ];
    let joined = first.norm;
    let before = first;
    for (
      let next = index + 1;
      next < tokens.length && words.length < MAX_SCRIPT_TERM_WORDS;
      next++
    ) {
      const token = tokens[next] as PlacedWord;
      if ((token.start ?? 0) < (before.end ?? 0)) continue;
      const gap = text.slice(before.end ?? 0, token.start ?? 0);
      const attached = gap === "";
      if (isClipped(token) || !(attached || SCRIPT_WORD_BREAK.test(gap))) break;
      joined += token.norm;
      words.push({ end: joined.length, token: next, attached });
      before = token;
    }
    if (words.length === 1 || !words.some((word) => tokens[word.token]?.cjk)) return [];
    const hits: ConceptHit[] = [];
    const taken = new Set(found.map((hit) => hit.concept));
    for (const term of this.#spacedScriptTerms) {
      if (taken.has(term.concept)) continue;
      for (let at = joined.indexOf(term.text); at >= 0 && at < first.norm.length; ) {
        const end = at + term.text.length;
        // The break after word i is crossed when that word ends inside the term.
        const crossed = words.flatMap((word, i) => (word.end > at && word.end < end ? [i] : []));
        const fits = crossed.every(
          (i) => words[i + 1]?.attached === true || term.breaks.has((words[i]?.end ?? 0) - at),
        );
        if (crossed.length > 0 && fits) {
          const last = words.find((word) => word.end >= end) ?? (words[0] as (typeof words)[0]);
          hits.push({
            concept: term.concept,
            firstToken: index,
            endToken: last.token + 1,
            start: first.start ?? 0,
            end: tokens[last.token]?.end ?? 0,
          });
          taken.add(term.concept);
          break;
        }
        at = joined.indexOf(term.text, at + 1);
      }
    }
    return hits;
  }
}

/** A word cut at the tokeniser's length limit: its end is not where the member's word ended. */
function isClipped(word: PlacedWord): boolean {
  return word.norm.length >= MAX_WORD_LENGTH;
}

/** A letter or digit of another script than Korean and Japanese: "3" in "3국", "LG" in "LG디스플레이". */
const NOT_CJK_WORD_CHARACTER =
  /[^\s\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}・·ー々-]/u;

/**
 * "캠프 데이비드" as text "캠프데이비드" with a break at 2, and "3국" (a digit, then Hangul: two
 * words to the tokeniser) with none; nothing for a term of one Korean or Japanese word.
 */
function spacedScriptTerm(concept: number, term: string): SpacedScriptTerm | undefined {
  const parts = normalizeText(term)
    .split(SCRIPT_TERM_BREAKS)
    .filter((part) => part !== "");
  if (parts.length < 2 && !NOT_CJK_WORD_CHARACTER.test(parts[0] ?? "")) return undefined;
  const breaks = new Set<number>();
  let offset = 0;
  for (const part of parts.slice(0, -1)) {
    offset += part.length;
    breaks.add(offset);
  }
  return { concept, text: parts.join(""), breaks };
}
