import { stemmer } from "stemmer";
import { STOP_WORDS } from "./stopwords.ts";

/** A word of a text, with where it stands in that text. */
export interface Token {
  /** The word as written. */
  readonly raw: string;
  /** NFKC, lowercase, straight apostrophes, no possessive 's. */
  readonly norm: string;
  /** What the index stores: the Porter stem for Latin words, the normalised word otherwise. */
  readonly stem: string;
  readonly start: number;
  readonly end: number;
  readonly stop: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const LATIN_WORD = /^[a-z0-9'\u00c0-\u024f]+$/;
const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const MAX_WORD_LENGTH = 40;

export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cf}]+/gu, " ")
    .toLowerCase();
}

export function normalizeWord(word: string): string {
  return normalizeText(word).replace(/’/g, "'").replace(/'s$/, "").replace(/'$/, "");
}

export function stemWord(norm: string): string {
  return LATIN_WORD.test(norm) && norm.length > 2 ? stemmer(norm) : norm;
}

export function containsCjk(text: string): boolean {
  return CJK.test(text);
}

/** Splits a text into words, keeping each word's place in the original text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const norm = normalizeWord(raw).slice(0, MAX_WORD_LENGTH);
    if (norm === "") continue;
    tokens.push({
      raw,
      norm,
      stem: stemWord(norm),
      start: match.index,
      end: match.index + raw.length,
      stop: STOP_WORDS.has(norm),
    });
  }
  return tokens;
}
