import { STOP_WORDS } from "./stopwords.ts";

/** Distinct terms a passage shows in bold at most: more reads as noise, not as a hint. */
export const MAX_HIGHLIGHTED_TERMS = 5;

type Range = readonly [number, number];

/** Letters and digits that make up a word; Chinese, Japanese and Korean are matched as they are. */
const WORD = /[\p{L}\p{N}\p{M}]/u;
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
/** Inside a word, between two letters: You-geun, Japan's. */
const JOINER = /['’\-‐]/u;

const isWordChar = (char: string | undefined) =>
  char !== undefined && WORD.test(char) && !CJK.test(char);

/** Whether text[at] belongs to the word around it (a joiner counts between two letters). */
function inWord(text: string, at: number): boolean {
  const char = text[at];
  if (isWordChar(char)) return true;
  return (
    char !== undefined && JOINER.test(char) && isWordChar(text[at - 1]) && isWordChar(text[at + 1])
  );
}

function wordAround(text: string, [start, end]: Range): [number, number] {
  if (CJK.test(text[start] ?? "")) return [start, end];
  let from = start;
  let to = end;
  while (from > 0 && inWord(text, from - 1)) from--;
  while (to < text.length && inWord(text, to)) to++;
  return [from, to];
}

/** A part of a name: a capitalised word that is not a function word ("The", "In"). */
function isNamePart(word: string): boolean {
  return /^\p{Lu}/u.test(word) && !STOP_WORDS.has(word.toLowerCase());
}

/** The word before `start` or after `end`, across exactly one space. */
function neighbour(text: string, at: number, direction: -1 | 1): Range | undefined {
  const space = direction < 0 ? at - 1 : at;
  if (text[space] !== " ") return undefined;
  const next = direction < 0 ? space - 1 : space + 1;
  if (!inWord(text, next)) return undefined;
  return wordAround(text, [next, next + 1]);
}

/** A capitalised word grown into the whole name it stands in: "Kim" → "Kim You-geun". */
function nameAround(text: string, word: [number, number]): [number, number] {
  const [start, end] = word;
  if (!isNamePart(text.slice(start, end))) return word;
  let from = start;
  let to = end;
  for (let before = neighbour(text, from, -1); before; before = neighbour(text, from, -1)) {
    if (!isNamePart(text.slice(before[0], before[1]))) break;
    from = before[0];
  }
  for (let after = neighbour(text, to, 1); after; after = neighbour(text, to, 1)) {
    if (!isNamePart(text.slice(after[0], after[1]))) break;
    to = after[1];
  }
  return [from, to];
}

/** Overlapping ranges, and ranges only a space apart, become one. */
function merge(ranges: readonly Range[], text: string): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && (start <= last[1] || (start === last[1] + 1 && text[last[1]] === " ")))
      last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * The engine's match ranges as a reader should see them in bold: whole words and whole names,
 * never fragments ("Kim You-geun", not "Kim" and "geun"), and at most `maxTerms` distinct terms.
 * When more terms match, the longest are kept: long words and names tell more than short ones.
 */
export function highlightRanges(
  text: string,
  ranges: readonly Range[],
  maxTerms: number = MAX_HIGHLIGHTED_TERMS,
): [number, number][] {
  const runs = merge(
    ranges.map((range) => nameAround(text, wordAround(text, range))),
    text,
  );
  const termOf = (run: Range) => text.slice(run[0], run[1]).toLowerCase();
  const kept = new Set(
    [...new Set(runs.map(termOf))]
      .map((term, order) => ({ term, order }))
      .sort((a, b) => b.term.length - a.term.length || a.order - b.order)
      .slice(0, maxTerms)
      .map(({ term }) => term),
  );
  return runs.filter((run) => kept.has(termOf(run)));
}
