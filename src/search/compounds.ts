import { englishListSize } from "./english.ts";
import { STOP_WORDS } from "./stopwords.ts";
import { stemWord } from "./text.ts";

/** Shorter words are rarely two words joined ("carpet", "become"). */
const MIN_COMPOUND_LENGTH = 7;
const MIN_PART_LENGTH = 3;
/** SCOWL's commonest words ("together", "season") are words of their own, whatever they hold. */
const COMMONEST_LIST_SIZE = 10;
/** Each part must be an English word at least this common (SCOWL's list size). */
const MAX_PART_LIST_SIZE = 35;
/**
 * A phrasal verb's particle: a "setback", a "crackdown" or a "takeover" is not about going back,
 * down or over, and "hit back" would find every setback.
 */
const PARTICLES: ReadonlySet<string> = new Set([
  "away",
  "back",
  "down",
  "off",
  "out",
  "over",
  "up",
]);
const LOWER_LATIN = /^[a-z]+$/u;

const partsOf = new Map<string, readonly string[]>();
/** Cleared when it holds this many words, so a bot that runs for months stays bounded. */
const MAX_CACHED_WORDS = 500_000;

/**
 * The stems of the two words a closed compound joins, which the index holds for it beside its own
 * ("wartime": war, time; "lawmakers": law, maker; "postwar": post, war), so that a question's
 * "war" finds "wartime"; none for any other word.
 */
export function compoundParts(norm: string): readonly string[] {
  let parts = partsOf.get(norm);
  if (parts === undefined) {
    parts = split(norm);
    if (partsOf.size >= MAX_CACHED_WORDS) partsOf.clear();
    partsOf.set(norm, parts);
  }
  return parts;
}

function split(norm: string): readonly string[] {
  if (norm.length < MIN_COMPOUND_LENGTH || !LOWER_LATIN.test(norm)) return [];
  const size = englishListSize(norm);
  if (size === undefined || size <= COMMONEST_LIST_SIZE) return [];
  for (let at = MIN_PART_LENGTH; at <= norm.length - MIN_PART_LENGTH; at++) {
    const first = norm.slice(0, at);
    const second = norm.slice(at);
    if (isPart(first) && isPart(second)) {
      const stem = stemWord(norm);
      return [stemWord(first), stemWord(second)].filter((part) => part !== stem);
    }
  }
  return [];
}

function isPart(word: string): boolean {
  return (
    !STOP_WORDS.has(word) &&
    !PARTICLES.has(word) &&
    (englishListSize(word) ?? Number.POSITIVE_INFINITY) <= MAX_PART_LIST_SIZE
  );
}
